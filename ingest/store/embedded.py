"""The embedded store: an on-disk SPARQL 1.1 database (pyoxigraph) holding the data
layout of ``names``, the default place reports go and questions are asked.

Where it lives: ``--store DIR``, else the environment variable ``OFSTED_KG_STORE``, else
the user's data folder (``platformdirs.user_data_dir("ofsted-kg")/store``, e.g.
``~/.local/share/ofsted-kg/store`` on Linux).
"""

import os
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from ..resources import data_files
from .integrity import Content, canonical, history_update, records, reports_digest, write_graph
from .names import AUTHORITIES, VOCABULARY

ENVIRONMENT = "OFSTED_KG_STORE"


class StoreError(Exception):
    """A store that cannot be opened; the message names it and says what to do."""


def store_location(option: Path | None = None) -> Path:
    """The store's folder: the option given, else ``$OFSTED_KG_STORE``, else the
    user's data folder."""
    if option is not None:
        return option
    if os.environ.get(ENVIRONMENT):
        return Path(os.environ[ENVIRONMENT])
    from platformdirs import user_data_dir

    return Path(user_data_dir("ofsted-kg")) / "store"


def open_store(path: Path, read_only: bool = False) -> ox.Store:
    """The store at ``path``; created when writing, required to exist when reading."""
    if read_only and not (path / "CURRENT").is_file():
        raise StoreError(f"{path}: no store here; 'ofsted-kg ingest REPORTS --store {path}' "
                         "creates one")
    if not read_only and path.is_dir() and not (path / "CURRENT").exists() and any(
            path.iterdir()):
        raise StoreError(f"{path}: not an ofsted-kg store (a folder of other files); give a "
                         "new or empty folder")
    try:
        if read_only:
            return ox.Store.read_only(str(path))
        path.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except RuntimeError as error:  # RocksDB: "Corruption: CURRENT file corrupted", ...
        reason = " ".join(str(error).split())[:200]
        raise StoreError(f"{path}: the store is damaged ({reason}): restore it from a "
                         "backup, or delete it and ingest the reports again") from None
    except OSError as error:
        reason = " ".join(str(error).split())[:200]
        hint = "; another process is writing to it, try again when it ends" if (
            "lock" in reason.lower()) else ""
        raise StoreError(f"{path}: the store cannot be opened ({reason}){hint}") from None


def vocabulary_quads() -> list[ox.Quad]:
    """Every ``ontology/*.ttl`` in the vocabulary graph."""
    graph = ox.NamedNode(VOCABULARY)
    quads: list[ox.Quad] = []
    for path in data_files("ontology", ".ttl"):
        quads += (ox.Quad(t.subject, t.predicate, t.object, graph)
                  for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    return quads


def write_vocabulary(store: ox.Store) -> None:
    """Make the vocabulary graph hold every ``ontology/*.ttl`` with its record, in one
    transaction (nothing is written when it already does): done before any report goes
    in, so a store that holds a report always has its vocabulary."""
    triples = ox.serialize([q.triple for q in vocabulary_quads()],
                           format=ox.RdfFormat.N_TRIPLES) or b""
    content = canonical(triples)
    if records(store).get(VOCABULARY) != (content.count, content.digest):
        write_graph(store, VOCABULARY, content)


def write_report(store: ox.Store, name: str, content: Content, authorities: bytes) -> None:
    """Replace the report graph ``name`` with ``content``, record what it holds and add
    its authorities' facts (N-Triples) to the shared graph, all in one transaction: after
    any interruption the report is the old or the new version, whole."""
    extra = f" GRAPH <{AUTHORITIES}> {{\n{authorities.decode('utf-8')} }}\n"
    write_graph(store, name, content, extra)


def add_reports(store: ox.Store, reports: Iterable[tuple[str, Content, bytes]]) -> int:
    """Put each (report IRI, its content, its authorities' facts) in its own graph, as
    ``write_report`` does, then bring the shared graphs up to date. Returns the number of
    report graphs written."""
    write_vocabulary(store)
    count = 0
    for name, content, authorities in reports:
        write_report(store, name, content, authorities)
        count += 1
    finish(store)
    return count


def finish(store: ox.Store) -> None:
    """After reports are added: the history recomputed and recorded with what it was
    computed from, and the follow-through recomputed (one transaction), and the store
    compacted.

    Compacting (RocksDB's full compaction, 0.6 s for the whole corpus) folds the files each
    ingest left into few: ``findings`` over the corpus then answers in 0.92 s, not 1.01 s."""
    from .followthrough import follow_through_quads, follow_through_update  # sklearn: on use
    from .history import history_quads

    store.update(history_update(history_quads(store), reports_digest(store)) + " ;\n"
                 + follow_through_update(follow_through_quads(store)))
    store.optimize()


def report_graph_names(store: ox.Store) -> list[str]:
    """The names of the graphs holding reports' facts (every graph but the shared ones), sorted."""
    from .names import is_shared

    names = (g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
    return sorted(n for n in names if not is_shared(n))
