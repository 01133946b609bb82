"""A store's whole dataset in any RDF syntax, byte for byte the same for the same
contents, streamed graph by graph from the store (never all of it in memory, never the
PDFs read again).

- TriG and N-Quads keep the store's layout: every named graph under its name.
- Turtle, N-Triples, JSON-LD and RDF/XML hold one merged graph: every named graph's
  triples, each once (the store's integrity records left out).

Quads are written in order of graph, then subject, predicate and object (each graph
sorted on its own, so memory is bounded by the largest graph).
"""

import os
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

DATASET_SUFFIXES = {".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS}
GRAPH_SUFFIXES = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES,
                  ".jsonld": ox.RdfFormat.JSON_LD, ".rdf": ox.RdfFormat.RDF_XML}
EXPORT_SUFFIXES = {**DATASET_SUFFIXES, **GRAPH_SUFFIXES}
_NO_PREFIXES = {ox.RdfFormat.N_QUADS, ox.RdfFormat.N_TRIPLES}


def _key(quad: ox.Quad) -> tuple[str, str, str]:
    return str(quad.subject), str(quad.predicate), str(quad.object)


def _graph_names(store: ox.Store) -> list[ox.NamedNode]:
    return sorted((g for g in store.named_graphs() if isinstance(g, ox.NamedNode)), key=str)


def _quads(store: ox.Store) -> Iterator[ox.Quad]:
    """Every quad of every named graph, in order: graph by graph, each sorted."""
    for name in _graph_names(store):
        yield from sorted(store.quads_for_pattern(None, None, None, name), key=_key)


def _triples(store: ox.Store) -> Iterator[ox.Triple]:
    """Every named graph's triples, each once (the first graph that holds it places it),
    but the store's own integrity records, which describe the store, not the reports."""
    from .names import INTEGRITY

    seen: set[int] = set()
    for quad in _quads(store):
        if str(quad.graph_name) == f"<{INTEGRITY}>":
            continue
        key = hash(_key(quad))
        if key not in seen:
            seen.add(key)
            yield quad.triple


def _prefixes(fmt: ox.RdfFormat) -> dict[str, str] | None:
    from ..rdf.namespaces import PREFIXES

    if fmt in _NO_PREFIXES:
        return None
    return {name: str(namespace) for name, namespace in sorted(PREFIXES.items())}


def dataset_bytes(store: ox.Store, fmt: ox.RdfFormat) -> bytes:
    """Every quad of ``store`` in ``fmt`` (TriG with the project's prefixes, or N-Quads)."""
    return ox.serialize(_quads(store), format=fmt, prefixes=_prefixes(fmt)) or b""


def export(store: ox.Store, path: Path) -> int:
    """Write ``store`` to ``path`` in the syntax its suffix names (``EXPORT_SUFFIXES``),
    streamed, replacing it in one step; returns the number of quads or triples written."""
    from ..rdf.files import temporary_beside

    fmt = EXPORT_SUFFIXES[path.suffix.lower()]
    items: Iterator = _quads(store) if path.suffix.lower() in DATASET_SUFFIXES else _triples(store)
    counted = _Counted(items)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = temporary_beside(path)
    try:
        with os.fdopen(handle, "wb") as stream:
            ox.serialize(counted, stream, format=fmt, prefixes=_prefixes(fmt))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return counted.count


class _Counted:
    """An iterator that counts what passes through it."""

    def __init__(self, items: Iterator) -> None:
        self.items = items
        self.count = 0

    def __iter__(self) -> "_Counted":
        return self

    def __next__(self):
        item = next(self.items)
        self.count += 1
        return item
