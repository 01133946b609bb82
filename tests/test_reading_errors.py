"""Issue 16: the last reading errors, one regression test (or a few) per class, each named
for its class. Damaged copies of the reference report are made here from ../shared/seeds
(skipped, saying so, where it is absent); the other cases are synthetic Fernley reports
changed in the test. Corpus cases run with ``pytest -m corpus``.
"""

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from rdflib import RDF
from test_damage import (
    RENDERINGS,
    _damaged,
    facts,
    messages,
    remove_item,
    remove_line,
    replace_in,
    swap_items,
)

from ingest.model import Line, Report
from ingest.pipeline import read_report

DATA = Path(__file__).resolve().parent / "data"


def _violations(report: Report) -> list[str]:
    return [p.message for p in report.parse_problems if p.severity == "Violation"]


def _fernley(tmp_path: Path, name: str, change) -> Report:
    """A Fernley report with ``change`` (text -> text) made to it, read and audited."""
    text = change((DATA / name).read_text(encoding="utf-8"))
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_report(path)


def _conforms(report: Report) -> tuple[bool, list[str]]:
    from ingest.rdf.graph import report_graph
    from ingest.validate import validate

    outcome = validate(report_graph(report))
    return outcome.conforms, [p.message for p in outcome.problems]


@pytest.fixture(scope="module")
def clean(seeds: Path) -> dict[str, Report]:
    return {name: read_report(seeds / name) for name in RENDERINGS}


# -- class 1: two spells on site ---------------------------------------------------------

@pytest.mark.parametrize(("line", "spells"), [
    ("8 July 2019 to 12 July 2019 and 7 August 2019 to 8 August 2019",
     [("2019-07-08", "2019-07-12"), ("2019-08-07", "2019-08-08")]),
    ("30 September to 11 October 2024 and 13 to 16 January 2025",
     [("2024-09-30", "2024-10-11"), ("2025-01-13", "2025-01-16")]),
    ("19 November-11 December 2013 and 28 \u2013 30 January 2014",
     [("2013-11-19", "2013-12-11"), ("2014-01-28", "2014-01-30")]),
    ("5 to 9 December 2022 and 14 February 2023",
     [("2022-12-05", "2022-12-09"), ("2023-02-14", "2023-02-14")]),
    ("8 May to 31 May 2018", [("2018-05-08", "2018-05-31")]),
    ("12 September 2016", [("2016-09-12", "2016-09-12")]),
])
def test_class_1_every_spell_on_site_is_read(line, spells):
    from ingest.parsing.textutil import date_spells

    assert [(a.isoformat(), b.isoformat()) for a, b in date_spells(line)] == spells


def test_class_1_the_inspection_ends_on_the_last_day_of_its_last_spell(tmp_path, run):
    report = _fernley(tmp_path, "fernley-2021.md", lambda text: text.replace(
        "Inspection dates: 8 November to 19 November 2021",
        "Inspection dates: 8 November to 12 November 2021 and 10 to 11 January 2022"))
    assert report.spells == ((date(2021, 11, 8), date(2021, 11, 12)),
                             (date(2022, 1, 10), date(2022, 1, 11)))
    assert (report.start, report.end) == (date(2021, 11, 8), date(2022, 1, 11))
    assert _violations(report) == []
    assert _conforms(report)[0]
    out = tmp_path / "fernley.ttl"
    assert run("ingest", tmp_path / "fernley-2021.md", "-o", out).exit_code == 0
    history = run("query", "authority-history", "--param", "authority=Fernley", "--data", out,
                  "-f", "csv").stdout
    assert "2021-11-08/2021-11-12 and 2022-01-10/2022-01-11" in history
    latest = run("query", "latest-grades", "--data", out, "-f", "csv").stdout
    assert ",2022-01-11," in latest and ",2021-11-19," not in latest


