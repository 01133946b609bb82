"""What ``load`` sends: (graph name, graph) pairs in the data layout of the contract.

Each report's graph is named by the report's IRI and holds what the report states, with
no authority facts; the authorities and the vocabulary are shared graphs, each fact once.
``load`` takes any iterable of (name, rdflib Graph or N-Triples bytes): these two
functions are its sources, from report files and from a store folder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..rdf.namespaces import ID

if TYPE_CHECKING:
    from rdflib import Graph

    from ..errors import InputError

AUTHORITIES_GRAPH = str(ID["graph/authorities"])
VOCABULARY_GRAPH = str(ID["graph/vocabulary"])


class StoreFolderError(Exception):
    """A store folder that cannot be opened; the message names it."""


def graphs_from_sources(files: list[Path], jobs: int = 1,
                        on_refused: Callable[[InputError], None] = lambda error: None,
                        ) -> Iterator[tuple[str, Graph]]:
    """Each readable report's graph, then the authorities and the vocabulary."""
    from rdflib import Graph

    from .. import batch
    from ..rdf.identity import report_iri
    from ..rdf.namespaces import bind_prefixes
    from ..rdf.vocabulary import vocabulary

    outcome = batch.read_all(files, jobs, progress=False, on_refused=on_refused)
    authorities = bind_prefixes(Graph())
    for report, graph in batch.report_graphs(outcome.reports):
        authorities += take_authority_facts(graph)
        yield str(report_iri(report.authority, report.end)), graph
    if outcome.reports:
        yield AUTHORITIES_GRAPH, authorities
        yield VOCABULARY_GRAPH, vocabulary()


def take_authority_facts(graph: Graph) -> Graph:
    """Remove the authorities' own facts (names, codes, region and the region's label)
    from a report's graph and return them; the report keeps its links to the authority
    and what it states about it (an ``org:resultedFrom`` formation)."""
    from rdflib import Graph
    from rdflib.namespace import ORG, RDF

    from ..rdf.namespaces import OKG

    nodes = set(graph.subjects(RDF.type, OKG.Authority)) | set(
        graph.subjects(RDF.type, OKG.Region))
    facts = Graph()
    for node in nodes:
        for triple in graph.triples((node, None, None)):
            if triple[1] != ORG.resultedFrom:
                facts.add(triple)
    graph -= facts
    return facts


def graphs_from_store(folder: Path) -> Iterator[tuple[str, bytes]]:
    """Every named graph of a pyoxigraph store folder, as N-Triples, in name order."""
    if not folder.is_dir():
        raise StoreFolderError(f"{folder}: no such folder")
    try:
        from pyoxigraph import RdfFormat, Store

        store = Store.read_only(str(folder))
    except ImportError:
        raise StoreFolderError(f"{folder}: reading a store needs pyoxigraph") from None
    except OSError as error:
        reason = " ".join(str(error).split())[:200]
        raise StoreFolderError(f"{folder}: cannot be opened as a store ({reason})") from None
    for name in sorted(store.named_graphs(), key=lambda node: node.value):
        yield name.value, store.dump(format=RdfFormat.N_TRIPLES, from_graph=name)
