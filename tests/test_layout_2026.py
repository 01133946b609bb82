"""ILACS reports of the 2026 layout: four judgement rows (leaders, help and protection,
children in care, care leavers) and no overall effectiveness judgement. A judgement comes
only from the table; prose about an earlier inspection's overall grade is never one."""

from pathlib import Path

import pytest

from ingest.errors import InputError
from ingest.pipeline import ingest_file, read_report
from ingest.rdf.namespaces import ILACS, OKG
from ingest.validate import validate

HERE = Path(__file__).resolve().parent
FERNLEY_2021 = HERE / "data" / "fernley-2021.md"
RI = "requires-improvement"

# Facts read by hand from the reports (page 1 table, dates, numbered paragraphs, the
# "What needs to improve?" list).
READ = {
    "80485-liverpool/2026-07-07.pdf": {
        "grades": {"leadership": "good", "help-and-protection": "good", "in-care": "good",
                   "care-leavers": RI},
        "dates": ("2026-05-11", "2026-05-22"), "findings": 76, "recommendations": 4,
    },
    "2637548-west-northamptonshire/2026-07-07.pdf": {
        "grades": {"leadership": "outstanding", "help-and-protection": "good",
                   "in-care": "good", "care-leavers": "good"},
        "dates": ("2026-05-11", "2026-05-22"), "findings": 66, "recommendations": 2,
    },
    "80573-trafford/2026-08-03.pdf": {
        "grades": {"leadership": "inadequate", "help-and-protection": "inadequate",
                   "in-care": "good", "care-leavers": RI},
        "dates": ("2026-06-08", "2026-06-19"), "findings": 63, "recommendations": 9,
    },
    "80431-blackpool/2026-07-28.pdf": {
        "grades": {"leadership": "outstanding", "help-and-protection": "good",
                   "in-care": "outstanding", "care-leavers": "outstanding"},
        "dates": ("2026-06-08", "2026-06-19"), "findings": 65, "recommendations": 1,
    },
}


@pytest.mark.parametrize("path", sorted(READ))
def test_2026_report_gives_its_four_judgements_and_no_overall_grade(shared, path):
    report = read_report(shared / "corpus" / path)
    expected = READ[path]
    assert report.framework == "ilacs-2026"
    assert {j.area: j.grade for j in report.judgements} == expected["grades"]
    assert (str(report.start), str(report.end)) == expected["dates"]
    assert [f.number for f in report.findings] == list(range(1, expected["findings"] + 1))
    assert len(report.recommendations) == expected["recommendations"]
    for judgement in report.judgements:  # each read from its row of the page 1 table
        assert judgement.page == 1
        assert judgement.printed.startswith(("The impact of leaders", "The experiences"))


@pytest.mark.parametrize("path", ["80485-liverpool/2026-07-07.pdf",
                                  "2637548-west-northamptonshire/2026-07-07.pdf"])
def test_no_overall_grade_from_a_sentence_about_the_previous_inspection(shared, path):
    """Both reports recall the earlier inspection's overall effectiveness on page 1."""
    graph = ingest_file(shared / "corpus" / path)
    assert not list(graph.subjects(OKG.serviceArea, ILACS.overall))
    assert validate(graph).conforms


def _fernley(tmp_path: Path, changes: dict[str, str]) -> Path:
    text = FERNLEY_2021.read_text(encoding="utf-8")
    for old, new in changes.items():
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / "fernley.md"
    path.write_text(text, encoding="utf-8")
    return path


TABLE_2021 = (
    "The experiences and progress of children in care and care leavers\t"
    "Requires improvement to be good\n"
    "Overall effectiveness\tRequires improvement to be good\n"
)
TABLE_2026 = (
    "The experiences and progress of children in care\tRequires improvement to be good\n"
    "The experiences and progress of care leavers\tOutstanding\n"
)
RECALLED = "Since the last inspection in 2017, when services were good,"
RECALLED_OVERALL = (
    "Since the inspection in 2021, when overall effectiveness was judged to be inadequate,")


def test_synthetic_2026_layout(tmp_path):
    report = read_report(_fernley(tmp_path, {TABLE_2021: TABLE_2026, RECALLED: RECALLED_OVERALL}))
    assert report.framework == "ilacs-2026"
    assert {j.area: j.grade for j in report.judgements} == {
        "leadership": RI, "help-and-protection": "good", "in-care": RI,
        "care-leavers": "outstanding"}
    assert [j.printed for j in report.judgements][-1] == (
        "The experiences and progress of care leavers")


def test_a_table_without_overall_or_care_leavers_row_is_refused(tmp_path):
    table = TABLE_2021.split("Overall")[0]
    with pytest.raises(InputError, match="no overall effectiveness judgement"):
        read_report(_fernley(tmp_path, {TABLE_2021: table}))


def test_an_unreadable_grade_is_never_taken_from_the_next_row(tmp_path):
    row = "children who need help and protection\tGood\n"
    path = _fernley(tmp_path, {row: "children who need help and protection\tG??d\n"})
    report = read_report(path)
    grades = {j.area: j.grade for j in report.judgements}
    assert grades == {"leadership": RI, "help-and-protection": None,
                      "in-care-and-care-leavers": RI, "overall": RI}
    outcome = validate(ingest_file(path))
    assert not outcome.conforms
    violations = [p for p in outcome.problems if p.severity == "Violation"]
    # the row's own judgement has no grade; the audit names the row on the report
    [judgement] = [p for p in violations if "/judgement/" in p.focus]
    assert judgement.focus.strip("<>").endswith("/judgement/help-and-protection")
    assert "grade" in judgement.message
    [row] = [p for p in violations if "/report/" in p.focus]
    assert "help and protection" in row.message.lower() and "grade" in row.message


def test_every_judgement_keeps_its_row():
    graph = ingest_file(FERNLEY_2021)
    judgements = list(graph.subjects(OKG.judgementOf, None))
    printed = {str(graph.value(j, OKG.printedText)) for j in judgements}
    assert printed == {
        "The impact of leaders on social work practice with children and families",
        "The experiences and progress of children who need help and protection",
        "The experiences and progress of children in care and care leavers",
        "Overall effectiveness"}


def test_no_publication_date_printed_so_the_pdf_creation_date_is_kept(shared):
    """2026-layout reports print no publication date; the PDF's metadata dates the file
    (dcterms:created on the source file), and nothing is taken for dcterms:issued."""
    from rdflib.namespace import DCTERMS, PROV

    graph = ingest_file(shared / "corpus" / "80485-liverpool/2026-07-07.pdf")
    [report] = graph.subjects(PROV.wasGeneratedBy, None)
    assert graph.value(report, DCTERMS.issued) is None
    source = graph.value(report, PROV.wasDerivedFrom)
    assert str(graph.value(source, DCTERMS.created)) == "2026-07-06"
