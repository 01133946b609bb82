"""Precision and recall of extracted quantities against a hand-checked sample.

Usage: python scripts/evidence_accuracy.py [--sample FILE] [--relabel FILE] [--shared DIR] [-v]
       python scripts/evidence_accuracy.py --sample FILE --reader FILE [-v]

The sample (tests/data/evidence_sample.json) lists, for each report read by hand, the
sections checked ("A": the information about the local authority area; "B" or "C": the
numbered findings) and every quantity stated there: value, unit, measure (or null),
role (current, previous, national) and date. Each report is ingested as usual and its
quantities in the checked sections are compared with the sample's, per report, as
multisets of (measure, value, unit, role) and, in findings, the finding's number.
Printed: precision and recall over all quantities, the same for quantities with a
measure of the scheme, and how many matched quantities have the sample's date.

Then, for the area statistics and for findings apart, each quantity is located by its
place, value and unit alone (so a quantity read with the wrong measure, role or date
still counts as found), giving precision and recall of what is read as a quantity and,
of the located quantities, how many have the sample's measure, role and date. A report
may list ``findings_checked`` (finding numbers): then only those findings are compared.
``-v`` lists every miss and every extra. Reports whose file is missing are skipped,
saying so. ``--relabel FILE`` scores against the sample with some dates read again by
the written date convention (tests/data/evidence_heldout4_convention.json: each entry
names one quantity of the sample, its date as labelled and by the convention); the
output then opens with a line saying so. Exit code 0, or 2 when the sample or the
relabelling cannot be read or an entry matches no quantity of the sample.

``--reader FILE`` scores a second reader's sample of the same reports (read without
seeing the first's) in place of the extractor, over the sections and findings the first
reader checked: how far two careful readers agree, the ceiling against which the
extractor's figures are read (swap the files for the other way round). A report the
second reader did not read is skipped, saying so.
"""

import argparse
import json
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
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


