"""Validation problems in people's words: each under its report (the authority, the
inspection's last day on site, the report file), naming the part of the report (finding
12, recommendation 3) and its page where the graph knows it, with the rule's message;
wrapped to fit ``WIDTH`` columns. ``validate -f json`` keeps the machine form.
"""

import re
import textwrap
from dataclasses import dataclass

import pyoxigraph as ox

from .names import ID
from .targets import rows_of

WIDTH = 100

_CONTEXT = """
PREFIX okg: <https://w3id.org/ofsted-kg/def#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?authority ?end ?file WHERE {
  GRAPH <%s> { ?report a okg:Report ; prov:wasGeneratedBy ?inspection .
    ?inspection okg:endDate ?end ; okg:authority ?node .
    OPTIONAL { ?report prov:wasDerivedFrom ?source . ?source dcterms:identifier ?file } }
  OPTIONAL { GRAPH ?authorities { ?node rdfs:label ?authority } }
} LIMIT 1
"""

_PAGE = """
PREFIX okg: <https://w3id.org/ofsted-kg/def#>
SELECT ?page WHERE { GRAPH <%s> { <%s> okg:page ?page } } LIMIT 1
"""


@dataclass(frozen=True)
class Heading:
    authority: str
    end: str
    file: str

    def text(self) -> str:
        parts = [self.authority or "(no authority)",
                 f"inspection ended {self.end}" if self.end else "",
                 f"report file {self.file}" if self.file else ""]
        return ", ".join(filter(None, parts))


def heading(store: ox.Store, graph: str | None) -> Heading:
    """The authority, inspection's last day and report file of a report graph."""
    if graph is None:
        return Heading("The data", "", "")
    rows = rows_of(store.query(_CONTEXT % graph)).rows  # type: ignore[arg-type]
    if not rows:
        return Heading(graph, "", "")
    return Heading(*("" if term is None else term.value for term in rows[0]))


def part(iri: str) -> str:
    """The part of a report an IRI names, in words: ``.../finding/lscb-12`` is "LSCB
    finding 12", an inspection "the inspection", an authority "the authority"."""
    iri = iri.strip("<>")
    if iri.startswith(ID + "authority/"):
        return "the authority"
    if iri.startswith(ID + "report/"):
        return "the report"
    tail = re.sub(r"^inspection/[^/]+/[^/]+/?", "", iri[len(ID):]) if iri.startswith(ID) else iri
    if not tail:
        return "the inspection"
    words = tail.split("/")
    if len(words) >= 2 and words[0] in {"finding", "recommendation", "evidence", "judgement"}:
        body, _, number = words[1].rpartition("-")
        named = f"{body.upper()} {words[0]}" if body in {"lscb"} else words[0]
        if not body or body == "lscb":
            return " ".join([named, number, *words[2:]])
    return " ".join(words).replace("-", " ")


def lines(store: ox.Store, outcome) -> list[str]:
    """The outcome (``checks.StoreOutcome``) for people: a summary, then each report's
    problems under its heading, reports in order of authority and date."""
    groups = [(heading(store, graph), graph, problems) for graph, problems in outcome.by_graph]
    groups.sort(key=lambda g: (g[0].authority.lower(), g[0].end))
    out = [_summary(outcome, len(groups))]
    for head, graph, problems in groups:
        out += ["", *textwrap.wrap(head.text(), WIDTH, subsequent_indent="  ")]
        for problem in problems:
            out += _problem(store, graph, problem)
    return out


def _problem(store: ox.Store, graph: str | None, problem) -> list[str]:
    where = part(problem.focus) if problem.focus != "(the graph)" else "the graph"
    page = _page(store, graph, problem.focus)
    place = f"{where}, page {page}" if page else where
    text = f"{problem.severity}: {place}: {problem.message}"
    value = re.sub(r'^"(.*)"(\^\^\S+|@\S+)?$', r"\1", problem.value or "", flags=re.S)
    if value and value not in problem.message:
        text += f" (value {value})"
    return textwrap.wrap(text, WIDTH, initial_indent="  ", subsequent_indent="      ")


def _page(store: ox.Store, graph: str | None, focus: str) -> str:
    iri = focus.strip("<>")
    if graph is None or not iri.startswith("http"):
        return ""
    rows = rows_of(store.query(_PAGE % (graph, iri))).rows  # type: ignore[arg-type]
    return rows[0][0].value if rows and rows[0][0] is not None else ""


def _summary(outcome, reports: int) -> str:
    counts: dict[str, int] = {}
    for problem in outcome.problems:
        counts[problem.severity] = counts.get(problem.severity, 0) + 1
    tally = ", ".join(f"{n} {s.lower()}{'s' if n != 1 else ''}" for s, n in counts.items())
    head = "Conforms" if outcome.conforms else "Does not conform"
    checked = f"{outcome.graphs} report{'s' if outcome.graphs != 1 else ''} checked"
    if not tally:
        return f"{head}: {checked}, no problems"
    return f"{head}: {checked}; {tally}, in {reports} of them"
