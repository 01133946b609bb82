"""A store's whole dataset as TriG or N-Quads, byte for byte the same for the same
contents: quads sorted by graph, subject, predicate and object."""

from pathlib import Path

import pyoxigraph as ox

DATASET_SUFFIXES = {".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS}


def _key(quad: ox.Quad) -> tuple[str, str, str, str]:
    return str(quad.graph_name), str(quad.subject), str(quad.predicate), str(quad.object)


def dataset_bytes(store: ox.Store, fmt: ox.RdfFormat) -> bytes:
    """Every quad of ``store`` in ``fmt`` (TriG with the project's prefixes, or N-Quads)."""
    from ..rdf.namespaces import PREFIXES

    quads = sorted((q for q in store if not isinstance(q.graph_name, ox.DefaultGraph)),
                   key=_key)
    prefixes = {name: str(namespace) for name, namespace in sorted(PREFIXES.items())}
    if fmt == ox.RdfFormat.N_QUADS:
        data = ox.serialize(quads, format=fmt)
    else:
        data = ox.serialize(quads, format=fmt, prefixes=prefixes)
    return data or b""  # bytes whenever no output file is given


def export(store: ox.Store, path: Path) -> int:
    """Write ``store`` to ``path`` (``.trig`` or ``.nq``), replacing it in one step;
    returns the number of quads."""
    from ..rdf.files import write_atomically

    data = dataset_bytes(store, DATASET_SUFFIXES[path.suffix.lower()])
    write_atomically(path, data)
    return len(store)
