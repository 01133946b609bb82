"""The accuracy of extracted quantities on the held-out reports (tests/data/evidence_heldout.json,
evidence_heldout2.json to evidence_heldout5.json, all seen now) is what docs/evidence.md
says it is: the script is run and its figures for the area statistics and the findings are
compared with the tables under "Held-out reports", "Second held-out reports" (after the
third round), "Fourth held-out reports" (after the fifth round, as labelled and relabelled
by the written date convention), evidence_heldout7.json under "Seventh held-out reports"
(after the eighth round) and evidence_heldout8.json under "Eighth held-out reports" (after
the ninth round), and every later sample under the heading SAMPLES names for it: its
unseen table, measured once, until a round moves its figures, then that round's "After the
... round (seen)" table (the earlier tables kept as the record); the tables of the two
readers' agreement of the ninth to sixteenth samples are
checked by default (they read no PDF). Reads 8 corpus reports each: marked ``corpus``; the
checks of the samples themselves run by default."""

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "evidence_accuracy.py"
HELDOUT = ROOT / "tests" / "data" / "evidence_heldout.json"
HELDOUT2 = ROOT / "tests" / "data" / "evidence_heldout2.json"
HELDOUT3 = ROOT / "tests" / "data" / "evidence_heldout3.json"
HELDOUT4 = ROOT / "tests" / "data" / "evidence_heldout4.json"
HELDOUT5 = ROOT / "tests" / "data" / "evidence_heldout5.json"
HELDOUT6 = ROOT / "tests" / "data" / "evidence_heldout6.json"
HELDOUT7 = ROOT / "tests" / "data" / "evidence_heldout7.json"
HELDOUT8 = ROOT / "tests" / "data" / "evidence_heldout8.json"
HELDOUT9 = ROOT / "tests" / "data" / "evidence_heldout9-agreed.json"
READER_A = ROOT / "tests" / "data" / "evidence_heldout9.json"
READER_B = ROOT / "tests" / "data" / "evidence_heldout9b.json"
HELDOUT10 = ROOT / "tests" / "data" / "evidence_heldout10-agreed.json"
READER_A10 = ROOT / "tests" / "data" / "evidence_heldout10.json"
READER_B10 = ROOT / "tests" / "data" / "evidence_heldout10b.json"
HELDOUT11 = ROOT / "tests" / "data" / "evidence_heldout11-agreed.json"
READER_A11 = ROOT / "tests" / "data" / "evidence_heldout11.json"
READER_B11 = ROOT / "tests" / "data" / "evidence_heldout11b.json"
HELDOUT12 = ROOT / "tests" / "data" / "evidence_heldout12-agreed.json"
READER_A12 = ROOT / "tests" / "data" / "evidence_heldout12.json"
READER_B12 = ROOT / "tests" / "data" / "evidence_heldout12b.json"
HELDOUT13 = ROOT / "tests" / "data" / "evidence_heldout13-agreed.json"
READER_A13 = ROOT / "tests" / "data" / "evidence_heldout13.json"
READER_B13 = ROOT / "tests" / "data" / "evidence_heldout13b.json"
HELDOUT14 = ROOT / "tests" / "data" / "evidence_heldout14-agreed.json"
READER_A14 = ROOT / "tests" / "data" / "evidence_heldout14.json"
READER_B14 = ROOT / "tests" / "data" / "evidence_heldout14b.json"
HELDOUT15 = ROOT / "tests" / "data" / "evidence_heldout15-agreed.json"
READER_A15 = ROOT / "tests" / "data" / "evidence_heldout15.json"
READER_B15 = ROOT / "tests" / "data" / "evidence_heldout15b.json"
HELDOUT16 = ROOT / "tests" / "data" / "evidence_heldout16-agreed.json"
READER_A16 = ROOT / "tests" / "data" / "evidence_heldout16.json"
READER_B16 = ROOT / "tests" / "data" / "evidence_heldout16b.json"
CONVENTION4 = ROOT / "tests" / "data" / "evidence_heldout4_convention.json"
# each sample, the heading of its section in docs/evidence.md, how its table starts and the
# relabelling by the written date convention it is scored with, if any
FIFTEENTH = "#### After the fifteenth round (seen)"
SIXTEENTH = "#### After the sixteenth round (seen)"
SAMPLES = [(HELDOUT, "### Held-out reports", "| held-out", None),
           (HELDOUT2, "#### After the third round (seen)", "| seen quantities", None),
           (HELDOUT3, FIFTEENTH, "| seen quantities (third held-out)", None),
           (HELDOUT4, "#### After the fifth round (seen)", "| seen quantities", None),
           (HELDOUT4, "#### After the fifth round (seen)", "| seen, written convention",
            CONVENTION4),
           (HELDOUT5, SIXTEENTH, "| seen quantities (fifth held-out, sixteenth round)", None),
           (HELDOUT6, FIFTEENTH, "| seen quantities (sixth held-out)", None),
           (HELDOUT7, SIXTEENTH, "| seen quantities (seventh held-out, sixteenth round)",
            None),
           (HELDOUT8, "#### After the ninth round (seen)", "| seen quantities", None),
           (HELDOUT9, FIFTEENTH, "| seen quantities (ninth, agreed)", None),
           (HELDOUT10, FIFTEENTH,
            "| seen quantities (tenth, agreed)", None),
           (HELDOUT11, FIFTEENTH,
            "| seen quantities (eleventh, agreed)", None),
           (HELDOUT12, FIFTEENTH,
            "| seen quantities (twelfth, agreed)", None),
           (HELDOUT13, FIFTEENTH,
            "| seen quantities (thirteenth, agreed)", None),
           (HELDOUT14, SIXTEENTH,
            "| seen quantities (fourteenth, agreed, sixteenth round)", None),
           (HELDOUT15, SIXTEENTH, "| seen quantities (fifteenth, agreed)", None),
           (HELDOUT16, "### Sixteenth held-out reports (unseen, two readers)",
            "| unseen quantities (sixteenth, agreed)", None)]
