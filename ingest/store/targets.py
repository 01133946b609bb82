"""Where a saved query runs, behind one method: ``answer(query_text)``, the query's
solutions as pyoxigraph gives them (read once), whichever target answered.

- ``StoreTarget``: the embedded on-disk store (or any pyoxigraph store);
- ``FilesTarget``: RDF files loaded into an in-memory store (TriG and N-Quads keep their
  graph names, a file of triples goes into a named graph of its own, named by the file's
  URI), with the vocabulary graph added when the files do not carry it;
- ``EndpointTarget``: a SPARQL 1.1 Protocol endpoint.

Every target runs the same query text and gives the same solutions. ``select`` reads them
into ``Rows`` (the variables and, per row, a pyoxigraph term or None for each) for code
that looks at terms; output in a W3C results format is written from the solutions
directly, in Rust: for the 27,699 rows of ``findings`` over the corpus, 0.8 s less than
building Python terms and writing them again.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

Term = ox.NamedNode | ox.BlankNode | ox.Literal


@dataclass
class Rows:
    """A SELECT query's answer: its variables, and one tuple of terms (None if unbound)
    per solution, in the query's order."""

    variables: list[str]
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows)

    def dicts(self) -> list[dict[str, str]]:
        """Each row as {variable: value} with unbound variables left out."""
        return [{v: t.value for v, t in zip(self.variables, row, strict=True) if t is not None}
                for row in self.rows]


class TargetError(Exception):
    """A target that cannot be read or cannot answer; the message names it."""


class Target(Protocol):
    def answer(self, query_text: str) -> ox.QuerySolutions: ...


def rows_of(solutions: ox.QuerySolutions) -> Rows:
    """Solutions read into rows of terms."""
    variables = [v.value for v in solutions.variables]
    return Rows(variables, [tuple(s[v] for v in variables) for s in solutions])


def select(target: Target, query_text: str) -> Rows:
    """The target's answer to a SELECT query, as rows of terms."""
    return rows_of(target.answer(query_text))


class StoreTarget:
    """A pyoxigraph store: the embedded store, or files loaded into memory."""

    def __init__(self, store: ox.Store, name: str = "the store") -> None:
        self.store = store
        self.name = name

    def answer(self, query_text: str) -> ox.QuerySolutions:
        try:
            solutions = self.store.query(query_text)
        except SyntaxError as error:
            raise TargetError(f"the query is not valid SPARQL ({error})") from None
        if not isinstance(solutions, ox.QuerySolutions):
            raise TargetError("the query is not a SELECT query")
        return solutions


_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE, ".turtle": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES,
    ".n3": ox.RdfFormat.N3, ".jsonld": ox.RdfFormat.JSON_LD, ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML, ".owl": ox.RdfFormat.RDF_XML, ".xml": ox.RdfFormat.RDF_XML,
    ".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS,
}


def rdf_files(paths: Sequence[Path]) -> list[Path]:
    """The files named, and the RDF files in folders named (at any depth), in order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix.lower() in _FORMATS)
        else:
            files.append(path)
    return files


def load_file(store: ox.Store, path: Path) -> None:
    """Add the file to ``store``: its named graphs as named, its other triples in a graph
    named by the file's URI. Raises TargetError naming the file."""
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise TargetError(f"{path}: unknown RDF file type {path.suffix or '(none)'!r}; "
                          f"use one of {', '.join(sorted(_FORMATS))}")
    if not path.is_file():
        raise TargetError(f"{path}: no such file")
    try:  # triples outside any named graph (a Turtle or JSON-LD file) go to the file's graph
        store.load(path=str(path), format=fmt, to_graph=ox.NamedNode(path.resolve().as_uri()))
    except (SyntaxError, ValueError, OSError) as error:
        reason = " ".join(str(error).split())[:200]
        raise TargetError(f"{path}: cannot be read as {fmt.name} ({reason})") from None


def files_store(paths: Sequence[Path]) -> ox.Store:
    """An in-memory store of the files in the data layout: the vocabulary graph added if
    they lack it, and the authorities' own facts kept once, in the authorities graph."""
    from .embedded import vocabulary_quads
    from .names import VOCABULARY

    store = ox.Store()
    for path in rdf_files(paths):
        load_file(store, path)
    if not store.contains_named_graph(ox.NamedNode(VOCABULARY)):
        store.extend(vocabulary_quads())
    store.update(_AUTHORITIES_APART)
    return store


# A file of one report stands alone, so it carries its authority's facts; several such
# files would state them once each. They are moved to the shared graph, where each is once.
_AUTHORITIES_APART = """
PREFIX okg: <https://w3id.org/ofsted-kg/def#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX org: <http://www.w3.org/ns/org#>
DELETE { GRAPH ?graph { ?node ?property ?value } }
INSERT { GRAPH <https://w3id.org/ofsted-kg/id/graph/authorities> { ?node ?property ?value } }
WHERE {
  GRAPH ?graph {
    { ?node a okg:Authority ; ?property ?value .
      VALUES ?property { rdf:type rdfs:label skos:prefLabel skos:altLabel okg:ofstedURN
                         okg:laCode okg:onsCode okg:authorityType okg:region
                         okg:statisticalNeighbour } }
    UNION
    { ?node a okg:Region ; ?property ?value . }
  }
  FILTER (?graph != <https://w3id.org/ofsted-kg/id/graph/authorities>)
}
"""


class FilesTarget(StoreTarget):
    def __init__(self, paths: Sequence[Path]) -> None:
        super().__init__(files_store(paths), "the files")


class EndpointTarget:
    """A SPARQL 1.1 Protocol endpoint, asked through ``server.ask`` (its form read by
    parsing the query, credentials from the environment, one error line per failure:
    ``server.ServerError``)."""

    def __init__(self, url: str, timeout: float | None = None, allow_partial: bool = False
                 ) -> None:
        self.url = url
        self.timeout = timeout
        self.allow_partial = allow_partial
        self.notes: list[str] = []  # what the caller should say (an answer cut short)

    def answer(self, query_text: str) -> ox.QuerySolutions:
        from .server import DEFAULT_TIMEOUT, ask

        body = ask(self.url, query_text, self.timeout or DEFAULT_TIMEOUT, self.allow_partial,
                   self.notes.append)
        solutions = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        if not isinstance(solutions, ox.QuerySolutions):
            raise TargetError(f"{self.url}: the answer is not the rows of a SELECT query")
        return solutions
