"""The shapes report what loss detection recorded, and compare printed counts with what
was read: a graph carrying a loss never conforms silently."""

from rdflib import Graph, Literal
from rdflib.namespace import RDF

from ingest.rdf.namespaces import OKG
from ingest.validate import validate


def _copy(graph: Graph) -> Graph:
    copy = Graph()
    copy += graph
    return copy


def _report_node(graph):
    return next(graph.subjects(RDF.type, OKG.Report))


def test_the_example_records_what_it_prints_and_conforms(example_graph):
    node = _report_node(example_graph)
    assert example_graph.value(node, OKG.printedJudgementRowCount) is not None
    assert example_graph.value(node, OKG.printedParagraphCount) is not None
    assert validate(example_graph).conforms


def test_a_recorded_loss_is_a_violation_naming_the_part(example_graph):
    graph = _copy(example_graph)
    message = "Paragraph 7 is printed but not read: the text is lost"
    graph.add((_report_node(graph), OKG.parseViolation, Literal(message)))
    outcome = validate(graph)
    assert not outcome.conforms
    assert [p.message for p in outcome.problems if p.severity == "Violation"] == [message]


def test_a_recorded_irregularity_is_a_warning(example_graph):
    graph = _copy(example_graph)
    message = "Number 7 is not printed: the numbering goes from paragraph 6 to paragraph 8"
    graph.add((_report_node(graph), OKG.parseWarning, Literal(message)))
    outcome = validate(graph)
    assert outcome.conforms
    assert message in [p.message for p in outcome.problems if p.severity == "Warning"]


def test_fewer_paragraphs_or_rows_read_than_printed_do_not_conform(example_graph):
    graph = _copy(example_graph)
    node = _report_node(graph)
    graph.set((node, OKG.printedParagraphCount, Literal(999)))
    graph.set((node, OKG.printedJudgementRowCount, Literal(99)))
    messages = [p.message for p in validate(graph).problems if p.severity == "Violation"]
    assert any("prints 999 numbered paragraphs" in m for m in messages), messages
    assert any("prints 99 graded rows" in m for m in messages), messages
