"""Where a graph's triples go, for every graph builder of the rdf wing."""

from typing import Protocol


class Sink(Protocol):
    """An rdflib graph, or a set: anything with ``add``."""

    def add(self, triple: tuple, /) -> object: ...
