"""A small Python API for notebooks and scripts: the command line's work, as functions.

    from ingest.api import open_store

    kg = open_store()                         # the default store (as `ofsted-kg` uses)
    kg.queries()                              # the saved questions: name -> summary
    rows = kg.ask("latest-grades", authority="Wandsworth")   # a list of dicts
    frame = kg.frame("grade-changes")         # a pandas DataFrame (if pandas is installed)

    kg = open_store("out/store", writable=True)
    kg.ingest("reports/")                     # PDFs or folders, as `ofsted-kg ingest`
    kg.validate().conforms                    # as `ofsted-kg validate`

Values come back as Python values: IRIs and text as ``str``, integers as ``int``,
decimals as ``float``, booleans as ``bool``, dates as ``datetime.date``; an unbound
variable as ``None``. Parameters are checked as on the command line: a wrong value raises
``QueryError`` naming the nearest valid ones.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from .queries import QueryError, get_query, run, saved_queries
from .store.targets import Rows, StoreTarget, rows_of

if TYPE_CHECKING:
    from .batch import Outcome
    from .store.checks import StoreOutcome

__all__ = ["KnowledgeGraph", "QueryError", "open_store"]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_CONVERT: dict[str, Any] = {
    "integer": int, "int": int, "long": int, "nonNegativeInteger": int,
    "decimal": float, "double": float, "float": float,
    "boolean": lambda text: text == "true",
    "date": date.fromisoformat,
}


def value(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> Any:
    """A query answer's term as a Python value."""
    if term is None:
        return None
    if isinstance(term, ox.Literal) and term.datatype.value.startswith(_XSD):
        convert = _CONVERT.get(term.datatype.value[len(_XSD):])
        if convert is not None:
            try:
                return convert(term.value)
            except ValueError:
                return term.value  # an ill-formed value stays as printed
    return term.value


class KnowledgeGraph:
    """An embedded store, opened to ask (and, if ``writable``, to ingest into)."""

    def __init__(self, store: ox.Store, location: Path, writable: bool) -> None:
        self.store = store
        self.location = location
        self.writable = writable

    def queries(self) -> dict[str, str]:
        """The saved questions: each name with its summary."""
        return {name: query.summary for name, query in saved_queries().items()}

    def ask(self, name: str, **params: object) -> list[dict[str, Any]]:
        """The saved query ``name``'s answer with ``params`` bound (``authority="Leeds"``,
        ``measure="children-looked-after"``): one dict per row, every variable a key."""
        rows = self._rows(name, params)
        return [dict(zip(rows.variables, map(value, row), strict=True)) for row in rows.rows]

    def _rows(self, name: str, params: dict[str, object]) -> Rows:
        solutions = run(get_query(name), StoreTarget(self.store),
                        {key: str(given) for key, given in params.items()})
        return rows_of(solutions)

    def frame(self, name: str, **params: object):
        """The answer as a pandas DataFrame, its columns the query's variables. Needs
        pandas (``pip install pandas``), which ofsted-kg does not depend on."""
        try:
            import pandas
        except ImportError:
            raise ImportError("KnowledgeGraph.frame needs pandas: pip install pandas") from None
        rows = self._rows(name, params)
        return pandas.DataFrame([[value(term) for term in row] for row in rows.rows],
                                columns=rows.variables)

    def ingest(self, *sources: str | Path, jobs: int = 1) -> Outcome:
        """Read report files or folders into the store, as ``ofsted-kg ingest`` does;
        the outcome counts what was ingested, skipped and refused (``outcome.refused``
        holds each refusal, with its reason)."""
        from . import batch
        from .store.layout import prepare, stream_into

        if not self.writable:
            raise PermissionError(f"{self.location}: opened to read; open_store(..., "
                                  "writable=True) to ingest")
        files = batch.report_files([Path(s) for s in sources])
        outcome = batch.Outcome()
        prepared = batch.read_each(files, outcome, prepare, jobs, False)

        def aside(message: str) -> None:
            outcome.set_aside += 1

        if stream_into(self.store, prepared, outcome.count, aside):
            self.store.flush()
        return outcome

    def validate(self, jobs: int = 1) -> StoreOutcome:
        """Check every report graph against the shapes, as ``ofsted-kg validate`` does:
        ``.conforms``, and ``.problems`` (severity, focus, path, message)."""
        from .store.checks import validate_store

        return validate_store(self.store, jobs)


def open_store(location: str | Path | None = None, writable: bool = False) -> KnowledgeGraph:
    """The embedded store at ``location`` (else ``$OFSTED_KG_STORE``, else the user's data
    folder, as the command line finds it), read-only unless ``writable``."""
    from .store.embedded import open_store as open_embedded
    from .store.embedded import store_location

    path = store_location(Path(location) if location is not None else None)
    return KnowledgeGraph(open_embedded(path, read_only=not writable), path, writable)

