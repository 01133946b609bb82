"""The ontology, vocabularies and shapes as artefacts: parsed, labelled, in step."""

from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from ingest.frameworks import FRAMEWORKS, GRADES, GRADES_2012, SERVICE_AREAS
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


# SKOS mappings: "above" means broader. X skos:broader Y and X skos:broadMatch Y put Y
# above X; skos:narrower and skos:narrowMatch put their object below. exactMatch joins.

def _above_edges(graph) -> set[tuple]:
    edges = set()
    for predicate in (SKOS.broader, SKOS.broadMatch):
        edges |= {(o, s) for s, o in graph.subject_objects(predicate)}
    for predicate in (SKOS.narrower, SKOS.narrowMatch):
        edges |= set(graph.subject_objects(predicate))
    return edges  # (upper, lower)


def _equivalents(graph):
    """Each concept -> a representative of its exactMatch class."""
    parent: dict = {}

    def find(x):
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for s, o in graph.subject_objects(SKOS.exactMatch):
        parent[find(s)] = find(o)
    return find


def test_skos_mappings_form_no_cycle():
    graph = vocabulary()
    find = _equivalents(graph)
    edges = {(find(a), find(b)) for a, b in _above_edges(graph)}
    assert edges, "no hierarchy or mapping found"
    assert not [e for e in edges if e[0] == e[1]], "a concept is above its own exact match"
    below: dict = {}
    for upper, lower in edges:
        below.setdefault(upper, set()).add(lower)

    def reaches(start, goal, seen=()) -> bool:
        return any(n == goal or (n not in seen and reaches(n, goal, (*seen, n)))
                   for n in below.get(start, ()))

    cycles = [(a, b) for a, b in edges if reaches(b, a)]
    assert not cycles, f"mappings form a cycle through {cycles[0]}"


def test_skos_mappings_agree_with_broader_and_narrower():
    graph = vocabulary()
    for lower, upper in graph.subject_objects(SKOS.broader):
        assert (upper, SKOS.narrower, lower) in graph, (lower, upper)
    for upper, lower in graph.subject_objects(SKOS.narrower):
        assert (lower, SKOS.broader, upper) in graph, (upper, lower)
    for lower, upper in graph.subject_objects(SKOS.broadMatch):
        assert (upper, SKOS.broadMatch, lower) not in graph, (lower, upper)
        assert (lower, SKOS.narrowMatch, upper) not in graph, (lower, upper)
    for upper, lower in graph.subject_objects(SKOS.narrowMatch):
        assert (upper, SKOS.broadMatch, lower) not in graph, (upper, lower)
        assert (lower, SKOS.narrowMatch, upper) not in graph, (upper, lower)


def test_care_leavers_sit_below_the_joint_ilacs_judgement():
    graph = vocabulary()
    joint = area_iri("ilacs", "in-care-and-care-leavers")
    assert (area_iri("sif", "care-leavers"), SKOS.broadMatch, joint) in graph
    in_care = area_iri("ilacs", "in-care")
    assert (area_iri("sif", "looked-after"), SKOS.narrowMatch, in_care) in graph


def test_python_tables_are_exactly_the_ontology_frameworks():
    """``ingest/frameworks.py`` is the parser's fast copy of ``ontology/frameworks.ttl``:
    every framework, service area and grade of one is in the other, with the same labels,
    other labels, ranks and required judgements."""
    graph = vocabulary()
    declared = {str(s).rsplit("/", 1)[-1]
                for s in graph.subjects(RDF.type, OKG.InspectionFramework)}
    assert declared == {f.key for f in FRAMEWORKS}
    areas = {(str(s).split("/")[-2], str(s).rsplit("/", 1)[-1])
             for s in graph.subjects(RDF.type, OKG.ServiceArea)}
    assert areas == {(a.scheme, a.key) for a in SERVICE_AREAS}
    for area in SERVICE_AREAS:
        others = {str(o) for o in graph.objects(area_iri(area.scheme, area.key), SKOS.altLabel)}
        assert others == set(area.alt_labels), area.key
    grades = {s: graph.value(s, OKG.rank) for s in graph.subjects(RDF.type, OKG.Grade)}
    assert {k: (int(r) if r is not None else None) for k, r in grades.items()} == {
        grade_iri(g.key, "lac-2012" if g.scale == "grade-2012" else ""): g.rank
        for g in GRADES + GRADES_2012}
