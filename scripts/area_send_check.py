"""Area SEND reports read by the parser against the facts read by hand.

Usage: python scripts/area_send_check.py [--corpus DIR]

For each report of ``tests/data/area-send/hand-read.json`` (kept aside while the parser
was written, read by hand from its PDF text first), prints every fact that differs, then
how many reports match in every fact; then, for every report of the corpus folder, the
outcome and the numbers read (findings by section, priority actions, areas for
improvement, inspectors), for a reader to look over. Exit 1 if a hand-read fact differs.
"""

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("OFSTED_SHARED") or ROOT.parent / "shared")
FACTS = ROOT / "tests" / "data" / "area-send" / "hand-read.json"


def facts_read(path: Path) -> dict[str, object]:
    from ingest.pipeline import read_report

    report = read_report(path)
    assert report.area_send is not None
    areas = Counter(f.area for f in report.findings)
    kinds = Counter(r.kind for r in report.recommendations)
    return {"outcome": report.area_send.outcome.key, "start": str(report.start),
            "end": str(report.end), "effective": areas["effective"],
            "do-better": areas["do-better"], "priority-actions": kinds["priority-action"],
            "improvements": kinds["area-for-improvement"],
            "previous": report.area_send.previous,
            "partnership": areas["partnership"], "experiences": areas["experiences"],
            "team": len(report.area_send.team)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus-send")
    corpus = parser.parse_args().corpus
    if not corpus.is_dir():
        print(f"Error: {corpus}: no such folder (set OFSTED_SHARED)", file=sys.stderr)
        return 2
    facts = json.loads(FACTS.read_text(encoding="utf-8"))["reports"]
    matched = 0
    for folder, want in facts.items():
        got = facts_read(next((corpus / folder).glob("*.pdf")))
        differ = {k: (v, got[k]) for k, v in want.items() if got[k] != v}
        matched += not differ
        print(f"{folder:32} {'matches' if not differ else differ}")
    print(f"{matched} of {len(facts)} hand-read reports match in every fact\n")
    for path in sorted(corpus.glob("*/*.pdf")):
        got = facts_read(path)
        print(f"{path.parent.name:32} {got['outcome']:18} partnership {got['partnership']:2}"
              f" experiences {got['experiences']:2} effective {got['effective']:2} do-better"
              f" {got['do-better']:2} priority {got['priority-actions']} improvements"
              f" {got['improvements']} team {got['team']}")
    return 0 if matched == len(facts) else 1


if __name__ == "__main__":
    sys.exit(main())