def test_class_1_spells_that_disagree_with_the_inspection_do_not_conform(example_graph):
    from rdflib import Literal

    from ingest.rdf.namespaces import OKG
    from ingest.validate import validate

    graph = example_graph.__class__()
    for triple in example_graph:
        graph.add(triple)
    spell = next(graph.subjects(predicate=OKG.spellEnd))
    graph.set((spell, OKG.spellEnd, Literal(date(2030, 1, 1))))
    outcome = validate(graph)
    assert not outcome.conforms
    assert any("first day of its first spell" in p.message for p in outcome.problems)


@pytest.mark.corpus
def test_class_1_corpus_reports_paused_and_resumed(shared):
    report = read_report(shared / "corpus" / "80460-derbyshire" / "2019-09-19.pdf")
    assert report.spells == ((date(2019, 7, 8), date(2019, 7, 12)),
                             (date(2019, 8, 7), date(2019, 8, 8)))
    assert report.end == date(2019, 8, 8)


# -- class 2: lead inspectors -----------------------------------------------------------

@pytest.mark.parametrize(("printed", "leads"), [
    (["Lead inspector: Avery Quill, Senior HMI"], [("Avery Quill", "Senior HMI")]),
    (["Lead inspectors: Avery Quill, His Majesty's Inspector, and Robin Marsh,",
      "His Majesty's Inspector", "Judgement Grade"],
     [("Avery Quill", "His Majesty's Inspector"), ("Robin Marsh", "His Majesty's Inspector")]),
    (["Lead inspector on site: Sam Thorne", "Report author: Kit Larch"], [("Sam Thorne", None)]),
    (["Lead inspector: Jo Brennan HMI"], [("Jo Brennan", "HMI")]),
    (["Lead inspector: Ash Whitby, Her Majesty's Inspector"],
     [("Ash Whitby", "Her Majesty's Inspector")]),
    (["Reporting inspector Kit Larch HMI"], [("Kit Larch", "HMI")]),
])
def test_class_2_each_lead_inspector_is_a_person_with_the_role_as_printed(printed, leads):
    from ingest.parsing.headers import lead_inspectors

    found = lead_inspectors([Line(text, 1) for text in printed])
    assert [(p.name, p.role) for p in found] == leads
    assert all(p.printed and p.printed.startswith(printed[0].split(":")[0]) for p in found)


def test_class_2_joint_leads_are_two_people_in_the_graph_and_the_query(tmp_path, run):
    report = _fernley(tmp_path, "fernley-2021.md", lambda text: text.replace(
        "Lead inspector: Avery Quill, Her Majesty's Inspector",
        "Lead inspectors: Avery Quill, His Majesty's Inspector, and Robin Marsh,\n"
        "His Majesty's Inspector"))
    assert [p.name for p in report.leads] == ["Avery Quill", "Robin Marsh"]
    assert _conforms(report)[0]
    out = tmp_path / "fernley.ttl"
    assert run("ingest", tmp_path / "fernley-2021.md", DATA / "fernley-2017.md", "-o",
               out).exit_code == 0
    result = run("query", "inspectors", "--data", out, "-f", "csv")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("name,authorityName,inspectionStart,inspectionEnd,framework,role")
    rows = [line.split(",")[:5] for line in lines[1:]]
    assert rows == [["Avery Quill", "Fernley", "2017-03-06", "2017-03-24", "sif"],
                    ["Avery Quill", "Fernley", "2021-11-08", "2021-11-19", "ilacs-2018"],
                    ["Robin Marsh", "Fernley", "2021-11-08", "2021-11-19", "ilacs-2018"]]
    one = run("query", "inspectors", "--data", out, "--param", "name=Robin Marsh", "-f", "csv")
    assert len(one.stdout.splitlines()) == 2


def test_class_2_a_lead_inspector_named_with_a_list_does_not_conform(example_graph):
    from rdflib import RDFS, Literal

    from ingest.rdf.namespaces import OKG
    from ingest.validate import validate

    graph = example_graph.__class__()
    for triple in example_graph:
        graph.add(triple)
    lead = next(graph.subjects(predicate=RDFS.label, object=Literal("Avery Quill")))
    assert (None, OKG.ledBy, lead) in graph
    graph.set((lead, RDFS.label, Literal("Avery Quill, , and Robin Marsh")))
    assert not validate(graph).conforms


