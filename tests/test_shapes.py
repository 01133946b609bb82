"""The shapes in pairs: the example conforms, and each small break is caught."""

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS

from ingest.rdf.namespaces import GRADE, OKG
from ingest.validate import validate

INSPECTION = URIRef("https://w3id.org/ofsted-kg/id/inspection/fernley/2017-03-24")


def node(*parts):
    return URIRef("/".join([str(INSPECTION), *map(str, parts)]))


def drop_judgement(g):
    g.remove((node("judgement", "adoption"), None, None))


def add_gap(g):
    g.remove((node("finding", 10), None, None))


def grade_off_scale(g):
    g.set((node("judgement", "overall"), OKG.grade, GRADE["excellent"]))


def empty_finding_text(g):
    g.set((node("finding", 4), OKG.text, Literal("")))


def finding_in_two_sections(g):
    g.add((node("finding", 6), OKG.serviceArea, URIRef("https://w3id.org/ofsted-kg/scheme/sif/adoption")))


def no_end_date(g):
    g.remove((INSPECTION, OKG.endDate, None))


def second_authority(g):
    g.add((INSPECTION, OKG.authority, URIRef("https://w3id.org/ofsted-kg/id/authority/x")))


def duplicate_judgement(g):
    for p, o in list(g.predicate_objects(node("judgement", "leadership"))):
        g.add((node("judgement", "leadership-again"), p, o))


def recommendation_without_text(g):
    g.remove((node("recommendation", 2), OKG.text, None))


def report_given_as_a_literal(g):
    """A literal where the report belongs: its entailed type (the range of okg:inReport)
    does not make it one."""
    g.set((node("finding", 5), OKG.inReport, Literal("the report")))


VIOLATIONS = {
    drop_judgement: "No judgement for the required service area",
    add_gap: "Finding 10 is missing",
    grade_off_scale: "exactly one grade from the scale",
    empty_finding_text: "non-empty text",
    finding_in_two_sections: "section of at most one service area",
    no_end_date: "exactly one end date",
    second_authority: "exactly one authority",
    duplicate_judgement: "More than one judgement",
    recommendation_without_text: "A recommendation has non-empty text",
    report_given_as_a_literal: "A finding is part of exactly one report",
}


def copy(graph):
    from rdflib import Graph

    new = Graph()
    for triple in graph:
        new.add(triple)
    return new


UNKNOWN_AUTHORITY = "The authority is not in the reference table"


def _analytical(problems) -> list:
    """Problems other than the fictional authority's absence from the reference table."""
    return [p for p in problems if not p.message.startswith(UNKNOWN_AUTHORITY)]


def test_example_conforms_without_warnings_but_its_unknown_authority(example_graph):
    outcome = validate(example_graph)
    assert outcome.conforms and not _analytical(outcome.problems), outcome.problems
    [unknown] = [p for p in outcome.problems if p.message.startswith(UNKNOWN_AUTHORITY)]
    assert unknown.severity == "Warning" and unknown.focus.strip("<>").endswith("/fernley")


@pytest.mark.parametrize("change", VIOLATIONS, ids=lambda f: f.__name__)
def test_each_break_is_a_violation(example_graph, change):
    graph = copy(example_graph)
    change(graph)
    outcome = validate(graph)
    assert not outcome.conforms
    messages = [p.message for p in outcome.problems if p.severity == "Violation"]
    assert any(VIOLATIONS[change] in m for m in messages), messages


def test_analytical_gaps_are_warnings(example_graph):
    graph = copy(example_graph)
    for support in list(graph.subjects(OKG.recommendation, node("recommendation", 2))):
        graph.remove((support, None, None))
    graph.remove((node("finding", 9), OKG.supports, None))
    outcome = validate(graph)
    assert outcome.conforms  # warnings do not fail a graph
    warnings = sorted(p.message for p in _analytical(outcome.problems) if p.severity == "Warning")
    assert warnings == [
        "A finding flagged '(Recommendation)' supports no recommendation.",
        "No finding supports this recommendation.",
    ]


def test_successor_is_matched_by_value(example_graph):
    """The gap check compares numbers by value: 11 written as xsd:int still follows 10
    (the number itself breaks the datatype rule, and only that is reported)."""
    from rdflib.namespace import XSD  # imported here: pytest trips over it at module level

    graph = copy(example_graph)
    graph.set((node("finding", 11), OKG.number, Literal("11", datatype=XSD.int)))
    outcome = validate(graph)
    messages = [p.message for p in outcome.problems]
    assert "A finding's number is a well-formed positive xsd:integer." in messages
    assert not any("is missing" in m for m in messages), messages


def test_types_entailed_by_the_vocabulary_count(example_graph):
    """RDFS inference still applies: a node typed only through the domain of
    okg:flaggedForRecommendation is a finding, and is checked as one."""
    graph = copy(example_graph)
    graph.remove((node("finding", 4), RDF.type, OKG.Finding))
    graph.set((node("finding", 4), OKG.text, Literal("")))
    messages = [p.message for p in validate(graph).problems if p.severity == "Violation"]
    assert messages == ["A finding has non-empty text."]


