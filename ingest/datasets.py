"""Many graphs in one file, one named graph each (TriG or N-Quads), written as they
come so a corpus never has to sit in memory as one dataset."""

import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph, URIRef

from .graph import serialise, temporary_beside

DATASET_FORMATS = {".trig": "trig", ".nq": "nquads"}
_PREFIX = re.compile(r"^@prefix [^\n]*\n", re.M)


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
    prefixes.update(_PREFIX.findall(turtle))
    body = _PREFIX.sub("", turtle).strip()
    return f"<{name}> {{\n{body}\n}}\n\n".encode()
