"""Validation of a store: each report's graph, with the shared graphs, against the shapes.

A report graph is checked with the authorities graph beside it (its inspection's
authority is described there) and the vocabulary (which ``ingest.validate`` joins
itself); no report's facts can make another report's graph conform.
"""

from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from .embedded import report_graph_names
from .names import AUTHORITIES


@dataclass(frozen=True)
class StoreOutcome:
    conforms: bool
    problems: tuple  # ingest.validate.Problem, for every graph
    report: Any  # rdflib Graph: every graph's SHACL validation report
    graphs: int


def _graph(store: ox.Store, *names: str | None):
    from rdflib import Graph

    graph = Graph()
    for name in filter(None, names):
        node = ox.NamedNode(name)
        if store.contains_named_graph(node):
            data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=node) or b""
            graph.parse(data=data.decode("utf-8"), format="nt")
    return graph


def validate_store(store: ox.Store) -> StoreOutcome:
    """Validate every report graph of ``store`` with the shared graphs."""
    from rdflib import Graph

    from ..rdf.namespaces import bind_prefixes
    from ..validate import validate

    problems: list = []
    conforms = True
    report = bind_prefixes(Graph())
    names: list[str | None] = list(report_graph_names(store))
    # Nothing to check is no inspection found, never "conforms".
    for name in names or [None]:
        outcome = validate(_graph(store, name, AUTHORITIES))
        conforms = conforms and outcome.conforms
        problems += outcome.problems
        report += outcome.report
    # a shared graph's problem (an authority not in the reference table) shows once, not
    # once for every report graph it was checked beside
    return StoreOutcome(conforms, tuple(dict.fromkeys(problems)), report, len(names))