# -- class 3: a review whose numbering starts again -------------------------------------

def _appended_review(text: str) -> str:
    """The LSCB section of Fernley 2014 as a report of its own, numbered from 1 again."""
    text = text.replace(
        "## The Local Safeguarding Children Board (LSCB)",
        "## Inspection of the effectiveness of the local safeguarding children board")
    for old, new in ((17, 1), (18, 2), (19, 3), (20, 4)):
        text = re.sub(rf"(?m)^{old}\. ", f"{new}. ", text)
    return text


def test_class_3_a_review_numbered_from_1_again_is_read(tmp_path):
    report = _fernley(tmp_path, "fernley-2014.md", _appended_review)
    lscb_findings = sorted(f.number for f in report.findings if f.body == "lscb")
    lscb_recommendations = sorted(r.number for r in report.recommendations if r.body == "lscb")
    assert (lscb_recommendations, lscb_findings) == ([1, 2], [3, 4])
    assert _violations(report) == []
    # the second run's numbers count again: as many printed as in the original numbering
    original = read_report(DATA / "fernley-2014.md").printed
    assert report.printed is not None and original is not None
    assert report.printed.paragraphs == original.paragraphs
    assert _conforms(report)[0]


def test_class_3_the_audit_counts_each_numbered_run(tmp_path):
    from ingest.parsing.audit import audit_report
    from ingest.sources import read_source

    _fernley(tmp_path, "fernley-2014.md", _appended_review)
    text = read_source(tmp_path / "fernley-2014.md")
    report = read_report(tmp_path / "fernley-2014.md")
    lost = replace(report, parse_problems=(), findings=[
        f for f in report.findings if f.body != "lscb"], recommendations=[
        r for r in report.recommendations if r.body != "lscb"])
    audited = audit_report(text, lost)
    assert any("Paragraphs 1-4 (in the numbering that starts again" in m
               for m in _violations(audited)), messages(audited)


@pytest.mark.corpus
def test_class_3_corpus_hull_review_is_read(shared):
    report = read_report(shared / "corpus" / "80477-kingston-upon-hull" / "2015-02-10.pdf")
    assert sorted(f.number for f in report.findings if f.body == "lscb") == list(range(1, 22))
    assert _violations(report) == []


# -- class 9: one gap must not lose the rest --------------------------------------------

def _remove_two(lines):
    remove_item(40)(lines)
    remove_item(41)(lines)


@pytest.mark.parametrize("rendering", RENDERINGS)
def test_class_9_after_two_lost_paragraphs_the_rest_are_read(seeds, clean, tmp_path, rendering):
    report = _damaged(seeds, rendering, _remove_two, tmp_path)
    assert any("Paragraphs 40-41 cannot be found" in m for m in _violations(report))
    before, after = facts(clean[rendering]), facts(report)
    changed = sorted(k for k in before if after.get(k) != before[k])
    assert changed == [("finding", "local-authority", 40), ("finding", "local-authority", 41)]


def test_class_9_after_a_blank_page_the_rest_are_read(seeds, clean):
    from test_damage import _damaged_pdf

    rendering = "wandsworth-2018.pdf"
    pages = {f.page for f in clean[rendering].findings if 40 <= f.number <= 50}
    blank = min(pages)
    lost = {f.number for f in clean[rendering].findings if f.page == blank}
    report = _damaged_pdf(seeds / rendering, lambda lines: lines.__setitem__(
        slice(None), [line for line in lines if line.page != blank]))
    before, after = facts(clean[rendering]), facts(report)
    changed = sorted(k[2] for k in before if after.get(k) != before[k])
    last_lost = max(lost)
    # what the blank page held is lost, and the paragraph it broke off; nothing after it
    assert set(changed) <= lost | {min(lost) - 1} and max(changed) <= last_lost
    assert any(f"page {blank}" == p.part for p in report.parse_problems)
    assert any("cannot be found" in m for m in _violations(report))


# -- class 10: a paragraph printed out of order -----------------------------------------

