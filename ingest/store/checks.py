"""Validation of a store: each report's graph, with the shared graphs, against the shapes.

A report graph is checked with the authorities graph beside it (its inspection's
authority is described there) and the vocabulary (which ``ingest.validate`` joins
itself); no report's facts can make another report's graph conform.
"""

from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from .embedded import report_graph_names
from .integrity import graph_problem, records, store_problems
from .names import AUTHORITIES, INTEGRITY, REPORTS


@dataclass(frozen=True)
class StoreOutcome:
    conforms: bool
    problems: tuple  # ingest.validate.Problem, for every graph
    report: Any  # rdflib Graph: every graph's SHACL validation report
    graphs: int
    # each report graph's name with the problems first found in it, in the order of names
    by_graph: tuple[tuple[str | None, tuple], ...] = ()


def _ntriples(store: ox.Store, name: str | None) -> bytes:
    if name is None or not store.contains_named_graph(ox.NamedNode(name)):
        return b""
    return store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(name)) or b""


_LINKS_TO_AUTHORITIES = """
PREFIX okg: <https://w3id.org/ofsted-kg/def#>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT DISTINCT ?node WHERE {
  GRAPH ?graph { ?subject okg:authority|org:originalOrganization|org:resultingOrganization ?node }
}"""


def _authorities_of(store: ox.Store, name: str | None) -> bytes:
    """The shared authorities graph's facts about the authorities graph ``name`` names
    (and their regions), as N-Triples: each report is checked with its own authorities,
    not with every authority the store knows."""
    if name is None:
        return b""
    shared = ox.NamedNode(AUTHORITIES)
    query = _LINKS_TO_AUTHORITIES.replace("GRAPH ?graph", f"GRAPH <{name}>")
    solutions = store.query(query)
    assert isinstance(solutions, ox.QuerySolutions)
    nodes = [row["node"] for row in solutions]
    triples = [q.triple for node in nodes
               for q in store.quads_for_pattern(node, None, None, shared)]
    regions = {t.object for t in triples if isinstance(t.object, ox.NamedNode)
               and t.predicate.value.endswith("#region")}
    triples += [q.triple for node in regions
                for q in store.quads_for_pattern(node, None, None, shared)]
    return ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.N_TRIPLES) or b""


def _check(data: tuple[bytes, bytes, bool]) -> tuple[bool, list, bytes]:
    """In a worker: one report graph (N-Triples) with the authorities graph beside it ->
    conforms, problems, and the SHACL report as N-Triples if it is wanted."""
    from ..validate import validate
    from .convert import rdflib_triples

    report, authorities, keep_report = data
    outcome = validate(rdflib_triples(report) | rdflib_triples(authorities))
    shacl = outcome.report.serialize(format="nt", encoding="utf-8") if keep_report else b""
    return outcome.conforms, list(outcome.problems), shacl


def _problem(line: str):
    from ..validate import Problem

    return Problem("Violation", line.partition(": ")[0], None, line.partition(": ")[2], None)


def validate_store(store: ox.Store, jobs: int = 1, shacl_report: bool = False,
                   records_required: bool = True,
                   progress: bool | None = False) -> StoreOutcome:
    """Validate every report graph of ``store`` with the shared graphs, ``jobs`` at a time
    in worker processes, with a progress bar if ``progress`` (None: on a terminal); the
    SHACL validation report is gathered only if asked for. The store is first compared
    with its integrity records (``store.integrity``): a graph cut short, lost or changed,
    or a history out of date, is a violation. Files with no integrity graph
    (``records_required`` false) are not."""
    from rdflib import Graph

    from ..batch import in_workers
    from ..batch import progress as bar
    from ..rdf.namespaces import bind_prefixes
    from ..validate import warm_up

    names: list[str | None] = list(report_graph_names(store))
    jobs = min(jobs, max(len(names), 1))
    if jobs > 1:
        warm_up()  # before the workers start: each is forked with it done
    # Nothing to check is no inspection found, never "conforms". Each graph is read from
    # the store as the workers need it, while they check the ones before.
    check = records_required or store.contains_named_graph(ox.NamedNode(INTEGRITY))
    integrity = store_problems(store) if check else []
    expected = records(store)

    def dumped(name: str | None) -> bytes:
        """The graph, checked against its record as it is read (read once, for both)."""
        data = _ntriples(store, name)
        if check and name is not None:
            integrity.append(graph_problem(name, data, expected.get(name)) or "")
        return data

    work = ((dumped(name), _authorities_of(store, name), shacl_report)
            for name in names or [None])
    # each problem -> the first graph it was found in (None: the store as a whole)
    problems: dict = {}
    conforms = True
    report = bind_prefixes(Graph())
    checked = bar(in_workers(_check, work, jobs), len(names), progress, "report")
    for name, (ok, found, shacl) in zip(names or [None], checked, strict=True):
        conforms = conforms and ok
        for problem in found:
            problems.setdefault(problem, name)
        if shacl:
            report.parse(data=shacl.decode("utf-8"), format="nt")
    found = [_problem(line) for line in integrity if line]
    problems = {**{p: p.focus if p.focus.startswith(REPORTS) else None for p in found},
                **problems}
    conforms = conforms and not found
    # a shared graph's problem (an authority not in the reference table) shows once, not
    # once for every report graph it was checked beside
    by_graph = {name: tuple(p for p, first in problems.items() if first == name)
                for name in dict.fromkeys(problems.values())}
    return StoreOutcome(conforms, tuple(problems), report, len(names), tuple(by_graph.items()))
