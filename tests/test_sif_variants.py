"""Layouts met in SIF reports of 2014-2016 and in every report's closing pages, each on a
synthetic Fernley report: recommendations under "Priority and immediate action" /
"Areas for improvement" with sub-headings between them, strengths that end the list,
a single inspection date, a paragraph number printed twice, citations of paragraphs,
Ofsted's back cover, and pages in text renderings."""

from datetime import date
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from ingest.pipeline import read_report
from ingest.rdf.graph import report_graph
from ingest.rdf.namespaces import OKG
from ingest.sources import text_pages
from ingest.validate import validate

DATA = Path(__file__).resolve().parent / "data"
FERNLEY_2014 = (DATA / "fernley-2014.md").read_text(encoding="utf-8")
FERNLEY_2021 = (DATA / "fernley-2021.md").read_text(encoding="utf-8")
INSPECTION_2014 = "https://w3id.org/ofsted-kg/id/inspection/fernley/2014-04-24"


def _report(tmp_path: Path, text: str, name: str = "variant.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_report(path)


def _replace_between(text: str, start: str, end: str, new: str) -> str:
    """``text`` with everything from the line starting ``start`` up to ``end`` replaced."""
    first = text.index(start)
    last = text.index(end, first)
    return text[:first] + new + text[last:]


def _recommendation_lines(text: str) -> dict[int, str]:
    lines = {}
    for line in text.splitlines():
        head, _, rest = line.partition(". ")
        if head.isdigit():
            lines[int(head)] = rest
    return lines


ORIGINAL = _recommendation_lines(FERNLEY_2014)

# The 2014 layout: two lists, sub-headings between numbered items, and the board's
# strengths after its own list.
LAYOUT_2014 = _replace_between(
    FERNLEY_2014, "## Recommendations", "## Inspection judgements",
    "## What does the local authority need to improve?\n\n"
    "### Priority and immediate action\n\nSupervision and caseloads\n\n"
    f"1. {ORIGINAL[1]}\n2. {ORIGINAL[2]}\n\n"
    "### Areas for improvement\n\nWorking with partners\n\n"
    f"3. {ORIGINAL[3]}\n\nCare leavers and children who go missing\n\n"
    f"4. {ORIGINAL[4]}\n5. {ORIGINAL[5]}\n\n",
)
LAYOUT_2014 = _replace_between(
    LAYOUT_2014, "### Recommendations", "## Information about this inspection",
    "### What does the LSCB need to improve?\n\n#### Priority and immediate action\n\n"
    "17. No areas were identified for priority action.\n\n#### Areas for improvement\n\n"
    f"18. {ORIGINAL[17]}\n19. {ORIGINAL[18]}\n\n### The LSCB's strengths\n\n"
    f"20. {ORIGINAL[19]}\n21. {ORIGINAL[20]}\n\n",
)


def test_2014_lists_keep_their_numbers_and_lose_their_sub_headings(tmp_path):
    report = _report(tmp_path, LAYOUT_2014)
    local = {r.number: r.text for r in report.recommendations if r.body == "local-authority"}
    assert local == {n: ORIGINAL[n] for n in range(1, 6)}  # no sub-heading glued on
    board = [r.number for r in report.recommendations if r.body == "lscb"]
    assert board == [18, 19]  # not the strengths that follow the list
    board_findings = [f.number for f in report.findings if f.body == "lscb"]
    assert board_findings == [20, 21]
    # "No areas were identified" says the list is empty: neither finding nor recommendation
    assert [(e.body, e.number) for e in report.empty_lists] == [("lscb", 17)]
    assert validate(report_graph(report)).conforms


def test_a_single_inspection_date_is_first_and_last_day(tmp_path):
    text = FERNLEY_2014.replace(
        "Inspection dates: 31 March 2014 to 24 April 2014", "Inspection date: 24 April 2014")
    report = _report(tmp_path, text)
    assert (report.start, report.end) == (date(2014, 4, 24), date(2014, 4, 24))
    assert report.published == date(2014, 6, 17)  # not mistaken for an inspection date


def test_abbreviated_months_are_read(tmp_path):
    text = FERNLEY_2014.replace(
        "Inspection dates: 31 March 2014 to 24 April 2014",
        "Inspection dates: 31 Mar. to 24 Apr 2014",
    )
    report = _report(tmp_path, text)
    assert (report.start, report.end) == (date(2014, 3, 31), date(2014, 4, 24))


def test_a_number_printed_twice_keeps_both_paragraphs(tmp_path):
    seventh = next(line for line in FERNLEY_2014.splitlines() if line.startswith("7. "))
    extra = "7. Written agreements with families are signed but rarely reviewed with them."
    report = _report(tmp_path, FERNLEY_2014.replace(seventh, f"{seventh}\n{extra}"))
    sevens = [f for f in report.findings if f.number == 7]
    assert [f.text for f in sevens] == [seventh[3:], extra[3:]]
    assert [f.printing for f in sevens] == [1, 2]
    assert report.repeated_numbers == (7,)
    assert [f.number for f in report.findings][:4] == [6, 7, 7, 8]  # 8 is not skipped
    graph = report_graph(report)
    second = URIRef(f"{INSPECTION_2014}/finding/7-2")
    assert graph.value(second, OKG.text) == Literal(extra[3:])
    assert graph.value(second, OKG.number) == Literal(7)
    assert (None, OKG.repeatedNumber, Literal(7)) in graph
    assert validate(graph).conforms


CITED = {
    1: (" (paragraph 8).", (8,)),
    2: (". (Page 5, paragraph 16)", (16,)),
    3: (" (paragraphs 6 - 7).", (6, 7)),
    4: (" (Paragraphs 13, 14).", (13, 14)),
    5: (" (paragraph 10).", (10,)),  # the report meant 9: children who go missing
}


def _cited_report(tmp_path):
    text = FERNLEY_2014
    for number, (citation, _) in CITED.items():
        line = f"{number}. {ORIGINAL[number]}"
        text = text.replace(line, line.rstrip(".") + citation)
    return _report(tmp_path, text)


def test_citations_leave_the_text_and_become_stated_links(tmp_path):
    report = _cited_report(tmp_path)
    local = [r for r in report.recommendations if r.body == "local-authority"]
    for recommendation in local:
        citation, numbers = CITED[recommendation.number]
        assert recommendation.text == ORIGINAL[recommendation.number]
        assert recommendation.citation == citation.strip(" .")
        assert recommendation.cited == numbers
    stated = {(s.recommendation, s.finding) for s in report.supports if s.body == "local-authority"}
    assert stated == {(r, f) for r, (_, numbers) in CITED.items() for f in numbers}
    assert all(s.method == "stated" for s in report.supports if s.body == "local-authority")


def test_a_cited_paragraph_far_from_the_point_is_kept_but_doubted(tmp_path):
    report = _cited_report(tmp_path)
    doubted = {(s.recommendation, s.finding): s.doubt for s in report.supports if s.doubt}
    assert list(doubted) == [(5, 10)]
    assert doubted[5, 10].neighbour == 9
    assert doubted[5, 10].neighbour_score > 3 * doubted[5, 10].cited_score
    graph = report_graph(report)
    support = URIRef(f"{INSPECTION_2014}/support/5-10")
    assert graph.value(support, OKG.doubtfulCitation) == Literal(True)
    assert graph.value(support, OKG.closerNeighbour) == URIRef(f"{INSPECTION_2014}/finding/9")
    assert validate(graph).conforms


BACK_COVER = """
The Office for Standards in Education, Children's Services and Skills (Ofsted) inspects
Fernley's services, among many others, in this invented closing block.

If you would like a copy of this document in a different format, ask the inspectorate.

You may reuse this information under the terms of an open licence.

Piccadilly Gate

© Crown copyright 2021
"""


def test_the_back_cover_is_not_part_of_the_last_finding(tmp_path):
    plain = _report(tmp_path, FERNLEY_2021, "plain.md")
    covered = _report(tmp_path, FERNLEY_2021 + BACK_COVER, "covered.md")
    assert [f.text for f in covered.findings] == [f.text for f in plain.findings]


def test_one_back_cover_phrase_alone_is_finding_text(tmp_path):
    said = "If you would like a copy of this document in a different format, ask."
    report = _report(tmp_path, FERNLEY_2021.rstrip() + f"\n{said}\n", "one.md")
    assert report.findings[-1].text.endswith(said)


def test_text_pages_need_page_numbers_that_agree():
    blank = "\n\n\n\n"
    assert text_pages(f"1\nFirst page{blank}Second page{blank}3\nThird page") == [
        "1\nFirst page", "Second page", "3\nThird page"]
    assert text_pages("First page\fSecond page\n2") == ["First page", "Second page\n2"]
    assert text_pages(f"First page{blank}Second page") is None  # no number confirms a break
    assert text_pages(f"1\nFirst page{blank}7\nSecond page") is None  # a number disagrees


@pytest.mark.parametrize("text, expected", [
    ("12th-16th Sept 2016", (date(2016, 9, 12), date(2016, 9, 16))),
    ("28 Dec. 2015 to 8 Jan 2016", (date(2015, 12, 28), date(2016, 1, 8))),
    ("12 September 2016 Report published: 3 November 2016", (date(2016, 9, 12),) * 2),
    ("Report published: 3 November 2016", None),
])
def test_inspection_date_forms(text, expected):
    from ingest.parsing.textutil import date_span

    assert date_span(text) == expected


def test_doubtful_citations_are_listed_by_their_query(tmp_path, run):
    from rdflib import Dataset

    from ingest.queries import get_query

    text = FERNLEY_2014
    for number, (citation, _) in CITED.items():
        line = f"{number}. {ORIGINAL[number]}"
        text = text.replace(line, line.rstrip(".") + citation)
    (tmp_path / "cited.md").write_text(text, encoding="utf-8")
    result = run("ingest", tmp_path / "cited.md", "-o", tmp_path / "cited.trig")
    assert result.exit_code == 0, result.output
    store = Dataset()  # one named graph per report, as the saved queries expect
    store.parse(tmp_path / "cited.trig", format="trig")
    rows = list(store.query(get_query("doubtful-citations").bind({})))
    assert [(str(r.authorityName), str(r.inspectionEnd), int(r.recommendation), int(r.cited),
             int(r.neighbour), str(r.citation)) for r in rows] == [
        ("Fernley", "2014-04-24", 5, 10, 9, "(paragraph 10)")]
