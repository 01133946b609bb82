"""Loading RDF files into one graph for validation and queries."""

from pathlib import Path

from rdflib import Dataset, Graph

from .namespaces import bind_prefixes

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
