"""How many paragraphs that recommendations cite ("(paragraph 24)") the links recover.

Usage: python scripts/citation_recovery.py [--corpus DIR]

For every corpus report whose recommendations cite paragraphs, counts the pairs
(recommendation, cited paragraph) and how many of them are linked: by the stated links
made from the citations, and by text similarity alone (the same report linked with its
citations ignored). Also lists each citation the text check doubts. Reads every PDF:
a few minutes on the whole corpus.
"""

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("OFSTED_SHARED") or ROOT.parent / "shared")


def pairs_linked(path: Path) -> tuple[int, int, int, list[str]] | None:
    """(cited pairs, linked as stated, linked by text alone, doubts) or None."""
    from ingest.enrich.links import link_report
    from ingest.errors import InputError
    from ingest.parsing import parse_report
    from ingest.sources import read_source

    try:
        report = parse_report(read_source(path))
    except InputError:
        return None
    cited = [(r.body, r.number, n) for r in report.recommendations for n in r.cited]
    if not cited:
        return None
    linked = link_report(report)
    plain = link_report(replace(report, recommendations=[
        replace(r, cited=()) for r in report.recommendations]))
    stated = {(s.body, s.recommendation, s.finding) for s in linked.supports
              if s.method == "stated"}
    by_text = {(s.body, s.recommendation, s.finding) for s in plain.supports}
    doubts = [f"{path.parent.name}/{path.name}: recommendation {s.recommendation} cites "
              f"{s.finding}, closer {s.doubt.neighbour} ({s.doubt.cited_score} vs "
              f"{s.doubt.neighbour_score})" for s in linked.supports if s.doubt]
    return (len(cited), sum(p in stated for p in cited), sum(p in by_text for p in cited),
            doubts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    corpus = parser.parse_args().corpus
    if not corpus.is_dir():
        print(f"Error: {corpus}: no corpus folder", file=sys.stderr)
        return 2
    totals = [0, 0, 0]
    reports = 0
    for path in sorted(corpus.glob("*/*.pdf")):
        found = pairs_linked(path)
        if found is None:
            continue
        reports += 1
        for i in range(3):
            totals[i] += found[i]
        print(f"{path.parent.name}/{path.name}: {found[0]} cited, {found[1]} stated, "
              f"{found[2]} by text alone")
        for line in found[3]:
            print(f"  doubt: {line}")
    cited, stated, by_text = totals
    if cited:
        print(f"{reports} reports, {cited} cited pairs: stated links recover {stated} "
              f"({stated / cited:.0%}), text similarity alone {by_text} ({by_text / cited:.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
