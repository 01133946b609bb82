"""What a saved question's answer looks like as a table for a person.

Tools get the answer as the query gives it (long format, every column, ``-f csv`` or
``-f json``); a person at a terminal gets it shaped: machine columns (IRIs) left out
unless asked for, headers in words, and where a query declares it, one row per thing
with a column per value (a pivot). A query declares its shape in one header line::

    #+ table: rows=authorityName,inspectionEnd columns=serviceAreaLabel \
              values=gradeLabel split=framework      (on one line)

- ``rows``: the columns that make one table row (a pivot's key);
- ``columns``: the column whose values become column headers, ``values`` the column
  whose values fill them (or several, ``values=gradeLabel,outcomeLabel``: the first one
  bound fills the cell, and a row with no header value gets that column's name: an area
  SEND inspection's outcome, in a table of its own, never among the grades);
- ``split``: a column whose each value gets a table of its own (titled with it), so that
  each table has only the columns that value has (a framework's service areas).

A query without the line is shown as it is, less its machine columns.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pyoxigraph import NamedNode

_KEYS = {"rows", "columns", "values", "split", "show"}


class ShapeError(ValueError):
    """A ``#+ table:`` line that cannot be read."""


@dataclass(frozen=True)
class Shape:
    rows: tuple[str, ...] = ()
    columns: str | None = None
    values: str | None = None
    split: str | None = None
    show: tuple[str, ...] = ()

    @property
    def pivot(self) -> bool:
        return self.columns is not None

    @property
    def value_names(self) -> tuple[str, ...]:
        return tuple((self.values or "").split(","))

    def describe(self) -> str:
        """The shape in words, for ``ofsted-kg queries``."""
        if not self.pivot:
            return f"table: {', '.join(map(header, self.show))} (--wide: every column)"
        split = f", a table per {header(self.split)}" if self.split else ""
        return (f"table: a row per {', '.join(header(r) for r in self.rows)}, a column per "
                f"{header(self.columns or '')}{split}; csv and json: a row per "
                f"{header(self.columns or '')}")


def parse_shape(text: str) -> Shape:
    """A ``#+ table:`` line's value as a Shape."""
    fields: dict[str, str] = {}
    for item in text.split():
        key, sep, value = item.partition("=")
        if not sep or key not in _KEYS or not value:
            raise ShapeError(f"cannot read {item!r} (expected {', '.join(sorted(_KEYS))}=...)")
        fields[key] = value
    pivot = {"rows", "columns", "values"}
    if "show" in fields and not set(fields) & (pivot | {"split"}):
        return Shape(show=tuple(fields["show"].split(",")))
    missing = pivot - set(fields)
    if missing or "show" in fields:
        raise ShapeError("needs rows=, columns= and values= (a pivot), or show= alone")
    return Shape(tuple(fields["rows"].split(",")), fields["columns"], fields["values"],
                 fields.get("split"))


def header(variable: str) -> str:
    """A variable's name in words: ``serviceAreaLabel`` -> ``service area``."""
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", variable).lower().split()
    if len(words) > 1 and words[-1] in {"label", "name"}:
        words = words[:-1]
    return " ".join(words)


# Short headers for the service areas a pivot puts in its column headers (the labels of
# ontology/frameworks.ttl, as long as a report's table prints them); any other label is
# shown whole, wrapped within its column.
SHORT = {
    "Overall effectiveness": "Overall",
    "Children who need help and protection": "Help and protection",
    "The experiences and progress of children who need help and protection":
        "Help and protection",
    "Children looked after and achieving permanence": "Looked after",
    "Adoption performance": "Adoption",
    "Experiences and progress of care leavers": "Care leavers",
    "The experiences and progress of care leavers": "Care leavers",
    "Leadership, management and governance": "Leadership",
    "The effectiveness of the Local Safeguarding Children Board": "LSCB",
    "Effectiveness of the Local Safeguarding Children Board": "LSCB",
    "The experiences and progress of children in care and care leavers":
        "Children in care and care leavers",
    "The experiences and progress of children in care": "Children in care",
    "The impact of leaders on social work practice with children and families": "Leaders",
    "Review of the effectiveness of the Local Safeguarding Children Board": "LSCB",
}

# Values a pivot shows in short, to fit a column per judgement, with the note that says so.
SHORT_VALUES = {"Requires improvement to be good": "RI"}
NOTES = {"RI": "RI: requires improvement to be good"}


@dataclass
class Table:
    title: str | None
    names: list[str]
    rows: list[list[object]]
    note: str | None = None