@dataclass
class Located:
    """Quantities located by place, value and unit; measure, role and date compared."""

    expected: int = 0
    found: int = 0
    matched: int = 0
    measure: int = 0
    role: int = 0
    date: int = 0

    def add(self, other: "Located") -> None:
        for name in ("expected", "found", "matched", "measure", "role", "date"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@lru_cache(maxsize=4)
def _evidence(path: Path) -> tuple:
    from ingest.pipeline import read_report

    return tuple(read_report(path).evidence)


def extracted(path: Path, sections: set[str],
              findings: set[int] | None = None) -> list[tuple[tuple, str | None]]:
    rows = []
    for evidence in _evidence(path):
        if evidence.section not in sections:
            continue
        if evidence.section == "findings" and findings is not None \
                and evidence.finding not in findings:
            continue
        for quantity in evidence.quantities:
            row = {"finding": evidence.finding, "measure": quantity.measure,
                   "value": quantity.value, "unit": quantity.unit, "role": quantity.role}
            rows.append((key(row, evidence.section), quantity.ref_date))
    return rows


def checked(report: dict) -> tuple[set[str], set[int] | None]:
    """The sections a report was read for and, if it says so, the findings."""
    letters = re.findall(r"\b([ABC]):", report["sections_checked"])
    findings = report.get("findings_checked")
    return {SECTIONS[letter] for letter in letters}, set(findings) if findings else None


def expected_rows(report: dict) -> list[tuple[tuple, str | None]]:
    return [(key(row, row.get("section", "area-information")), row["refDate"])
            for row in report["quantities"]]


def locate_quantities(expected: list, found: list) -> dict[str, Located]:
    """Per section, pair found with expected quantities of the same place, value and
    unit, each found one with the expected one agreeing in most of measure, role, date."""
    result = {section: Located() for section in ("area-information", "findings")}
    pool: dict[tuple, list] = {}
    for k, ref_date in expected:
        result[k[0]].expected += 1
        pool.setdefault((k[0], k[1], k[3], k[4]), []).append((k[2], k[5], ref_date))
    for k, ref_date in found:
        tally = result[k[0]]
        tally.found += 1
        candidates = pool.get((k[0], k[1], k[3], k[4]))
        if not candidates:
            continue
        got = (k[2], k[5], ref_date)
        best = max(candidates, key=lambda want: sum(a == b for a, b in zip(want, got, strict=True)))
        candidates.remove(best)
        tally.matched += 1
        tally.measure += best[0] == got[0]
        tally.role += best[1] == got[1]
        tally.date += best[2] == got[2]
    return result


def read_by(reader: dict, sections: set[str],
            findings: set[int] | None) -> list[tuple[tuple, str | None]]:
    """A second reader's quantities of a report, in the sections (and findings) given."""
    return [(k, ref_date) for k, ref_date in expected_rows(reader)
            if k[0] in sections and (k[0] != "findings" or findings is None or k[1] in findings)]


def compare(report: dict, found: list[tuple[tuple, str | None]], measured_only: bool) -> Tally:
    expected = expected_rows(report)
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


def located_score(tally: Located) -> str:
    def share(part: int, whole: int) -> str:
        return f"{part / whole if whole else 0.0:.3f} ({part}/{whole})"

    return (f"precision {share(tally.matched, tally.found)}  "
            f"recall {share(tally.matched, tally.expected)}  "
            f"measure {share(tally.measure, tally.matched)}  "
            f"role {share(tally.role, tally.matched)}  date {share(tally.date, tally.matched)}")


def relabelled(reports: list[dict], entries: list[dict]) -> list[dict]:
    """The sample's reports with each entry's quantity given its ``convention`` date.
    Raises ValueError naming an entry that matches no quantity of the sample."""
    result = [dict(report, quantities=[dict(q) for q in report["quantities"]])
              for report in reports]
    fields = ("section", "finding", "value", "unit", "role")
    for entry in entries:
        wanted = [q for report in result if report["file"] == entry["file"]
                  for q in report["quantities"]
                  if all(q.get(name) == entry[name] for name in fields)
                  and q["refDate"] == entry["labelled"] and not q.get("_relabelled")]
        if not wanted:
            raise ValueError(f"no quantity of the sample is {entry}")
        wanted[0].update(refDate=entry["convention"], _relabelled=True)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample", type=Path, default=SAMPLE)
    parser.add_argument("--relabel", type=Path, default=None)
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--reader", type=Path, default=None,
                        help="a second reader's sample, scored in place of the extractor")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    try:
        reports = _reports(args.sample)
        readers = {r["file"]: r for r in _reports(args.reader)} if args.reader else None
    except (OSError, ValueError, KeyError) as error:
        print(f"Error: cannot be read as a sample ({error})", file=sys.stderr)
        return 2
    if args.relabel is not None:
        try:
            entries = json.loads(args.relabel.read_text(encoding="utf-8"))["quantities"]
            reports = relabelled(reports, entries)
        except (OSError, ValueError, KeyError, TypeError) as error:
            print(f"Error: {args.relabel}: cannot relabel the sample ({error})", file=sys.stderr)
            return 2
        print(f"relabelled by the written date convention ({args.relabel.name}): "
              f"{len(entries)} dates of the sample\n")
    totals = {False: Tally(), True: Tally()}
    located = {"area-information": Located(), "findings": Located()}
    for report in reports:
        sections, findings = checked(report)
        if readers is not None:
            if report["file"] not in readers:
                print(f"skipped {report['file']}: not read by {args.reader}", file=sys.stderr)
                continue
            found = read_by(readers[report["file"]], sections, findings)
        else:
            path = locate(report["file"], args.shared)
            if not path.is_file():
                print(f"skipped {report['file']}: not found in {args.shared}", file=sys.stderr)
                continue
            found = extracted(path, sections, findings)
        by_section = locate_quantities(expected_rows(report), found)
        for section, tally in by_section.items():
            located[section].add(tally)
        for measured_only, total in totals.items():
            tally = compare(report, found, measured_only)
            total.add(tally)
            if not measured_only:
                print(f"{report['file']:45} {score(tally)}")
    print(f"\nall quantities ({len(reports)} reports): {score(totals[False])}")
    print(f"with a measure of the scheme: {score(totals[True])}")
    print("\nlocated by place, value and unit; measure, role and date of those located:")
    print(f"area statistics: {located_score(located['area-information'])}")
    print(f"findings: {located_score(located['findings'])}")
    if args.verbose:
        for miss in totals[False].misses:
            print("missed", *miss)
        for extra in totals[False].extras:
            print("extra ", *extra)
        for undated in totals[False].undated:
            print("date  ", *undated)
    return 0


def _reports(path: Path) -> list[dict]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))["reports"]
    except (OSError, ValueError, KeyError) as error:
        raise ValueError(f"{path}: {error}") from error


if __name__ == "__main__":
    sys.exit(main())
