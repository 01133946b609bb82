"""Stage 5: saved SPARQL questions, run on local graphs or on a SPARQL 1.1 endpoint.

Each ``queries/NAME.rq`` names itself by its file name and declares, in ``#+``
header lines, a summary and its parameters::

    #+ summary: Recommendations that no finding supports
    #+ param: authority literal optional - only this authority

A parameter's value becomes an RDF term, placed in a ``VALUES`` block at the top
of the query's WHERE clause: values are never pasted into the query text as
strings, so a quote in a value cannot change the query.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import ConjunctiveGraph, Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD

from .resources import data_files

_HEADER = re.compile(r"^#\+\s*(\w+)\s*:\s*(.*)$")
_PARAM = re.compile(r"^(\w+)\s+(literal|iri|integer|decimal|boolean|date)\s+(required|optional)"
                    r"(?:\s+-\s+(.*))?$")
_WHERE = re.compile(r"\bWHERE\s*\{", re.I)
_NAMED_GRAPHS = re.compile(r"\bGRAPH\s+[?$]", re.I)


class QueryError(Exception):
    """A saved query that cannot be found, read or given its parameters."""


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
            f"\n  VALUES ?{name} {{ {_term(known[name], value).n3()} }}"
            for name, value in sorted(values.items())
        )
        match = _WHERE.search(self.text)
        if match is None:
            raise QueryError(f"{self.name} has no WHERE clause to bind parameters in")
        return self.text[: match.end()] + block + self.text[match.end() :]


def _term(parameter: Parameter, value: str):
    try:
        if parameter.kind == "iri":
            if not re.match(r"^[a-z][a-z0-9+.-]*:[^\s<>\"{}|^`\\]*$", value, re.I):
                raise ValueError
            return URIRef(value)
        if parameter.kind == "integer":
            return Literal(int(value))
        if parameter.kind == "decimal":
            return Literal(Decimal(value))
        if parameter.kind == "boolean":
            if value.lower() not in {"true", "false"}:
                raise ValueError
            return Literal(value.lower() == "true")
        if parameter.kind == "date":
            return Literal(value, datatype=XSD.date)
        return Literal(value)
    except (ValueError, InvalidOperation):
        raise QueryError(
            f"--param {parameter.name}={value!r} is not a valid {parameter.kind}"
        ) from None


def load_query(path: Path) -> SavedQuery:
    text = path.read_text(encoding="utf-8")
    summary = ""
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
        else:
            raise QueryError(f"{path}: unknown header {key!r}")
    if not summary:
        raise QueryError(f"{path}: no '#+ summary:' line")
    return SavedQuery(path.stem, summary, tuple(parameters), text)


def saved_queries() -> dict[str, SavedQuery]:
    return {q.name: q for q in map(load_query, data_files("queries", ".rq"))}


def get_query(name: str) -> SavedQuery:
    queries = saved_queries()
    if name not in queries:
        raise QueryError(f"no saved query {name!r}; 'ofsted-kg queries' lists them")
    return queries[name]


def run_local(query: SavedQuery, graph: Graph, values: dict[str, str]):
    """Run on an rdflib graph; returns an rdflib query Result. A query that reads named
    graphs (``GRAPH ?g``) sees one merged graph as one named graph, without a copy."""
    if _NAMED_GRAPHS.search(query.text) and not isinstance(graph, ConjunctiveGraph):
        graph = Dataset(store=graph.store)
    return graph.query(query.bind(values))


def run_remote(query: SavedQuery, endpoint: str, values: dict[str, str]):
    """Run on a SPARQL 1.1 endpoint; returns an rdflib query Result."""
    import io

    from rdflib.query import Result
    from SPARQLWrapper import JSON, POST, SPARQLWrapper

    client = SPARQLWrapper(endpoint)
    client.setMethod(POST)
    client.setReturnFormat(JSON)
    client.setQuery(query.bind(values))
    body = client.query().response.read()
    return Result.parse(io.BytesIO(body), format="json")


def render(result, fmt: str) -> str:
    """W3C SPARQL 1.1 results as JSON or CSV, or a plain table for people."""
    if fmt in {"json", "csv"}:
        return result.serialize(format=fmt).decode("utf-8")
    names = [str(v) for v in result.vars]
    rows = [["" if row[i] is None else str(row[i]) for i in range(len(names))] for row in result]
    widths = [min(60, max([len(n)] + [len(r[i]) for r in rows])) for i, n in enumerate(names)]

    def line(cells):
        return "  ".join(_clip(c, w).ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    out = [line(names), line(["-" * w for w in widths]), *(line(r) for r in rows)]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"