def machine(rows: Sequence[Sequence[object]], count: int) -> list[bool]:
    """Which of ``count`` columns hold IRIs (in any row): for tools, not people."""
    return [any(isinstance(row[i], NamedNode) for row in rows) for i in range(count)]


def shaped(names: Sequence[str], rows: Sequence[Sequence[object]], shape: Shape | None,
           keep: Sequence[str] | None = None, wide: bool = False) -> list[Table]:
    """The tables a person sees: pivoted where ``shape`` says, machine columns left out
    (unless ``wide``), only the ``keep`` columns if given (a pivot's headers count as its
    ``columns`` variable), long labels in short."""
    if shape is not None and shape.pivot and all(
            n in names for n in (*shape.rows, shape.columns, *shape.value_names)):
        tables = _pivot(list(names), rows, shape)
    else:
        tables = [Table(None, list(names), [[_short(c) for c in r] for r in rows])]
        tables[0].note = _note(tables[0].rows)
    return [_chosen(t, keep, wide, shape) for t in tables]


def _chosen(table: Table, keep: Sequence[str] | None, wide: bool, shape: Shape | None) -> Table:
    pivoted = set(table.names) - set(_all_variables(shape)) if shape and shape.pivot else set()
    if keep:
        wanted = [i for i, n in enumerate(table.names)
                  if n in keep or (n in pivoted and shape is not None and shape.columns in keep)]
    elif wide:
        wanted = list(range(len(table.names)))
    elif shape is not None and shape.show:
        wanted = [i for i, n in enumerate(table.names) if n in shape.show]
    else:  # machine columns, and columns with nothing to show in any row, left out
        iri = machine(table.rows, len(table.names))
        wanted = [i for i, flag in enumerate(iri)
                  if not flag and any(_text(row[i]) for row in table.rows)]
    names = [n if n in pivoted else header(n) for n in (table.names[i] for i in wanted)]
    return Table(table.title, names, [[row[i] for i in wanted] for row in table.rows],
                 table.note)


def _all_variables(shape: Shape | None) -> list[str]:
    if shape is None:
        return []
    return [*shape.rows, *shape.value_names,
            *(v for v in (shape.columns, shape.split) if v)]


def _text(term: object) -> str:
    return "" if term is None else str(getattr(term, "value", term))


def _pivot(names: list[str], rows: Sequence[Sequence[object]], shape: Shape) -> list[Table]:
    assert shape.columns is not None and shape.values is not None
    at = {n: i for i, n in enumerate(names)}
    groups: dict[str, list[Sequence[object]]] = {}
    for row in rows:
        split = _text(row[at[shape.split]]) if shape.split and shape.split in at else ""
        groups.setdefault(split, []).append(row)
    return [_pivot_one(title or None, at, members, shape) for title, members in groups.items()]


def _pivot_one(title: str | None, at: dict[str, int], rows: Sequence[Sequence[object]],
               shape: Shape) -> Table:
    assert shape.columns is not None and shape.values is not None
    place: dict[str, int] = {}  # a header's earliest place within a row's group
    keyed: dict[tuple[str, ...], list[object]] = {}
    cells: dict[tuple[str, ...], dict[str, object]] = {}
    for row in rows:
        key = tuple(_text(row[at[n]]) for n in shape.rows)
        keyed.setdefault(key, [row[at[n]] for n in shape.rows])
        name, value = next(((n, row[at[n]]) for n in shape.value_names
                             if row[at[n]] is not None), (shape.value_names[0], None))
        column = _text(row[at[shape.columns]]) or header(name)
        group = cells.setdefault(key, {})
        place[column] = min(place.get(column, len(group)), len(group))
        group[column] = value
    # in the query's order of columns (its ORDER BY), as far as the rows show it
    order = sorted(place, key=lambda h: place[h])
    shown = [SHORT.get(h, h) for h in order]
    table_rows = [[_short(c) for c in keyed[key]] + [_short(cells[key].get(h)) for h in order]
                  for key in keyed]
    return Table(title, [*shape.rows, *shown], table_rows, _note(table_rows))


def _short(term: object) -> object:
    """A long label or grade in short, for a column of the table (never for tools)."""
    if term is None or isinstance(term, NamedNode):
        return term
    text = _text(term)
    return SHORT_VALUES.get(text) or SHORT.get(text) or term


def _note(rows: Sequence[Sequence[object]]) -> str | None:
    used = {cell for row in rows for cell in row if isinstance(cell, str)}
    return "; ".join(NOTES[v] for v in sorted(used & set(NOTES))) or None
