"""The ontology and controlled vocabularies as one graph, loaded once."""

from functools import lru_cache

from rdflib import Graph

from .namespaces import bind_prefixes
from .resources import data_files


@lru_cache(maxsize=1)
def vocabulary() -> Graph:
    """Classes, properties, grades, service areas and frameworks (do not mutate)."""
    graph = bind_prefixes(Graph())
    for path in data_files("ontology", ".ttl"):
        graph.parse(path, format="turtle")
    return graph
