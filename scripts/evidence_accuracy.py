"""Precision and recall of extracted quantities against a hand-checked sample.

Usage: python scripts/evidence_accuracy.py [--sample FILE] [--shared DIR] [-v]

The sample (tests/data/evidence_sample.json) lists, for each report read by hand, the
sections checked ("A": the information about the local authority area; "B" or "C": the
numbered findings) and every quantity stated there: value, unit, measure (or null),
role (current, previous, national) and date. Each report is ingested as usual and its
quantities in the checked sections are compared with the sample's, per report, as
multisets of (measure, value, unit, role) and, in findings, the finding's number.
Printed: precision and recall over all quantities, the same for quantities with a
measure of the scheme, and how many matched quantities have the sample's date.
``-v`` lists every miss and every extra. Reports whose file is missing are skipped,
saying so. Exit code 0, or 2 when the sample cannot be read.
"""

import argparse
import json
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("OFSTED_SHARED") or ROOT.parent / "shared")
SAMPLE = ROOT / "tests" / "data" / "evidence_sample.json"
SECTIONS = {"A": "area-information", "B": "findings", "C": "findings"}


@dataclass
class Tally:
    expected: int = 0
    found: int = 0
    matched: int = 0
    dated: int = 0  # matched with the sample's date
    misses: list = field(default_factory=list)
    extras: list = field(default_factory=list)
    undated: list = field(default_factory=list)  # matched, but with another date

    def add(self, other: "Tally") -> None:
        for name in ("expected", "found", "matched", "dated"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses
        self.extras += other.extras
        self.undated += other.undated


def key(row: dict, section: str) -> tuple:
    finding = row.get("finding") if section == "findings" else None
    return (section, finding, row["measure"], round(float(row["value"]), 2), row["unit"],
            row["role"])


def extracted(path: Path, sections: set[str]) -> list[tuple[tuple, str | None]]:
    from ingest.pipeline import read_report

    rows = []
    for evidence in read_report(path).evidence:
        if evidence.section not in sections:
            continue
        for quantity in evidence.quantities:
            row = {"finding": evidence.finding, "measure": quantity.measure,
                   "value": quantity.value, "unit": quantity.unit, "role": quantity.role}
            rows.append((key(row, evidence.section), quantity.ref_date))
    return rows


def compare(report: dict, path: Path, measured_only: bool) -> Tally:
    checked = re.findall(r"\b([ABC]):", report["sections_checked"])
    sections = {SECTIONS[letter] for letter in checked}
    expected = [(key(row, row.get("section", "area-information")), row["refDate"])
                 for row in report["quantities"]]
    found = extracted(path, sections)
    if measured_only:
        expected = [row for row in expected if row[0][2] is not None]
        found = [row for row in found if row[0][2] is not None]
    tally = Tally(expected=len(expected), found=len(found))
    wanted = Counter(k for k, _ in expected)
    dates = {}
    for k, ref_date in expected:
        dates.setdefault(k, []).append(ref_date)
    for k, ref_date in found:
        if wanted[k] > 0:
            wanted[k] -= 1
            tally.matched += 1
            tally.dated += ref_date in dates[k]
            if ref_date not in dates[k]:
                tally.undated.append((report["file"], k, ref_date, dates[k]))
        else:
            tally.extras.append((report["file"], k, ref_date))
    tally.misses = [(report["file"], k) for k, n in wanted.items() for _ in range(n)]
    return tally


def locate(file: str, shared: Path) -> Path:
    return shared / file if file.startswith("seeds/") else shared / "corpus" / file


def score(tally: Tally) -> str:
    precision = tally.matched / tally.found if tally.found else 0.0
    recall = tally.matched / tally.expected if tally.expected else 0.0
    return (f"precision {precision:.3f} ({tally.matched}/{tally.found})  "
            f"recall {recall:.3f} ({tally.matched}/{tally.expected})  "
            f"date agrees {tally.dated}/{tally.matched}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample", type=Path, default=SAMPLE)
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    try:
        reports = json.loads(args.sample.read_text(encoding="utf-8"))["reports"]
    except (OSError, ValueError, KeyError) as error:
        print(f"Error: {args.sample}: cannot be read as a sample ({error})", file=sys.stderr)
        return 2
    totals = {False: Tally(), True: Tally()}
    for report in reports:
        path = locate(report["file"], args.shared)
        if not path.is_file():
            print(f"skipped {report['file']}: not found in {args.shared}", file=sys.stderr)
            continue
        for measured_only, total in totals.items():
            tally = compare(report, path, measured_only)
            total.add(tally)
            if not measured_only:
                print(f"{report['file']:45} {score(tally)}")
    print(f"\nall quantities ({len(reports)} reports): {score(totals[False])}")
    print(f"with a measure of the scheme: {score(totals[True])}")
    if args.verbose:
        for miss in totals[False].misses:
            print("missed", *miss)
        for extra in totals[False].extras:
            print("extra ", *extra)
        for undated in totals[False].undated:
            print("date  ", *undated)
    return 0


if __name__ == "__main__":
    sys.exit(main())