@pytest.mark.parametrize("rendering", RENDERINGS)
def test_class_10_a_paragraph_printed_late_is_its_own_finding(seeds, clean, tmp_path, rendering):
    report = _damaged(seeds, rendering, swap_items(20), tmp_path)
    assert facts(report) == facts(clean[rendering])
    assert _violations(report) == []
    assert any("order is unusual" in p.message and p.part == "paragraph 20"
               for p in report.parse_problems)


# -- class 11: a grade only from a whole grade phrase -----------------------------------

@pytest.mark.parametrize("rendering", RENDERINGS)
def test_class_11_a_misprinted_grade_phrase_is_no_grade(seeds, tmp_path, rendering):
    damage = replace_in(r"Requires improvement", "Requires improvment to be good", 30)
    report = _damaged(seeds, rendering, damage, tmp_path)
    grades = {j.area: j.grade for j in report.judgements}
    assert grades["help-and-protection"] is None  # never "good"
    assert any("judgement row 1" in m for m in _violations(report))
    conforms, problems = _conforms(report)
    assert not conforms


@pytest.mark.parametrize(("before", "cell", "after", "grade"), [
    ("Children who need help and protection", "good", "", "good"),
    ("Children who need help and protection Requires improvment to be", "good", "", None),
    ("Children who need help and protection", "Requires improvement", " to be gxod", None),
    ("Children who need help and protection", "Requires improvement to be good", "",
     "requires-improvement"),
    ("The impact of leaders", "Inadequate", "", "inadequate"),
])
def test_class_11_whole_grade(before, cell, after, grade):
    from ingest.frameworks import whole_grade

    found = whole_grade(before, cell, after)
    assert (found.key if found else None) == grade


# -- class 6: a number printed twice in different sections ------------------------------

def test_class_6_a_number_printed_twice_in_two_sections_gives_two_findings(tmp_path):
    report = _fernley(tmp_path, "fernley-2021.md", lambda text: text.replace(
        "\n4. Most children come into care", "\n3. Most children come into care"))
    threes = [f for f in report.findings if f.number == 3]
    assert [(f.area, f.printing) for f in threes] == [
        ("help-and-protection", 1), ("in-care-and-care-leavers", 2)]
    assert threes[0].text.startswith("Social workers visit")
    assert threes[1].text.startswith("Most children come into care")
    assert report.repeated_numbers == (3,)
    conforms, problems = _conforms(report)
    assert conforms, problems
    from ingest.rdf.graph import report_graph
    from ingest.rdf.namespaces import OKG

    graph = report_graph(report)
    iris = sorted(str(s).rsplit("/", 1)[-1] for s in graph.subjects(OKG.number, None)
                  if "/finding/" in str(s) and graph.value(s, OKG.number).toPython() == 3)
    assert iris == ["3", "3-2"]
    assert all(len(set(graph.objects(s, OKG.text))) == 1 for s in graph.subjects(OKG.number))


# -- class 12: cross-checks the report offers -------------------------------------------

CROSS_CHECKS = [
    ("table and section heading disagree",
     replace_in(r"is that it is good", "is that it is inadequate"),
     "The judgement table prints Good for Experiences and progress of care leavers"),
    ("published before the last day on site", replace_in(r"20 July 2018", "20 July 2017", 20),
     "publication date (2017-07-20, its 'Report published' line) is before its last day on "
     "site (2018-05-31"),
    ("previous inspection row dropped",
     remove_line(r"Adoption performance: Requires improvement"),
     "names 5 areas but not 'adoption'"),
]


@pytest.mark.parametrize("rendering", RENDERINGS)
@pytest.mark.parametrize(("case", "damage", "said"), CROSS_CHECKS, ids=[c[0] for c in CROSS_CHECKS])
def test_class_12_a_disagreement_the_report_shows_is_a_violation_naming_both_places(
        seeds, tmp_path, rendering, case, damage, said):
    report = _damaged(seeds, rendering, damage, tmp_path)
    assert any(said in m for m in _violations(report)), messages(report)
    assert not _conforms(report)[0]


# -- class 8: a report that prints no recommendations section ---------------------------

