"""Stage 5: saved SPARQL questions, run on local graphs or on a SPARQL 1.1 endpoint.

Each ``queries/NAME.rq`` names itself by its file name and declares, in ``#+``
header lines, a summary and its parameters::

    #+ summary: Recommendations that no finding supports
    #+ param: authority literal optional - only this authority

A parameter's value becomes an RDF term, placed in a ``VALUES`` block at the top of
every WHERE clause (the query's and each subquery's, so that a subquery computes only what
is asked for; a parameter's variable means the same thing throughout a saved query):
values are never pasted into the query text as strings, so a quote in a value cannot
change the query.

The parameter named ``authority`` (kind ``iri``) is resolved once, before the query runs,
from whatever the user gives (a name as the reference table or a report prints it, in any
case; an Ofsted URN, DfE LA code or ONS code; or the authority's IRI) to the authority's
node, and binds ``?authorityNode``: queries join on that variable instead of each carrying
a filter of their own.
"""

import io
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph as ox

from .errors import QueryError
from .resources import data_files
from .shape import Shape, ShapeError, parse_shape
from .store.targets import Target, TargetError, rows_of

_XSD = "http://www.w3.org/2001/XMLSchema#"
_HEADER = re.compile(r"^#\+\s*(\w+)\s*:\s*(.*)$")
_PARAM = re.compile(r"^(\w+)\s+(literal|iri|integer|decimal|boolean|date)\s+(required|optional)"
                    r"(?:\s+-\s+(.*))?$")
_WHERE = re.compile(r"\bWHERE\s*\{", re.I)


@dataclass(frozen=True)
class Parameter:
    name: str
    kind: str
    required: bool
    description: str


@dataclass(frozen=True)
class SavedQuery:
    name: str
    summary: str
    parameters: tuple[Parameter, ...]
    text: str
    shape: Shape | None = None

    def bind(self, values: dict[str, str]) -> str:
        """The query text with ``values`` bound as RDF terms."""
        known = {p.name: p for p in self.parameters}
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise QueryError(f"{self.name} has no parameter {', '.join(unknown)}; "
                             f"it takes: {', '.join(known) or 'none'}")
        missing = [p.name for p in self.parameters if p.required and p.name not in values]
        if missing:
            raise QueryError(f"{self.name} needs --param {missing[0]}=VALUE")
        block = "".join(
            f"\n  VALUES ?{_variable(name)} {{ {_term(known[name], value)} }}"
            for name, value in sorted(values.items())
        )
        if _WHERE.search(self.text) is None:
            raise QueryError(f"{self.name} has no WHERE clause to bind parameters in")
        return _WHERE.sub(lambda match: match.group(0) + block, self.text)


AUTHORITY = "authority"
ID_PLACEHOLDER = "https://w3id.org/ofsted-kg/id/authority/placeholder"


def _variable(parameter: str) -> str:
    """The variable a parameter binds: the authority parameter binds the authority's node."""
    return "authorityNode" if parameter == AUTHORITY else parameter


def _term(parameter: Parameter, value: str) -> ox.NamedNode | ox.Literal:
    try:
        if parameter.kind == "iri":
            if not re.match(r"^[a-z][a-z0-9+.-]*:[^\s<>\"{}|^`\\]*$", value, re.I):
                raise ValueError
            return ox.NamedNode(value)
        if parameter.kind == "integer":
            return ox.Literal(str(int(value)), datatype=ox.NamedNode(_XSD + "integer"))
        if parameter.kind == "decimal":
            return ox.Literal(str(Decimal(value)), datatype=ox.NamedNode(_XSD + "decimal"))
        if parameter.kind == "boolean":
            if value.lower() not in {"true", "false"}:
                raise ValueError
            return ox.Literal(value.lower(), datatype=ox.NamedNode(_XSD + "boolean"))
        if parameter.kind == "date":
            return ox.Literal(date.fromisoformat(value).isoformat(),
                              datatype=ox.NamedNode(_XSD + "date"))
        return ox.Literal(value)
    except (ValueError, InvalidOperation):
        raise QueryError(
            f"--param {parameter.name}={value!r} is not a valid {parameter.kind}"
            f"{_FORMS.get(parameter.kind, '')}"
        ) from None


