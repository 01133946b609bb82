"""Two readers of the same reports, one scored against the other (``--reader``): how far
careful readers agree, the ceiling the extractor's and the follow-through's figures are
read against. Synthetic samples of the fictional authority; no store, no PDF."""

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"
FILE = "99999-fernley/2024-01-01.pdf"


def _quantity(finding: int, value: float, role: str = "current",
              ref_date: str | None = None) -> dict:
    return {"file": FILE, "section": "findings", "finding": finding, "measure": None,
            "value": value, "unit": "children", "refDate": ref_date, "role": role,
            "words": "made up"}


def _sample(path: Path, quantities: list[dict], findings: list[int]) -> Path:
    report = {"file": FILE, "framework": "ilacs", "sections_checked": "C: findings",
              "findings_checked": findings, "notes": "", "quantities": quantities}
    path.write_text(json.dumps({"reports": [report]}), encoding="utf-8")
    return path


def test_evidence_readers_agreement(tmp_path):
    first = _sample(tmp_path / "a.json", [_quantity(1, 12), _quantity(2, 40, ref_date="2023"),
                                          _quantity(3, 7), _quantity(4, 9)], [1, 2, 3, 4])
    # the second reader: one the same, one dated otherwise, one with another role, one
    # missed, one the first does not count, and one in a finding the first did not read
    second = _sample(tmp_path / "b.json", [_quantity(1, 12), _quantity(2, 40),
                                           _quantity(3, 7, role="national"), _quantity(4, 3),
                                           _quantity(8, 5)], [1, 2, 3, 4, 8])
    result = subprocess.run([sys.executable, str(SCRIPTS / "evidence_accuracy.py"),
                             "--sample", str(first), "--reader", str(second)],
                            capture_output=True, text=True, check=True)
    findings = next(line for line in result.stdout.splitlines() if line.startswith("findings:"))
    assert "precision 0.750 (3/4)" in findings and "recall 0.750 (3/4)" in findings
    assert "role 0.667 (2/3)" in findings and "date 0.667 (2/3)" in findings


def test_evidence_reader_who_skipped_a_report(tmp_path):
    first = _sample(tmp_path / "a.json", [_quantity(1, 12)], [1])
    other = tmp_path / "b.json"
    other.write_text(json.dumps({"reports": []}), encoding="utf-8")
    result = subprocess.run([sys.executable, str(SCRIPTS / "evidence_accuracy.py"),
                             "--sample", str(first), "--reader", str(other)],
                            capture_output=True, text=True, check=True)
    assert f"skipped {FILE}: not read by" in result.stderr


def _labels(path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["set", "earlier", "later", "body", "number", "repeated_by",
                         "spoken_to_in", "status"])
        for number, repeats, spoken, status in rows:
            writer.writerow(["held-aside", "99999/2019-01-01", "99999/2024-01-01",
                             "local-authority", number, repeats, spoken, status])
    return path


def test_follow_through_readers_agreement(tmp_path):
    first = _labels(tmp_path / "a.csv", [("1", "2", "10 11", "repeated"),
                                         ("2", "", "12", "improved"),
                                         ("3", "4", "13", "still-a-concern"),
                                         ("4", "", "", "not-mentioned")])
    second = _labels(tmp_path / "b.csv", [("1", "2", "10", "repeated"),
                                          ("2", "", "12 14", "improved"),
                                          ("3", "4", "13", "repeated"),
                                          ("4", "", "", "not-mentioned")])
    result = subprocess.run([sys.executable, str(SCRIPTS / "follow_through_accuracy.py"),
                             "--reader", str(second), "--labels", str(first), "--set", "all"],
                            capture_output=True, text=True, check=True)
    rows = {line.split("|")[1].strip(): line for line in result.stdout.splitlines()
            if line.startswith("| ") and "---" not in line}
    assert "| 1.000 (2/2) | 1.000 (2/2) |" in rows["repeated by (links)"]
    assert "| 0.750 (3/4) | 0.750 (3/4) |" in rows["spoken to in, top three (links)"]
    assert "| 0.500 (1/2) | 1.000 (1/1) |" in rows["status `repeated`"]
    assert "| - (0/0) | 0.000 (0/1) |" in rows["status `still-a-concern`"]


def test_follow_through_needs_a_store_or_a_reader(tmp_path):
    result = subprocess.run([sys.executable, str(SCRIPTS / "follow_through_accuracy.py")],
                            capture_output=True, text=True)
    assert result.returncode == 2 and "give a STORE or --reader FILE" in result.stderr


def _documented(doc: str, title: str) -> list[str]:
    """The (hits/total) figures of a documented table, row by row."""
    import re

    text = (Path(__file__).resolve().parents[1] / "docs" / doc).read_text(encoding="utf-8")
    rows = text.split(title, 1)[1].split("\n\n", 1)[0].splitlines()[2:]
    return [f for row in rows for f in re.findall(r"\(\d+/\d+\)", row)]


@pytest.mark.parametrize(("first", "second", "title"), [
    ("follow_through_labels9.csv", "follow_through_labels9b.csv",
     "| reader B against reader A (185 labels) |"),
    ("follow_through_labels10.csv", "follow_through_labels10b.csv",
     "| reader B against reader A (311 labels) |"),
    ("follow_through_labels11.csv", "follow_through_labels11b.csv",
     "| reader B against reader A (205 labels) |"),
    ("follow_through_labels12.csv", "follow_through_labels12b.csv",
     "| reader B against reader A (213 labels) |"),
    ("follow_through_labels13.csv", "follow_through_labels13b.csv",
     "| reader B against reader A (207 labels) |")])
def test_the_documented_follow_through_agreement_is_the_scripts(first, second, title):
    import re

    data = Path(__file__).resolve().parent / "data"
    result = subprocess.run([sys.executable, str(SCRIPTS / "follow_through_accuracy.py"),
                             "--reader", str(data / second), "--labels", str(data / first),
                             "--set", "all"], capture_output=True, text=True, check=True)
    printed = [f for line in result.stdout.splitlines() if line.startswith("| ")
               for f in re.findall(r"\(\d+/\d+\)", line)]
    assert printed and _documented("follow-through.md", title) == printed