def _without_improvements(text: str) -> str:
    """Fernley 2021 with no "What needs to improve" section at all."""
    return re.sub(r"(?s)## What needs to improve\?\n.*?(?=\n## )", "", text)


def test_class_8_no_recommendations_section_printed_is_no_violation(tmp_path):
    report = _fernley(tmp_path, "fernley-2021.md", _without_improvements)
    assert report.recommendations == []
    assert report.printed is not None and report.printed.recommendation_section is False
    conforms, problems = _conforms(report)
    assert conforms, problems
    assert not any("no recommendations" in p for p in problems)


def test_class_8_a_section_printed_that_yields_none_is_a_violation(tmp_path):
    report = _fernley(tmp_path, "fernley-2021.md", lambda text: re.sub(
        r"(?s)(## What needs to improve\?\n).*?(?=\n## )", r"\1", text))
    assert report.recommendations == []
    conforms, problems = _conforms(report)
    assert not conforms and any("no recommendations" in p for p in problems)


# -- class 5: a sentence saying a list is empty ----------------------------------------

def _renumbered(text: str, start: int) -> str:
    """Every numbered paragraph from ``start`` on, one number later."""
    return re.sub(r"(?m)^(\d+)\. ", lambda m: f"{int(m[1]) + (int(m[1]) >= start)}. ", text)


def _empty_priority_list(numbered: bool):
    sentence = "There are no areas for priority or immediate action."

    def change(text: str) -> str:
        if numbered:
            text = _renumbered(text, 17)
        said = f"17. {sentence}" if numbered else sentence
        return text.replace(
            "### Recommendations\n\n", "### What does the LSCB need to improve?\n\n"
            f"### Priority and immediate action\n\n{said}\n\n### Areas for improvement\n\n")
    return change


@pytest.mark.parametrize("numbered", [True, False], ids=["numbered", "unnumbered"])
def test_class_5_a_sentence_saying_a_list_is_empty_is_recorded_as_an_empty_list(
        tmp_path, numbered):
    report = _fernley(tmp_path, "fernley-2014.md", _empty_priority_list(numbered))
    [stated] = report.empty_lists
    assert (stated.heading, stated.body, stated.number) == (
        "Priority and immediate action", "lscb", 17 if numbered else None)
    assert stated.text == "There are no areas for priority or immediate action."
    said = [item for item in [*report.findings, *report.recommendations]
            if "priority" in item.text.lower()]
    assert said == []  # neither a finding nor a recommendation
    lscb = sorted(r.number for r in report.recommendations if r.body == "lscb")
    assert lscb == ([18, 19] if numbered else [17, 18])
    assert _violations(report) == []
    conforms, problems = _conforms(report)
    assert conforms, problems
    from ingest.rdf.graph import report_graph
    from ingest.rdf.namespaces import OKG

    graph = report_graph(report)
    [node] = graph.subjects(RDF.type, OKG.EmptyList)
    assert str(graph.value(node, OKG.listHeading)) == "Priority and immediate action"
    assert str(node).endswith("/empty-list/lscb-1")
    assert (graph.value(node, OKG.number) is not None) == numbered


def test_class_5_a_real_item_opening_no_is_still_read(tmp_path):
    """Only a sentence saying the list is empty is taken out of it."""
    report = _fernley(tmp_path, "fernley-2014.md", lambda text: text.replace(
        "17. Make sure that the board's audits",
        "17. There are no gaps left in the board's audits, so make sure that the audits"))
    assert report.empty_lists == ()
    assert 17 in [r.number for r in report.recommendations if r.body == "lscb"]


@pytest.mark.corpus
@pytest.mark.parametrize(("name", "numbers"), [
    ("80426-barnsley/2014-08-08.pdf", [("local-authority", None), ("lscb", None)]),
    ("80474-herefordshire/2014-06-30.pdf", [("local-authority", 16), ("lscb", 148)]),
    ("80539-portsmouth/2014-09-01.pdf", [("lscb", 136)]),
])
def test_class_5_corpus_lists_stated_empty(shared, name, numbers):
    report = read_report(shared / "corpus" / name)
    assert [(e.body, e.number) for e in report.empty_lists] == numbers
    assert all(e.heading == "Priority and immediate action" for e in report.empty_lists)
    texts = {e.text for e in report.empty_lists}
    assert not [f for f in report.findings if f.text in texts]
    assert _violations(report) == []


