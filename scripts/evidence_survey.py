"""Every quantity the reader finds in the corpus, one line each, to compare two versions.

Usage: python scripts/evidence_survey.py [--corpus DIR ...] [-j N] > quantities.tsv
       python scripts/evidence_survey.py --compare before.tsv after.tsv [-v]

Each line holds the file, the evidence's finding (or "area"), the number as printed and
where it stands, its value, unit, measure, role and date, and the evidence's text. A rule
of docs/evidence.md is surveyed by writing the lines before and after it and comparing
them: ``--compare`` counts the quantities whose reading changed (by what: date, role,
measure, unit), those no longer read and those new, and ``-v`` lists each with its text,
to be read. Unreadable files are left out (the ingest reports them). Exit code 0, or 2
when a file to compare cannot be read.
"""

import argparse
import os
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("OFSTED_SHARED") or ROOT.parent / "shared")
FIELDS = ("value", "unit", "measure", "role", "date")


def survey(path: Path) -> list[str]:
    from ingest.errors import InputError
    from ingest.pipeline import read_report

    try:
        report = read_report(path)
    except InputError:
        return []
    name = f"{path.parent.name}/{path.name}"
    lines = []
    for evidence in report.evidence:
        place = "area" if evidence.finding is None else f"{evidence.body}-{evidence.finding}"
        text = " ".join(evidence.text.split())
        for q in evidence.quantities:
            lines.append("\t".join([name, place, f"{q.words}@{q.start}", str(q.value), q.unit,
                                    str(q.measure), q.role, str(q.ref_date), text]))
    return lines


def load(path: Path) -> dict[tuple[str, ...], tuple[str, ...]]:
    """(file, place, the text's opening, words) -> (value, unit, measure, role, date, text)."""
    rows = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        name, place, words, *reading, text = line.split("\t")
        rows[(name, place, text[:80], words)] = (*reading, text)
    return rows


def compare(before: Path, after: Path, verbose: bool) -> None:
    old, new = load(before), load(after)
    counts: Counter[str] = Counter()
    for key in sorted(set(old) | set(new)):
        was, now = old.get(key), new.get(key)
        if was and now and was[:5] == now[:5]:
            continue
        if was and now:
            counts["changed"] += 1
            counts.update(f"changed {f}" for f, a, b in zip(FIELDS, was, now, strict=False)
                          if a != b)
        else:
            counts["new" if was is None else "no longer read"] += 1
        if verbose:
            text = (now or was or ("",))[-1]
            print(f"{key[0]} {key[1]} {key[3]}: {' '.join(was[:5]) if was else '-'} -> "
                  f"{' '.join(now[:5]) if now else '-'}\n    {text[:300]}")
    print(", ".join(f"{kind}: {n}" for kind, n in sorted(counts.items())))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, nargs="+",
                        default=[SHARED / "corpus", SHARED / "corpus-send"])
    parser.add_argument("-j", type=int, default=1)
    parser.add_argument("--compare", type=Path, nargs=2)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    if args.compare:
        try:
            compare(*args.compare, args.verbose)
        except (OSError, ValueError) as error:
            print(f"Error: cannot compare: {error}", file=sys.stderr)
            return 2
        return 0
    files = sorted(p for folder in args.corpus for p in folder.glob("*/*.pdf"))
    with ProcessPoolExecutor(args.j) as pool:
        for lines in pool.map(survey, files):
            for line in lines:
                print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
