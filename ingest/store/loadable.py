"""What ``load`` sends: (graph name, N-Triples) pairs in the data layout, from report
files (built as the store builds them, ``store.layout``) or from a store folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyoxigraph import Store

    from ..errors import InputError

class StoreFolderError(Exception):
    """A store folder that cannot be opened; the message names it."""


def graphs_from_sources(files: list[Path], jobs: int = 1,
                        on_refused: Callable[[InputError], None] = lambda error: None,
                        ) -> Iterator[tuple[str, bytes]]:
    """The graphs of the readable reports in the data layout (report graphs, then the
    shared graphs), built the way the store builds them."""
    from pyoxigraph import Store

    from .. import batch
    from .layout import fill, one_per_report

    outcome = batch.read_all(files, jobs, progress=False, on_refused=on_refused)
    reports, _ = one_per_report(outcome.reports)
    if not reports:
        return
    store = Store()
    fill(store, reports)
    yield from graphs_of(store)


def graphs_from_store(folder: Path) -> Iterator[tuple[str, bytes]]:
    """Every named graph of a pyoxigraph store folder, as N-Triples, in name order."""
    if not folder.is_dir():
        raise StoreFolderError(f"{folder}: no such folder")
    try:
        from pyoxigraph import Store

        store = Store.read_only(str(folder))
    except OSError as error:
        reason = " ".join(str(error).split())[:200]
        raise StoreFolderError(f"{folder}: cannot be opened as a store ({reason})") from None
    yield from graphs_of(store)


def graphs_of(store: Store) -> Iterator[tuple[str, bytes]]:
    """Every named graph of ``store``, as N-Triples, in name order; the integrity record
    stays behind (it tells what this store holds, not what a server holds)."""
    from pyoxigraph import RdfFormat

    from .names import INTEGRITY

    for name in sorted(store.named_graphs(), key=lambda node: node.value):
        if name.value == INTEGRITY:
            continue
        yield name.value, store.dump(format=RdfFormat.N_TRIPLES, from_graph=name) or b""
