"""Evidence: the quantities reports state, their measures, dates and comparisons, in the
graph, the shapes and the saved queries. Synthetic Fernley text for what is
self-contained; the reference report, from its three renderings, for the real thing."""

from functools import cache
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import SKOS

from ingest.enrich.evidence import area_evidence, finding_evidence
from ingest.enrich.evidence.measures import _RULES
from ingest.enrich.evidence.reading import read_quantities
from ingest.model import Finding, Line, Source, SourceText
from ingest.pipeline import read_report
from ingest.queries import get_query
from ingest.rdf.graph import report_graph
from ingest.rdf.identity import authority_iri
from ingest.rdf.namespaces import MEASURE, OKG
from ingest.rdf.vocabulary import vocabulary
from ingest.validate import validate

MEASURES = {
    "children-in-area", "children-in-poverty", "free-school-meals-primary",
    "free-school-meals-secondary", "minority-ethnic-children", "eal-primary", "eal-secondary",
    "children-in-need", "child-protection-plans", "private-fostering",
    "serious-incident-notifications", "serious-case-reviews", "children-looked-after",
    "children-looked-after-outside-area", "residential-homes", "foster-placements", "adoptions",
    "special-guardianship-orders", "ceased-looked-after", "returned-looked-after",
    "independent-living", "houses-multiple-occupation", "care-leavers",
}
RENDERINGS = ["wandsworth-2018.pdf", "wandsworth-2018.markdown.txt", "wandsworth-2018.pdftext.txt"]
VOCABULARY = URIRef("https://w3id.org/ofsted-kg/id/graph/vocabulary")

# Fernley's area statistics as a PDF gives them: bullets, sub-bullets, a footnote mark on
# the heading, a footnote's number alone on its line and its text, sub-items unbulleted.
FERNLEY_AREA = [
    (0, "Information about this local authority area2"),
    (0, "Children living in this area"),
    (1, "Approximately 41,200 children and young people under the age of 18 years live"),
    (0, "in Fernley. This is 21% of the total population in the area."),
    (1, "The proportion of children entitled to free school meals:"),
    (2, "in primary schools is 12.5% (the national average is 14%)"),
    (2, "in secondary schools is 11% (the national average is 13%)."),
    (0, "2"),
    (0, "The local authority was given the opportunity to review this section."),
    (0, "Child protection in this area"),
    (1, "At 31 March 2017, 212 children and young people were the subject of a child"),
    (0, "protection plan (a rate of 51 per 10,000 children). This is an increase from 190"),
    (0, "(46 per 10,000 children) at 31 March 2016."),
    (1, "Since the last inspection, eleven serious incident notifications were submitted"),
    (0, "to Ofsted and no serious case reviews were completed."),
    (0, "Children looked after in this area"),
    (1, "At 31 March 2017, 318 children were being looked after by the local authority."),
    (0, "Of this number:3"),
    (2, "141 (or 44%) live outside the local authority area"),
    (2, "40 live in residential children's homes, of whom 12 (30%) live outside the area"),
    (1, "In the last 12 months:"),
    (2, "there have been seven adoptions"),
    (2, "95 children ceased to be looked after, of whom 6% subsequently returned to be"),
    (0, "looked after"),
    (0, "Recommendations"),
    (0, "1. Make sure that every child on a plan has an advocate."),
]


def fernley_text() -> SourceText:
    source = Source("fernley-area.txt", "0" * 64, "text/plain")
    return SourceText(source, tuple(Line(t, 5, b) for b, t in FERNLEY_AREA))


def stated(evidence, measure, role="current", unit=None):
    """(value, refDate) of every quantity of ``measure`` in ``role`` (and ``unit``)."""
    return [(q.value, q.ref_date) for e in evidence for q in e.quantities
            if q.measure == measure and q.role == role and (unit is None or q.unit == unit)]


# Reading quantities: synthetic Fernley text


def test_area_statistics_are_typed_with_dates_and_comparisons():
    evidence = area_evidence(fernley_text())
    assert stated(evidence, "children-in-area") == [(41200, None)]
    assert stated(evidence, "free-school-meals-primary") == [(12.5, None)]
    assert stated(evidence, "free-school-meals-primary", "national") == [(14, None)]
    assert stated(evidence, "free-school-meals-secondary", "national") == [(13, None)]
    assert stated(evidence, "child-protection-plans", unit="count") == [(212, "2017-03-31")]
    assert stated(evidence, "child-protection-plans", unit="rate-per-10000") == [
        (51, "2017-03-31")]
    assert stated(evidence, "child-protection-plans", "previous") == [
        (190, "2016-03-31"), (46, "2016-03-31")]
    assert stated(evidence, "serious-incident-notifications") == [
        (11, "since-the-last-inspection")]
    assert stated(evidence, "serious-case-reviews") == [(0, "since-the-last-inspection")]
    assert stated(evidence, "children-looked-after") == [(318, "2017-03-31")]
    assert stated(evidence, "children-looked-after-outside-area") == [
        (141, "2017-03-31"), (44, "2017-03-31")]
    assert stated(evidence, "residential-homes") == [(40, "2017-03-31")]
    assert stated(evidence, "adoptions") == [(7, "last-12-months")]
    assert stated(evidence, "ceased-looked-after") == [(95, "last-12-months")]
    assert stated(evidence, "returned-looked-after") == [(6, "last-12-months")]


