"""What every corpus report reads as: a JSON line per file, to compare two versions.

Usage: python scripts/reading_survey.py [--corpus DIR] [-j N] > survey.jsonl
       python scripts/reading_survey.py --compare before.jsonl after.jsonl

Each line holds the file, its framework, days on site (every spell), lead inspectors,
judgements, the numbers of the findings and recommendations read per body, the lists
stated to be empty, the headings that open a list of recommendations, and the parse
problems found. ``--compare`` prints what changed between two surveys, file by
file, and totals: reports with a violation, paragraphs read, problems by kind.
"""

import argparse
import json
import os
import re
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("OFSTED_SHARED") or ROOT.parent / "shared")


def survey(path: Path) -> dict:
    from ingest.errors import InputError
    from ingest.parsing import parse_report
    from ingest.parsing.audit import audited
    from ingest.sources import read_source

    name = f"{path.parent.name}/{path.name}"
    try:
        text = read_source(path)
        text_lines = text.lines
        report = audited(parse_report, text)
    except InputError as error:
        return {"file": name, "refused": str(error).split(": ", 1)[-1]}
    spells = getattr(report, "spells", ()) or ((report.start, report.end),)
    leads = getattr(report, "leads", None)
    return {
        "file": name, "framework": report.framework,
        "spells": [[str(a), str(b)] for a, b in spells],
        "published": str(report.published) if report.published else None,
        "leads": [[p.name, p.role] for p in leads] if leads is not None
        else [[report.lead_inspector, None]] if report.lead_inspector else [],
        "judgements": {j.area: j.grade for j in report.judgements},
        "findings": {body: sorted(f.number for f in report.findings if f.body == body)
                     for body in sorted({f.body for f in report.findings})},
        "recommendations": {body: len([r for r in report.recommendations if r.body == body])
                            for body in sorted({r.body for r in report.recommendations})},
        "problems": sorted(f"{p.severity}: {p.message}" for p in report.parse_problems),
        "empty lists": [[e.body, e.number, e.heading, e.text]
                        for e in getattr(report, "empty_lists", ())],
        "list headings": _list_headings(report, text_lines),
    }


def _list_headings(report, lines) -> list[str]:
    """The headings (not contents entries) that open a list of recommendations, as
    printed, once each."""
    from ingest.parsing.audit import _RECOMMENDATION_HEADING

    if report.framework == "area-send":
        return []
    return sorted({line.text for line in lines if _RECOMMENDATION_HEADING.match(line.text)
                   and _HEADING.fullmatch(line.text)})


# A heading line: capitalised, short, no sentence in it; a footnote mark may follow.
_HEADING = re.compile(r"[A-Z][^.,;]{0,60}?[?:]?\d?")


def run(corpus: Path, jobs: int) -> None:
    files = sorted(corpus.glob("*/*.pdf"))
    with ProcessPoolExecutor(jobs) as pool:
        for row in pool.map(survey, files, chunksize=4):
            print(json.dumps(row, sort_keys=True))


def _load(path: Path) -> dict[str, dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return {row["file"]: row for row in rows}


def _kind(problem: str) -> str:
    return re.sub(r"\d+(?:-\d+)?", "N", problem)[:70]


def _totals(rows: dict[str, dict]) -> dict[str, int]:
    read = [r for r in rows.values() if "refused" not in r]
    return {
        "reports": len(read),
        "with a violation": sum(any(p.startswith("Violation") for p in r["problems"])
                                for r in read),
        "findings read": sum(len(n) for r in read for n in r["findings"].values()),
        "recommendations read": sum(sum(r["recommendations"].values()) for r in read),
        "violations": sum(p.startswith("Violation") for r in read for p in r["problems"]),
        "warnings": sum(p.startswith("Warning") for r in read for p in r["problems"]),
        "two or more spells": sum(len(r["spells"]) > 1 for r in read),
        "lead inspectors": sum(len(r["leads"]) for r in read),
        "lists stated empty": sum(len(r.get("empty lists", [])) for r in read),
        "reports stating an empty list": sum(bool(r.get("empty lists")) for r in read),
    }


def compare(before_path: Path, after_path: Path) -> None:
    before, after = _load(before_path), _load(after_path)
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name, {}), after.get(name, {})
        changed = sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
        for key in changed:
            print(f"{name} {key}: {_short(old.get(key))} -> {_short(new.get(key))}")
    totals_before, totals_after = _totals(before), _totals(after)
    print("\n| measure | before | after |\n|---|---|---|")
    for key in totals_before:
        print(f"| {key} | {totals_before[key]} | {totals_after[key]} |")
    headings = Counter(h for r in after.values() for h in r.get("list headings", []))
    print("\nheadings opening a list of recommendations (reports printing each), after:")
    for heading, count in sorted(headings.items(), key=lambda item: (-item[1], item[0])):
        print(f"  {count:4} {heading}")
    kinds = Counter(_kind(p) for r in after.values() for p in r.get("problems", []))
    print("\nproblems after, by kind:")
    for kind, count in kinds.most_common():
        print(f"  {count:4} {kind}")


def _short(value: object) -> str:
    text = json.dumps(value)
    return text if len(text) < 400 else text[:400] + "..."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args(argv)
    if args.compare:
        compare(*args.compare)
        return 0
    if not args.corpus.is_dir():
        print(f"Error: {args.corpus}: no corpus there", file=sys.stderr)
        return 2
    run(args.corpus, args.jobs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
