"""The ontology, vocabularies and shapes as graphs, each loaded once."""

from functools import lru_cache

from rdflib import Graph

from ..resources import data_files
from .namespaces import bind_prefixes


def turtle_folder(name: str) -> Graph:
    """Every Turtle file of the folder ``name`` (ontology or shapes) in one graph."""
    graph = bind_prefixes(Graph())
    for path in data_files(name, ".ttl"):
        graph.parse(path, format="turtle")
    return graph


@lru_cache(maxsize=1)
def vocabulary() -> Graph:
    """Classes, properties, grades, service areas and frameworks (do not mutate)."""
    return turtle_folder("ontology")


@lru_cache(maxsize=1)
def vocabulary_triples() -> frozenset:
    """The vocabulary's triples as a set, for joining them to data without a graph copy."""
    return frozenset(vocabulary())


@lru_cache(maxsize=1)
def shapes() -> Graph:
    """The SHACL shapes (do not mutate)."""
    return turtle_folder("shapes")
