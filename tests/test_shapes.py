"""The shapes in pairs: the example conforms, and each small break is caught."""

import pytest
from rdflib import Literal, URIRef

from ingest.namespaces import GRADE, OKG
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


def finding_without_section(g):
    g.remove((node("finding", 6), OKG.serviceArea, None))


def no_end_date(g):
    g.remove((INSPECTION, OKG.endDate, None))


def second_authority(g):
    g.add((INSPECTION, OKG.authority, URIRef("https://w3id.org/ofsted-kg/id/authority/x")))


def duplicate_judgement(g):
    for p, o in list(g.predicate_objects(node("judgement", "leadership"))):
        g.add((node("judgement", "leadership-again"), p, o))


def recommendation_without_text(g):
    g.remove((node("recommendation", 2), OKG.text, None))


VIOLATIONS = {
    drop_judgement: "No judgement for the required service area",
    add_gap: "Finding 10 is missing",
    grade_off_scale: "exactly one grade from the scale",
    empty_finding_text: "non-empty text",
    finding_without_section: "section of exactly one service area",
    no_end_date: "exactly one end date",
    second_authority: "exactly one authority",
    duplicate_judgement: "More than one judgement",
    recommendation_without_text: "A recommendation has non-empty text",
}


def copy(graph):
    from rdflib import Graph

    new = Graph()
    for triple in graph:
        new.add(triple)
    return new


def test_example_conforms_without_warnings(example_graph):
    outcome = validate(example_graph)
    assert outcome.conforms and not outcome.problems, outcome.problems


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
    warnings = sorted(p.message for p in outcome.problems if p.severity == "Warning")
    assert warnings == [
        "A finding flagged '(Recommendation)' supports no recommendation.",
        "No finding supports this recommendation.",
    ]