def test_reports_merged_are_checked_each_on_its_own(example_graph):
    """Two inspections in one graph: the gap in the second is the second's alone."""

    def later(term):
        if isinstance(term, URIRef) and "2017-03-24" in term:
            return URIRef(term.replace("2017-03-24", "2018-03-24"))
        return term

    graph = copy(example_graph)
    for triple in example_graph:
        if triple[0] != node("finding", 10):
            graph.add(tuple(later(term) for term in triple))
    outcome = validate(graph)
    violations = {(p.focus, p.message) for p in outcome.problems if p.severity == "Violation"}
    assert violations == {
        (f"<{later(INSPECTION)}>", "Finding 10 is missing: the finding numbers have a gap.")
    }


def test_rdfs_entailments_are_what_owlrl_adds(example_graph):
    """The closure made here is owlrl's RDFS closure as pyshacl ran it, triple for
    triple, schema statements in the data included, less triples about literals."""
    import owlrl
    from pyshacl.inference import CustomRDFSSemantics
    from rdflib import Graph

    from ingest.rdf.vocabulary import vocabulary
    from ingest.validate import rdfs_entailments

    ex = "http://example.org/"
    graph = copy(example_graph) + vocabulary()
    extra = [
        (URIRef(ex + "p"), RDFS.subPropertyOf, OKG.framework),
        (URIRef(ex + "q"), RDFS.subPropertyOf, URIRef(ex + "p")),
        (URIRef(ex + "i"), URIRef(ex + "q"), Literal("a literal")),
        (URIRef(ex + "C"), RDFS.subClassOf, OKG.Finding),
        (URIRef(ex + "C"), RDF.type, RDFS.Class),
        (URIRef(ex + "D"), RDFS.subClassOf, URIRef(ex + "C")),
        (URIRef(ex + "x"), RDF.type, URIRef(ex + "D")),
        (URIRef(ex + "x"), OKG.supports, Literal("not a recommendation")),
        (URIRef(ex + "r"), RDFS.range, OKG.Report),
        (URIRef(ex + "dt"), RDF.type, RDFS.Datatype),
        (URIRef(ex + "cm"), RDF.type, RDFS.ContainerMembershipProperty),
        (URIRef(ex + "t"), RDFS.subPropertyOf, RDF.type),
        (URIRef(ex + "y"), URIRef(ex + "t"), OKG.Inspection),
        (URIRef(ex + "d"), RDFS.subPropertyOf, RDFS.domain),
        (OKG.text, URIRef(ex + "d"), URIRef(ex + "Texts")),
    ]
    for triple in extra:
        graph.add(triple)
    closed = Graph()
    for triple in graph:
        closed.add(triple)
    owlrl.DeductiveClosure(CustomRDFSSemantics).expand(closed)
    about_literals = {t for t in closed if isinstance(t[0], Literal)}
    assert about_literals  # the example has literals where the range expects nodes
    assert rdfs_entailments(set(graph)) == set(closed) - set(graph) - about_literals


def test_numbers_the_report_skips_or_gives_to_recommendations_are_not_gaps(example_graph):
    """The running sequence goes on through recommendation numbers, and through a number
    the report records it left out, but not through an unnumbered bullet's place."""
    report = URIRef("https://w3id.org/ofsted-kg/id/report/fernley/2017-03-24")
    skipped = copy(example_graph)
    skipped.remove((node("finding", 10), None, None))
    skipped.add((report, OKG.skippedNumber, Literal(10)))
    assert validate(skipped).conforms
    taken = copy(example_graph)
    taken.remove((node("finding", 10), None, None))
    item = node("recommendation", "lscb-10")
    for triple in [(item, RDF.type, OKG.Recommendation), (item, OKG.inReport, report),
                   (item, OKG.number, Literal(10)), (item, OKG.text, Literal("Board: act.")),
                   (item, OKG.body, Literal("lscb"))]:
        taken.add(triple)
    assert "Finding 10 is missing" not in str(validate(taken).problems)
    taken.add((item, OKG.numberPrinted, Literal(False)))
    assert "Finding 10 is missing" in str(validate(taken).problems)


def test_the_closure_grows_the_same_whichever_triples_come_first(example_graph):
    """Validation adds each graph to a copy of the vocabulary's closure, made once: the
    same triples as the closure of both at once."""
    from ingest.rdf.vocabulary import vocabulary_triples
    from ingest.validate import _vocabulary_closure, rdfs_entailments

    data = set(example_graph)
    both = data | set(vocabulary_triples())
    closure = _vocabulary_closure().copy()
    closure.extend(data)
    assert closure.known == both | rdfs_entailments(both)
    assert _vocabulary_closure().known.isdisjoint(data - set(vocabulary_triples()))
