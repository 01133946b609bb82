"""RDF files: their formats, reading them into one graph, and writing graphs to them
(one graph, or one named graph per report streamed to TriG or N-Quads), always replacing
a file in one step."""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # rdflib is imported where graphs are read or written, not on import:
    from rdflib import Graph, URIRef  # the query path (pyoxigraph) never needs it

FORMATS = {"turtle": "turtle", "ttl": "turtle", "nt": "nt", "ntriples": "nt", "json-ld": "json-ld"}

_FORMATS = {
    ".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".n3": "n3",
    ".jsonld": "json-ld", ".json": "json-ld", ".rdf": "xml", ".owl": "xml", ".xml": "xml",
    ".trig": "trig", ".nq": "nquads",
}
QUAD_FORMATS = {"trig", "nquads"}


class GraphFileError(Exception):
    """An RDF file that cannot be read; the message names it and says why."""


def rdf_format(path: Path) -> str:
    try:
        return _FORMATS[path.suffix.lower()]
    except KeyError:
        raise GraphFileError(
            f"{path}: unknown RDF file type {path.suffix or '(none)'!r}; "
            f"use one of {', '.join(sorted(_FORMATS))}"
        ) from None


def graph_files(paths: list[Path]) -> list[Path]:
    """The files named, and the RDF files in folders named (at any depth), in order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix.lower() in _FORMATS)
        else:
            files.append(path)
    return files


def load_graphs(paths: list[Path]) -> Graph:
    """Every triple of every file (named graphs merged) in one graph; a folder stands
    for the RDF files in it."""
    from rdflib import Dataset, Graph

    from .namespaces import bind_prefixes

    merged = bind_prefixes(Graph())
    for path in graph_files(paths):
        fmt = rdf_format(path)
        if not path.is_file():
            raise GraphFileError(f"{path}: no such file")
        try:
            if fmt in QUAD_FORMATS:
                dataset = Dataset()
                dataset.parse(path, format=fmt)
                for s, p, o, _ in dataset.quads((None, None, None, None)):
                    merged.add((s, p, o))
            else:
                merged.parse(path, format=fmt)
        except Exception as error:  # rdflib raises many kinds for bad syntax
            reason = " ".join(str(error).split())[:200]
            raise GraphFileError(f"{path}: cannot be read as {fmt} ({reason})") from None
    return merged


def serialise(graph: Graph, fmt: str) -> bytes:
    """The graph in ``fmt``, byte for byte the same for the same graph."""
    from . import writers

    name = FORMATS[fmt]
    if name in {"turtle", "json-ld"} and not writers.has_blank_nodes(graph):
        return writers.turtle(graph) if name == "turtle" else writers.json_ld(graph)
    if name == "nt":
        lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()
        return ("\n".join(sorted(set(filter(None, lines)))) + "\n").encode("utf-8")
    if name == "json-ld":  # rdflib's JSON-LD order follows hashing: put it in order
        document = json.loads(graph.serialize(format="json-ld", encoding="utf-8"))
        return (json.dumps(_ordered(document), indent=2, sort_keys=True) + "\n").encode("utf-8")
    return graph.serialize(format=name, encoding="utf-8")


def _ordered(value):
    """JSON-LD arrays here are sets (the graph has no RDF lists): sort them."""
    if isinstance(value, dict):
        return {key: _ordered(item) for key, item in value.items()}
    if isinstance(value, list):
        items = [_ordered(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True))
    return value


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = temporary_beside(path)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def temporary_beside(path: Path) -> tuple[int, str]:
    """A new file beside ``path``, readable as a file created the usual way would be."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temporary, 0o666 & ~umask)
    return handle, temporary


DATASET_FORMATS = {".trig": "trig", ".nq": "nquads"}
_PREFIX_LINE = re.compile(r"^@(?:prefix|base) [^\n]*\n", re.M)


def write_named_graphs(graphs: Iterable[tuple[URIRef, Graph]], path: Path, fmt: str) -> int:
    """Write each (name, graph) to ``path`` in ``fmt``, replacing it in one step at the
    end; returns the number of graphs written. Same graphs in, same bytes out."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = temporary_beside(path)
    count = 0
    prefixes: set[str] = set()
    try:
        with tempfile.TemporaryFile(dir=path.parent) as body:
            for name, graph in graphs:
                body.write(_chunk(name, graph, fmt, prefixes))
                count += 1
            body.seek(0)
            with os.fdopen(handle, "wb") as stream:
                stream.write("".join(sorted(prefixes)).encode("utf-8"))
                stream.write(b"\n" if prefixes else b"")
                while block := body.read(1 << 20):
                    stream.write(block)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count


def _chunk(name: URIRef, graph: Graph, fmt: str, prefixes: set[str]) -> bytes:
    if fmt == "nquads":
        lines = serialise(graph, "nt").decode("utf-8").splitlines()
        return "".join(f"{line[:-1].rstrip()} <{name}> .\n" for line in lines).encode("utf-8")
    turtle = serialise(graph, "turtle").decode("utf-8")
    prefixes.update(_PREFIX_LINE.findall(turtle))
    body = _PREFIX_LINE.sub("", turtle).strip()
    return f"<{name}> {{\n{body}\n}}\n\n".encode()