def test_area_evidence_keeps_its_words_and_place():
    evidence = area_evidence(fernley_text())
    plans = next(e for e in evidence if "child protection plan" in e.text)
    assert plans.key.startswith("area-") and plans.heading == "Child protection in this area"
    assert plans.page == 5 and plans.finding is None
    assert plans.text.endswith("(46 per 10,000 children) at 31 March 2016.")
    rate = next(q for q in plans.quantities if q.unit == "rate-per-10000")
    assert rate.base == 10000 and rate.words == "51 per 10,000 children"
    previous = [q for q in plans.quantities if q.role == "previous"]
    assert {plans.quantities[q.compares_to].value for q in previous} == {212, 51}
    # the footnote's number and text are no statistic, and the recommendations are outside
    assert not any("opportunity" in e.text or "advocate" in e.text for e in evidence)
    # the share of children in homes who live outside the area is no count of the scheme
    homes = next(e for e in evidence if "residential" in e.text)
    assert [(q.value, q.measure) for q in homes.quantities] == [
        (40, "residential-homes"), (12, None), (30, None)]


@pytest.mark.parametrize("sentence", [
    "In 2017, as paragraph 12 said, Year 11 pupils aged 16 and 17 were seen.",
    "One of the teams meets on 3 May 2016; 18-year-olds and those under 18 years are helped.",
    "Please telephone 0300 123 1231 about recommendation 4 and section 47 enquiries.",
    "Over one third of referrals in 2016-17 were seen in the last 12 months.",
    "Leaders hold to the 'One Family Approach' and to One Council, One Place.",
])
def test_numbers_that_are_not_quantities(sentence):
    assert read_quantities(sentence) == ()


def test_quantities_inside_findings():
    finding = Finding(12, "Care leavers are supported well. Enquiries increased from 74 in "
                          "2016-17 to 125 in 2017-18. Nine children were adopted, and 57% of "
                          "plans were reviewed within 20 working days.", "care-leavers", 9, False)
    evidence = finding_evidence([finding])
    assert [e.key for e in evidence] == ["12-1", "12-2"]
    assert all(e.finding == 12 and e.page == 9 and e.section == "findings" for e in evidence)
    first, second = (e.quantities for e in evidence)
    assert [(q.value, q.role, q.ref_date) for q in first] == [
        (74, "previous", "2016-2017"), (125, "current", "2017-2018")]
    assert first[0].compares_to == 1
    assert [(q.value, q.unit, q.measure) for q in second] == [
        (9, "count", "adoptions"), (57, "percent", None), (20, "days", None)]
    # a group of children on plans is no count of the area's plans
    subgroup = Finding(13, "At the time of the inspection, 12 children had been subject to a "
                           "child protection plan for over two years.", None, 9, False)
    (only,) = finding_evidence([subgroup])
    assert [(q.value, q.unit, q.measure) for q in only.quantities] == [
        (12, "count", None), (2, "years", None)]


# The reference report, from each of its renderings


@cache
def _reference(path: Path):
    return read_report(path)


@pytest.fixture(params=RENDERINGS)
def reference(request, seeds):
    return _reference(seeds / request.param)


def test_reference_area_statistics(reference):
    evidence = [e for e in reference.evidence if e.section == "area-information"]
    assert stated(evidence, "children-looked-after", unit="count") == [(306, "2018-03-31")]
    assert stated(evidence, "children-looked-after", unit="rate-per-10000") == [
        (49, "2018-03-31")]
    assert stated(evidence, "children-looked-after", "previous") == [
        (286, "2017-03-31"), (46, "2017-03-31")]
    assert stated(evidence, "child-protection-plans") == [(288, "2018-03-31"),
                                                          (46, "2018-03-31")]
    assert stated(evidence, "child-protection-plans", "previous") == [
        (401, "2017-03-31"), (65, "2017-03-31")]
    assert stated(evidence, "children-in-need") == [(1639, "2018-03-31")]
    assert stated(evidence, "children-in-need", "previous") == [(2268, "2017-03-31")]
    assert stated(evidence, "private-fostering") == [(5, "2018-03-31")]
    assert stated(evidence, "adoptions") == [(9, "last-12-months")]
    assert stated(evidence, "special-guardianship-orders") == [(12, "last-12-months")]
    assert stated(evidence, "ceased-looked-after") == [(180, "last-12-months")]
    assert stated(evidence, "serious-incident-notifications") == [
        (8, "last-2-years")]
    assert stated(evidence, "children-in-area") == [(62000, None)]
    assert stated(evidence, "eal-secondary") == [(45, None)]
    assert stated(evidence, "eal-secondary", "national") == [(16, None)]
    assert stated(evidence, "minority-ethnic-children", "national") == [(21, None)]


