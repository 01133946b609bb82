"""Validation cannot be fooled or crashed: no inspection, an empty graph, unrelated
triples and malformed typed values do not conform, each with a message saying why; the
join-order evaluator is used only while validating and gives rdflib's own results."""

import time

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH, XSD
from rdflib.plugins.sparql import CUSTOM_EVALS

from ingest import validate as validation
from ingest.rdf.namespaces import OKG
from ingest.rdf.vocabulary import shapes, vocabulary_triples


def _violations(outcome) -> list[str]:
    return [p.message for p in outcome.problems if p.severity == "Violation"]


def test_an_empty_graph_does_not_conform():
    outcome = validation.validate(Graph())
    assert not outcome.conforms
    assert _violations(outcome) == [validation._NO_INSPECTION]


def test_many_unrelated_triples_do_not_conform_quickly():
    graph = Graph()
    for n in range(100_000):
        graph.add((URIRef(f"http://example.org/thing/{n}"), URIRef("http://example.org/p"),
                   Literal(n)))
    began = time.perf_counter()
    outcome = validation.validate(graph)
    assert not outcome.conforms and "No inspection found" in _violations(outcome)[0]
    assert time.perf_counter() - began < 5


def test_malformed_typed_values_are_violations_that_say_so(example_graph):
    graph = Graph()
    graph += example_graph
    inspection = next(graph.subjects(OKG.framework, None))
    graph.set((inspection, OKG.startDate, Literal("2018-02-30", datatype=XSD.date)))
    finding = next(graph.subjects(OKG.number, None))
    graph.set((finding, OKG.number, Literal("12a", datatype=XSD.integer)))
    outcome = validation.validate(graph)
    messages = _violations(outcome)
    assert "'2018-02-30' is not a well-formed xsd:date value." in messages
    assert "'12a' is not a well-formed xsd:integer value." in messages
    assert not any("exactly one start date" in m for m in messages)
    assert (None, SH.conforms, Literal(False)) in outcome.report  # the SHACL report too
    assert "'12a' is not a well-formed xsd:integer value." in {
        str(m) for m in outcome.report.objects(None, SH.resultMessage)}


def test_a_malformed_publication_date_is_not_called_a_second_date(example_graph):
    from rdflib.namespace import DCTERMS

    graph = Graph()
    graph += example_graph
    report = next(graph.subjects(DCTERMS.issued, None))
    graph.set((report, DCTERMS.issued, Literal("20 July 2018")))
    messages = _violations(validation.validate(graph))
    assert any("publication date is a well-formed xsd:date" in m for m in messages)
    assert not any("at most one publication date" in m for m in messages)


def test_the_join_order_evaluator_is_registered_only_while_validating():
    assert "ofsted-kg-validation" not in CUSTOM_EVALS
    with validation.join_order():
        assert "ofsted-kg-validation" in CUSTOM_EVALS
    assert "ofsted-kg-validation" not in CUSTOM_EVALS


def test_the_join_order_evaluator_gives_rdflibs_results(example_graph):
    triples = set(example_graph) | set(vocabulary_triples())
    graph = validation._QueryGraph()
    for s, p, o in triples | validation.rdfs_entailments(triples):
        graph.add((s, p, o))
    queries = [str(q).replace("$this", "?this") for q in shapes().objects(None, SH.select)]
    assert len(queries) >= 8
    for query in queries:
        prefixed = ("PREFIX okg: <https://w3id.org/ofsted-kg/def#>\n"
                    "PREFIX prov: <http://www.w3.org/ns/prov#>\n" + query)
        stock = sorted(repr(tuple(row)) for row in graph.query(prefixed))
        with validation.join_order():
            ours = sorted(repr(tuple(row)) for row in graph.query(prefixed))
        assert ours == stock, query


def test_a_wrong_page_or_checksum_is_called_what_it_is(example_graph):
    graph = Graph()
    graph += example_graph
    finding = next(graph.subjects(OKG.flaggedForRecommendation, None))
    graph.set((finding, OKG.page, Literal(0)))
    source = next(graph.subjects(OKG.sha256, None))
    graph.set((source, OKG.sha256, Literal("not a checksum")))
    messages = _violations(validation.validate(graph))
    assert "A finding's page is a well-formed positive xsd:integer." in messages
    assert "A source file's SHA-256 checksum is 64 lower-case hexadecimal digits." in messages
    assert not any("at most one page" in m or "exactly one SHA-256" in m for m in messages)