# -- class 4: headings the text layer gives out of reading order ------------------------

def _text_layer(path: Path) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


@pytest.mark.parametrize("heading", ["## Recommendations", "### Recommendations"])
def test_class_4_a_heading_drawn_after_its_paragraphs_is_read_where_it_is_printed(
        tmp_path, heading):
    from render import render

    markdown = (DATA / "fernley-2014.md").read_text(encoding="utf-8").replace("\u2013", "-")
    path = render(markdown, "pdf", tmp_path / "fernley-2014.pdf", drawn_late=heading)
    layer = _text_layer(path)
    first = "1. Make sure" if heading.startswith("## ") else "17. Make sure"
    # the text layer gives the heading after the paragraphs printed under it
    clean_path = render(markdown, "pdf", tmp_path / "clean.pdf")
    printed = rf"{heading.lstrip('# ')}\s*\n{first}"  # the heading, then the paragraph
    assert re.search(printed, _text_layer(clean_path)) and not re.search(printed, layer)
    report, clean = read_report(path), read_report(clean_path)
    read = sorted((r.body, r.number, r.text) for r in report.recommendations)
    assert read == sorted((r.body, r.number, r.text) for r in clean.recommendations)
    assert len(read) == 7
    assert sorted((f.body, f.number, f.area) for f in report.findings) == sorted(
        (f.body, f.number, f.area) for f in clean.findings)
    assert _violations(report) == []


# -- class 7: headings glued to text ------------------------------------------------------

@pytest.mark.parametrize("heading", ["Summary for children", "What children told us"])
def test_class_7_a_heading_after_a_recommendation_is_not_its_text(tmp_path, heading):
    """A heading over a bulleted list, after the last recommendation, closes it: neither
    the heading nor its list end up in the recommendation's text."""
    last = ("5. Offer every child who goes missing from home or care a return interview, "
            "and use what children say to reduce the risk of exploitation.\n")
    report = _fernley(tmp_path, "fernley-2014.md", lambda text: text.replace(
        last, f"{last}\n## {heading}\n\n- Services for children in Fernley are not yet good.\n"
        "- Social workers visit most children often.\n"))
    [five] = [r for r in report.recommendations if r.number == 5 and r.body != "lscb"]
    assert five.text == last[3:].strip()
    clean = read_report(DATA / "fernley-2014.md")
    assert [(f.number, f.area, f.text) for f in report.findings] == [
        (f.number, f.area, f.text) for f in clean.findings]
    assert _violations(report) == []


@pytest.mark.corpus
def test_class_7_corpus_ealing_summary_is_not_glued_to_recommendation_10(shared):
    report = read_report(shared / "corpus" / "80493-ealing" / "2016-08-26.pdf")
    [ten] = [r for r in report.recommendations if r.number == 10]
    assert ten.text.endswith("are fully reviewed.")
    assert {f.area for f in report.findings if 11 <= f.number <= 40} >= {"help-and-protection"}
    assert None not in {f.area for f in report.findings if f.body == "local-authority"}


@pytest.mark.corpus
@pytest.mark.parametrize(("name", "areas"), [
    # "The graded judgement for adoption performance ..." is printed above 54, drawn after 56
    ("80516-tower-hamlets/2017-04-07.pdf", {53: "looked-after", 54: "adoption", 56: "adoption"}),
    ("80517-waltham-forest/2015-01-20.pdf", {127: "care-leavers", 130: "care-leavers"}),
    # the "Key judgement" box heads the page; 136, printed under it, is drawn first
    ("80542-rochdale/2014-12-05.pdf", {136: "leadership"}),
])
def test_class_4_corpus_findings_under_the_heading_printed_above_them(shared, name, areas):
    report = read_report(shared / "corpus" / name)
    read = {f.number: f.area for f in report.findings if f.body == "local-authority"}
    assert {number: read.get(number) for number in areas} == areas
    assert _violations(report) == []