FIGURE = r"\d\.\d{3} \((\d+)/(\d+)\)"


def documented(heading: str, table_start: str) -> dict[str, list[tuple[str, str]]]:
    """A held-out table of docs/evidence.md: per row, five (part, whole) figures."""
    text = (ROOT / "docs" / "evidence.md").read_text(encoding="utf-8")
    table = text.split(heading, 1)[1].split(f"\n\n{table_start}", 1)[1]
    rows = {}
    for row in ("area statistics", "findings"):
        line = next(x for x in table.splitlines() if x.startswith(f"| {row} |"))
        rows[row] = re.findall(FIGURE, line)
    return rows


@pytest.mark.corpus
@pytest.mark.parametrize("sample, heading, table_start, relabel", SAMPLES)
def test_heldout_figures_are_the_documented_ones(shared, sample, heading, table_start, relabel):
    extra = ["--relabel", str(relabel)] if relabel else []
    result = subprocess.run([sys.executable, str(SCRIPT), "--sample", str(sample),
                             "--shared", str(shared), *extra], capture_output=True, text=True,
                            check=True)
    assert "skipped" not in result.stderr, result.stderr
    lines = result.stdout.splitlines()
    for row, figures in documented(heading, table_start).items():
        assert len(figures) == 5, (row, figures)  # precision, recall, measure, role, date
        line = next(x for x in lines if x.startswith(f"{row}:"))
        assert re.findall(FIGURE, line) == figures, line


@pytest.mark.parametrize("sample", [HELDOUT, HELDOUT2, HELDOUT3, HELDOUT4, HELDOUT5,
                                    HELDOUT6, HELDOUT7, HELDOUT8, HELDOUT9, READER_A,
                                    READER_B, HELDOUT10, READER_A10, READER_B10,
                                    HELDOUT11, READER_A11, READER_B11, HELDOUT12,
                                    READER_A12, READER_B12, HELDOUT13,
                                    READER_A13, READER_B13, HELDOUT14,
                                    READER_A14, READER_B14, HELDOUT15,
                                    READER_A15, READER_B15, HELDOUT16,
                                    READER_A16, READER_B16])
def test_heldout_sample_keeps_to_its_sections(sample):
    """Every held-out quantity lies in a section its report says was read, and in
    findings within findings_checked, so the comparison is fair."""
    for report in json.loads(sample.read_text(encoding="utf-8"))["reports"]:
        letters = set(re.findall(r"\b([ABC]):", report["sections_checked"]))
        for quantity in report["quantities"]:
            if quantity["section"] == "area-information":
                assert "A" in letters, report["file"]
            else:
                assert letters & {"B", "C"}, report["file"]
                assert quantity["finding"] in report["findings_checked"], quantity


@pytest.mark.parametrize(("first", "second", "heading", "table_start"), [
    (READER_A, READER_B, "### Ninth held-out reports (unseen, two readers)",
     "| reader B against reader A"),
    (READER_A10, READER_B10, "### Tenth held-out reports (unseen, two readers)",
     "| reader B against reader A (tenth)"),
    (READER_A11, READER_B11, "### Eleventh held-out reports (unseen, two readers)",
     "| reader B against reader A (eleventh)"),
    (READER_A12, READER_B12, "### Twelfth held-out reports (unseen, two readers)",
     "| reader B against reader A (twelfth)"),
    (READER_A13, READER_B13, "### Thirteenth held-out reports (unseen, two readers)",
     "| reader B against reader A (thirteenth)"),
    (READER_A14, READER_B14, "### Fourteenth held-out reports (unseen, two readers)",
     "| reader B against reader A (fourteenth)"),
    (READER_A15, READER_B15, "### Fifteenth held-out reports (unseen, two readers)",
     "| reader B against reader A (fifteenth)"),
    (READER_A16, READER_B16, "### Sixteenth held-out reports (unseen, two readers)",
     "| reader B against reader A (sixteenth)")])
def test_the_documented_agreement_of_the_two_readers_is_the_scripts(first, second, heading,
                                                                    table_start):
    result = subprocess.run([sys.executable, str(SCRIPT), "--sample", str(first),
                             "--reader", str(second)], capture_output=True, text=True,
                            check=True)
    lines = result.stdout.splitlines()
    for row, figures in documented(heading, table_start).items():
        assert len(figures) == 5, (row, figures)
        line = next(x for x in lines if x.startswith(f"{row}:"))
        assert re.findall(FIGURE, line) == figures, line


def test_the_convention_relabels_quantities_of_the_sample_and_leaves_it_as_read():
    """Each entry of the written convention's relabelling names one quantity of the fourth
    held-out sample by its labelled date; the sample file keeps the hand's reading."""
    spec = importlib.util.spec_from_file_location("evidence_accuracy", SCRIPT)
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    relabelled = script.relabelled

    reports = json.loads(HELDOUT4.read_text(encoding="utf-8"))["reports"]
    entries = json.loads(CONVENTION4.read_text(encoding="utf-8"))["quantities"]
    after = relabelled(reports, entries)
    changed = [(a["refDate"], b["refDate"]) for r, s in zip(reports, after, strict=True)
               for a, b in zip(r["quantities"], s["quantities"], strict=True)
               if a["refDate"] != b["refDate"]]
    assert len(changed) == len(entries) == 19
    assert all(new is None for _, new in changed)
    assert "_relabelled" not in json.dumps(reports)  # the sample itself is untouched
    with pytest.raises(ValueError):
        relabelled(reports, [dict(entries[0], labelled="1999")])