_FORMS = {"date": " (YYYY-MM-DD, such as 2018-05-31)", "boolean": " (true or false)",
          "integer": " (a whole number)", "decimal": " (a number, such as 0.25)"}


def load_query(path: Path) -> SavedQuery:
    text = path.read_text(encoding="utf-8")
    summary = ""
    shape = None
    parameters = []
    for line in text.splitlines():
        header = _HEADER.match(line)
        if not header:
            continue
        key, value = header[1], header[2].strip()
        if key == "summary":
            summary = value
        elif key == "param":
            declared = _PARAM.match(value)
            if not declared:
                raise QueryError(f"{path}: cannot read the parameter line {value!r}")
            name, kind, need, description = declared.groups()
            parameters.append(Parameter(name, kind, need == "required", description or ""))
        elif key == "table":
            try:
                shape = parse_shape(value)
            except ShapeError as error:
                raise QueryError(f"{path}: its '#+ table:' line: {error}") from None
        else:
            raise QueryError(f"{path}: unknown header {key!r}")
    if not summary:
        raise QueryError(f"{path}: no '#+ summary:' line")
    return SavedQuery(path.stem, summary, tuple(parameters), text, shape)


def saved_queries() -> dict[str, SavedQuery]:
    return {q.name: q for q in map(load_query, data_files("queries", ".rq"))}


def get_query(name: str) -> SavedQuery:
    queries = saved_queries()
    if name not in queries:
        import difflib

        near = difflib.get_close_matches(name, list(queries), n=3, cutoff=0.6)
        hint = f"did you mean {_either(near)}? " if near else ""
        raise QueryError(f"no saved query {name!r}; {hint}'ofsted-kg queries' lists them")
    return queries[name]


def _either(choices: list[str]) -> str:
    return " or ".join(filter(None, [", ".join(choices[:-1]), choices[-1]]))


def run(query: SavedQuery, target: Target, values: dict[str, str],
        limit: int | None = None) -> ox.QuerySolutions:
    """Run ``query`` on ``target`` with ``values`` bound, at most ``limit`` rows; the
    authority parameter is first resolved to the authority's node in the target's data."""
    values = dict(values)
    declared = {p.name for p in query.parameters}
    # names and forms checked before the data is asked (the authority is resolved below)
    query.bind({**values, AUTHORITY: ID_PLACEHOLDER} if AUTHORITY in values else values)
    from .store.values import check_inspection, check_values

    if AUTHORITY in values and AUTHORITY in declared:
        from .store.authority import resolve_authority

        given = values[AUTHORITY]
        values[AUTHORITY] = resolve_authority(target, given)
        if "inspection" in values and "inspection" in declared:
            check_inspection(target, values[AUTHORITY], given, values["inspection"])
    check_values(target, values, declared)
    text = query.bind(values)
    if limit is not None:
        text = f"{text.rstrip()}\nLIMIT {int(limit)}\n"
    try:
        return target.answer(text)
    except TargetError as error:
        raise QueryError(str(error)) from None


_RESULTS = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV}


def render(solutions: ox.QuerySolutions, fmt: str, wide: bool = False,
           shape: Shape | None = None, columns: list[str] | None = None,
           limit: int | None = None) -> bytes:
    """The W3C SPARQL 1.1 Query Results JSON or CSV format (CSV lines end in CRLF), or
    tables for people, shaped as the query declares (``shape.py``, ``table.py``).
    Spreadsheets are published after queries: ``publish.xlsx.solutions_xlsx``."""
    if fmt in _RESULTS:
        out = io.BytesIO()
        solutions.serialize(out, format=_RESULTS[fmt])
        if fmt == "json":
            out.write(b"\n")  # a terminal's prompt then starts on a line of its own
        return out.getvalue()
    from .shape import shaped
    from .table import tables

    result = rows_of(solutions)
    if columns:
        unknown = [c for c in columns if c not in result.variables and c not in _pivot_names(shape)]
        if unknown:
            raise QueryError(f"--columns: no column {', '.join(unknown)}; "
                             f"the answer has {', '.join(result.variables)}")
    shown = shaped(result.variables, result.rows, shape, columns, wide)
    return tables([(t.title, t.names, t.rows, t.note) for t in shown], wide, limit).encode("utf-8")


def _pivot_names(shape: Shape | None) -> list[str]:
    return [] if shape is None or shape.columns is None else [shape.columns]
