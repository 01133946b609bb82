"""RDF files: their formats, and writing a graph to one, always replacing the file in one
step. Reading files is ``store.targets`` (into a store); datasets are ``store.export``."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # rdflib is imported where graphs are read or written, not on import:
    from rdflib import Graph  # the query path (pyoxigraph) never needs it

FORMATS = {"turtle": "turtle", "ttl": "turtle", "nt": "nt", "ntriples": "nt", "json-ld": "json-ld"}


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

