"""Saved queries' answers as plain Python values, for templates and spreadsheets."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pyoxigraph as ox

from ..queries import get_query, run
from ..store.targets import Rows, Target, rows_of

XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMBERS = {XSD + name for name in ("integer", "int", "long", "short", "nonNegativeInteger",
                                    "positiveInteger", "decimal", "double", "float")}

Value = str | int | float | bool | date | None


@dataclass(frozen=True)
class Table:
    """A query's answer: its variables and its rows of typed values (None if unbound)."""

    variables: list[str]
    rows: list[tuple[Value, ...]]

    def dicts(self) -> list[dict[str, Value]]:
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]


def typed(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> Value:
    """A term as the Python value a spreadsheet cell or a page shows: dates as dates,
    numbers as numbers, booleans as booleans, anything else (IRIs too) as text."""
    if term is None:
        return None
    if not isinstance(term, ox.Literal):
        return term.value
    kind, text = term.datatype.value, term.value
    try:
        if kind == XSD + "date":
            return date.fromisoformat(text[:10])
        if kind == XSD + "boolean":
            return text in {"true", "1"}
        if kind in _NUMBERS:
            number = Decimal(text)
            return int(number) if number == number.to_integral_value() and "." not in text \
                and "e" not in text.lower() else float(number)
    except ValueError:
        return text
    return text


def table_of(rows: Rows) -> Table:
    return Table(rows.variables, [tuple(typed(term) for term in row) for row in rows.rows])


def ask(target: Target, name: str, values: dict[str, str] | None = None) -> Table:
    """The saved query ``name``'s answer on ``target``."""
    return table_of(rows_of(run(get_query(name), target, values or {})))
