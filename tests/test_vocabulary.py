"""The ontology, vocabularies and shapes as artefacts: parsed, labelled, in step."""

from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from ingest.frameworks import FRAMEWORKS, GRADES, SERVICE_AREAS
from ingest.rdf.identity import area_iri, framework_iri, grade_iri
from ingest.rdf.namespaces import OKG
from ingest.rdf.vocabulary import vocabulary
from ingest.resources import data_files


def test_every_file_parses():
    files = data_files("ontology", ".ttl") + data_files("shapes", ".ttl")
    assert len(files) >= 3
    for path in files:
        assert len(Graph().parse(path, format="turtle")) > 0


def test_every_term_is_declared_labelled_and_defined():
    graph = vocabulary()
    terms = {s for s in graph.subjects() if str(s).startswith(str(OKG))}
    assert len(terms) > 30
    for term in terms:
        kinds = set(graph.objects(term, RDF.type))
        assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}, term
        assert graph.value(term, RDFS.label) is not None, term
        assert graph.value(term, SKOS.definition) is not None, term
    assert (None, RDF.type, OWL.Ontology) in graph


def test_python_terms_match_the_vocabulary():
    graph = vocabulary()
    for grade in GRADES:
        assert str(graph.value(grade_iri(grade.key), SKOS.prefLabel)) == grade.label
    for area in SERVICE_AREAS:
        assert str(graph.value(area_iri(area.scheme, area.key), SKOS.prefLabel)) == area.label
    for framework in FRAMEWORKS:
        required = {str(o).rsplit("/", 1)[-1] for o in
                    graph.objects(framework_iri(framework.key), OKG.requiresJudgementOn)}
        assert required == set(framework.required), framework.key


def test_mappings_follow_help_and_protection_across_frameworks():
    graph = vocabulary()
    assert (area_iri("sif", "help-and-protection"), SKOS.exactMatch,
            area_iri("ilacs", "help-and-protection")) in graph
