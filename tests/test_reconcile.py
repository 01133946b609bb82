"""reconcile: the graph's inspections against Ofsted's official statistics."""

import zipfile
from datetime import date
from pathlib import Path

import pytest

from ingest.errors import InputError
from ingest.reconcile import Inspection, read_official, reconcile

OFFICIAL = "reference/ofsted-la-inspection-outcomes-2025.ods"
_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def _cell(value: str) -> str:
    if value[:4].isdigit() and value[4:5] == "-":
        return (f'<table:table-cell office:value-type="date" office:date-value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>")
    return f"<table:table-cell><text:p>{value}</text:p></table:table-cell>"


def _ods(path: Path, rows: list[list[str]], as_at: str = "as at 31 March 2025") -> Path:
    body = "".join("<table:table-row>" + "".join(map(_cell, r)) + "</table:table-row>"
                   for r in rows)
    content = (f'<office:document-content {_NS}><office:body><office:spreadsheet>'
               f'<table:table table:name="Cover"><table:table-row>{_cell("Outcomes " + as_at)}'
               f'</table:table-row></table:table>'
               f'<table:table table:name="ILACS_inspection_history">{body}</table:table>'
               f"</office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
    return path


HEADER = ["Local authority area code", "Local authority name", "Inspection date",
          "Overall effectiveness", "The experiences and progress of children in care"]


def test_the_sheet_is_read_with_its_date_and_grades(tmp_path):
    path = _ods(tmp_path / "o.ods", [["title"], HEADER,
                ["E06000099", "Fernley", "2021-02-01T00:00:00", "Good",
                 "Requires improvement to be good"]])
    as_at, rows = read_official(path)
    assert as_at == date(2025, 3, 31)
    assert rows == [Inspection("E06000099", date(2021, 2, 1), "Fernley",
                               {"overall": "good", "in-care": "requires-improvement"})]


def test_a_file_that_is_not_a_spreadsheet_is_refused(tmp_path):
    path = tmp_path / "o.ods"
    path.write_bytes(b"not a zip")
    with pytest.raises(InputError, match="not an OpenDocument spreadsheet"):
        read_official(path)


def test_differences_lacks_and_scope():
    sheet = [Inspection("E1", date(2019, 1, 7), "A", {"overall": "good", "in-care": "good"}),
             Inspection("E2", date(2020, 1, 6), "B", {"overall": "inadequate"})]
    graph = [
        Inspection("E1", date(2019, 1, 7), "A",
                   {"overall": "good", "in-care-and-care-leavers": "inadequate"}, "ilacs-2018"),
        Inspection("E3", date(2021, 5, 3), "C", {"overall": "good"}, "ilacs-2018"),
        Inspection("E3", date(2025, 6, 2), "C", {"overall": "good"}, "ilacs-2023"),
        Inspection("E3", date(2015, 6, 2), "C", {"overall": "good"}, "sif"),
    ]
    outcome = reconcile(sheet, date(2025, 3, 31), graph)
    assert [(o.ons, area) for o, _, area, _ in outcome.differing] == [("E1", "in-care")]
    assert [i.ons for i in outcome.graph_lacks] == ["E2"]
    assert [(i.ons, i.start) for i in outcome.sheet_lacks] == [("E3", date(2021, 5, 3))]
    assert [i.start.year for i, _ in outcome.out_of_scope] == [2025, 2015]
    assert not outcome.agrees


def test_reconcile_command_on_a_real_report(run, shared, tmp_path):
    out = tmp_path / "devon.trig"
    assert run("ingest", shared / "corpus/80461-devon/2020-03-17.pdf", "-o", out).exit_code == 0
    result = run("reconcile", shared / OFFICIAL, "--data", out)
    assert result.exit_code == 0, result.stdout
    assert result.stdout.startswith("1 inspections matched by ONS code and first day on site;"
                                    " 0 grades differ;")


def test_reconcile_command_on_an_unreadable_sheet_is_exit_2(run, example, tmp_path):
    result = run("reconcile", example, "--data", example)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and "OpenDocument" in result.stderr