def test_reference_findings_state_their_numbers(reference):
    by_finding = {}
    for e in reference.evidence:
        if e.finding is not None:
            by_finding.setdefault(e.finding, []).extend(
                (q.value, q.unit, q.role, q.ref_date) for q in e.quantities)
    assert by_finding[52] == [(74, "count", "previous", "2016-2017"),
                              (125, "count", "current", "2017-2018")]
    assert by_finding[68] == [(44, "percent", "previous", "previous-inspection"),
                              (57, "percent", "current", "2018-04")]
    assert (74, "percent", "current", "2018-03") in by_finding[36]


# The graph, the shapes, the vocabulary


@pytest.fixture(scope="module")
def fernley_with_numbers(tmp_path_factory, example):
    """The example report with a number in the finding that supports recommendation 3."""
    text = example.read_text(encoding="utf-8").replace(
        "Pathway plans for care leavers are written late",
        "Only 14 of 52 pathway plans for care leavers (27%) are written on time")
    path = tmp_path_factory.mktemp("evidence") / "fernley-2017.md"
    path.write_text(text, encoding="utf-8")
    return read_report(path)


def test_graph_links_findings_judgements_and_evidence(fernley_with_numbers):
    report = fernley_with_numbers
    graph = report_graph(report)
    inspection = "https://w3id.org/ofsted-kg/id/inspection/fernley/2017-03-24"
    finding = URIRef(f"{inspection}/finding/12")
    evidence = URIRef(f"{inspection}/evidence/12-1")
    assert (finding, OKG.hasEvidence, evidence) in graph
    assert (evidence, OKG.evidenceFor, finding) in graph
    assert (evidence, OKG.aboutAuthority, authority_iri(report.authority)) in graph
    values = sorted(float(graph.value(q, OKG.value)) for q in graph.objects(evidence, OKG.quantity))
    assert values == [14, 27, 52]
    judgement = URIRef(f"{inspection}/judgement/care-leavers")
    assert (judgement, OKG.basedOn, finding) in graph
    assert validate(graph).conforms
    assert report_graph(report).serialize(format="nt") == graph.serialize(format="nt")


def _break_quantity(graph, change):
    quantity = next(graph.subjects(OKG.base, None))
    change(graph, quantity)
    return graph


@pytest.mark.parametrize("change, message", [
    (lambda g, q: g.remove((q, OKG.unit, None)), "exactly one unit"),
    (lambda g, q: g.remove((q, OKG.base, None)), "rate has its base"),
    (lambda g, q: g.set((q, OKG.measure, MEASURE["happiness"])), "measures scheme"),
    (lambda g, q: g.remove((next(g.subjects(OKG.quantity, q)), OKG.text, None)),
     "non-empty text"),
])
def test_shapes_catch_broken_evidence(seeds, change, message):
    graph = report_graph(_reference(seeds / "wandsworth-2018.pdf"))
    assert validate(graph).conforms
    outcome = validate(_break_quantity(graph, change))
    assert not outcome.conforms
    assert any(message in p.message for p in outcome.problems), outcome.problems


def test_finding_evidence_names_its_finding_and_periods_end_at_the_inspection(seeds):
    graph = report_graph(_reference(seeds / "wandsworth-2018.pdf"))
    inspection = "https://w3id.org/ofsted-kg/id/inspection/80518/2018-05-31"
    adoptions = next(graph.subjects(OKG.measure, MEASURE["adoptions"]))
    assert str(graph.value(adoptions, OKG.refDate)) == "last-12-months"
    assert str(graph.value(adoptions, OKG.periodEnd)) == "2018-05-31"
    current = next(graph.subjects(OKG.words, Literal("306")))
    previous = graph.value(current, OKG.previousValue)
    assert int(graph.value(previous, OKG.value)) == 286
    evidence = URIRef(f"{inspection}/evidence/52-1")
    graph.remove((evidence, OKG.evidenceFor, None))
    outcome = validate(graph)
    assert not outcome.conforms
    assert any("names its finding" in p.message for p in outcome.problems), outcome.problems


def test_measures_scheme_has_the_agreed_keys():
    graph = vocabulary()
    keys = {str(graph.value(c, SKOS.notation)) for c in graph.subjects(SKOS.inScheme,
                                                                      MEASURE["scheme"])}
    assert keys == MEASURES
    assert {key for key, _, _ in _RULES} <= MEASURES
    for key in MEASURES:
        assert list(graph.objects(MEASURE[key], OKG.bearsOn)), key


# Saved queries, on one named graph per report as the data layout contract has it


def dataset(*reports):
    """An in-memory store holding the reports in the data layout (report graphs, the
    authorities and vocabulary graphs), as ingest builds it."""
    import pyoxigraph

    from ingest.store.layout import fill

    store = pyoxigraph.Store()
    fill(store, list(reports))
    return store


def ask(data, name: str, **params) -> list[dict]:
    """The saved query's rows on ``data``, the authority resolved as the CLI does it."""
    from ingest.queries import run
    from ingest.store.targets import StoreTarget

    solutions = run(get_query(name), StoreTarget(data), {k: str(v) for k, v in params.items()})
    variables = [v.value for v in solutions.variables]
    return [{v: (None if s[v] is None else s[v].value) for v in variables} for s in solutions]


def test_statistics_and_grade_queries(seeds):
    data = dataset(_reference(seeds / "wandsworth-2018.pdf"))
    rows = ask(data, "statistics", measure="children-looked-after")
    assert list(rows[0]) == ["authorityName", "inspectionEnd", "measure", "value", "unit",
                             "refDate", "text"]
    assert {(r["value"], r["unit"], r["refDate"]) for r in rows} == {
        ("306", "count", "2018-03-31"), ("49", "rate-per-10000", "2018-03-31"),
        ("286", "count", "2017-03-31"), ("46", "rate-per-10000", "2017-03-31")}
    assert {r["authorityName"] for r in rows} == {"Wandsworth"}
    current = ask(data, "statistics", measure="children-looked-after", role="current",
                  unit="count")
    assert [r["value"] for r in current] == ["306"]
    beside = ask(data, "statistics-vs-grade", measure="child-protection-plans")
    assert {(r["value"], r["unit"], r["serviceAreaLabel"], r["gradeLabel"]) for r in beside} == {
        ("288", "count", "Children who need help and protection",
         "Requires improvement to be good"),
        ("46", "rate-per-10000", "Children who need help and protection",
         "Requires improvement to be good")}


def test_evidence_for_finding_and_recommendation(fernley_with_numbers):
    report = fernley_with_numbers
    data = dataset(report)
    params = {"authority": "Fernley", "inspection": "2017-03-24"}
    rows = ask(data, "evidence-for-finding", finding=12, **params)
    assert list(rows[0]) == ["finding", "evidenceText", "value", "unit", "measure"]
    assert [(r["value"], r["unit"]) for r in rows] == [("14", "count"), ("52", "count"),
                                                      ("27", "percent")]
    behind = ask(data, "evidence-for-recommendation", recommendation=3, **params)
    assert {r["finding"] for r in behind} == {"12"} and len(behind) == 3
    assert ask(data, "evidence-for-recommendation", recommendation=1, **params) == []


def test_evidence_queries_from_the_command_line(run, example, tmp_path):
    source = tmp_path / "fernley-2017.md"
    source.write_text(example.read_text(encoding="utf-8").replace(
        "Pathway plans for care leavers are written late",
        "Only 14 of 52 pathway plans for care leavers (27%) are written on time"),
        encoding="utf-8")
    out = tmp_path / "fernley.trig"
    assert run("ingest", source, "-o", out).exit_code == 0
    result = run("query", "evidence-for-finding", "--data", out, "--format", "csv",
                 "--param", "authority=https://w3id.org/ofsted-kg/id/authority/fernley",
                 "--param", "inspection=2017-03-24", "--param", "finding=12")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "finding,evidenceText,value,unit,measure" and len(lines) == 4


def test_a_financial_year_is_a_period_and_a_month_is_a_month_in_the_graph(tmp_path):
    """"2011-12" is the financial year, never December 2011 (both would once be the key
    "2011-12", typed xsd:gYearMonth); "December 2011" is the month."""
    from rdflib.namespace import XSD

    text = (Path(__file__).parent / "data" / "fernley-2017.md").read_text(encoding="utf-8")
    finding = "4. The early help hub answers families within a day"
    assert finding in text
    text = text.replace(finding, "4. In 2011-12, 41 children were adopted. In December 2011, "
                                 "12 children waited. The early help hub answers families "
                                 "within a day", 1)
    path = tmp_path / "fernley-2017.md"
    path.write_text(text, encoding="utf-8")
    graph = report_graph(read_report(path))
    dates = {int(graph.value(q, OKG.value)): graph.value(q, OKG.refDate)
             for q in graph.subjects(OKG.words, None)
             if str(graph.value(q, OKG.words)) in {"41", "12"}}
    assert dates[41] == Literal("2011-2012")
    assert dates[12] == Literal("2011-12", datatype=XSD.gYearMonth)
