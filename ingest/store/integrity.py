"""What each graph of a store should hold, kept in the store, and the check against it.

Every report graph is written in one transaction together with its record in the
integrity graph (``id/graph/integrity``): ``<report graph> okg:tripleCount N ;
okg:contentDigest "sha256"``, the digest of its sorted N-Triples lines as the store
gives them back. The vocabulary graph gets the same record. The history graph records
the digest of every report record it was computed from (``okg:reportsDigest``), so a
history left behind by an interrupted run is seen as out of date. Writing a report graph
whose content differs from its record (or that has none) also removes that digest, in the
same transaction, and the history record says so (``okg:reportsDigestClearedOnChange
true``): in such a store the check before a query (``usable_problem``) only asks whether
the digest is there, which costs the same however many reports the store holds; a report
written again unchanged keeps it (an interrupted re-ingest of the same reports leaves a
usable store). ``problems`` (``validate --store``) always recomputes it: it alone sees a
history left stale by an older ofsted-kg writing reports into a store that has the
statement (older versions do not remove the digest).

``problems(store)`` compares the store with its records: a graph cut short, lost, added
by hand or changed, and a history out of date, each one line naming the graph and what
to do. A store with report graphs and no record at all is damaged (or was written by
another program).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pyoxigraph as ox

from .names import HISTORY, INTEGRITY, OKG, VOCABULARY, is_shared

TRIPLE_COUNT = OKG + "tripleCount"
CONTENT_DIGEST = OKG + "contentDigest"
REPORTS_DIGEST = OKG + "reportsDigest"
CLEARED_ON_CHANGE = OKG + "reportsDigestClearedOnChange"


@dataclass(frozen=True)
class Content:
    """A graph's triples as canonical, sorted N-Triples lines, with their count and digest."""

    ntriples: bytes
    count: int
    digest: str


def canonical(data: bytes, fmt: ox.RdfFormat = ox.RdfFormat.N_TRIPLES) -> Content:
    """The triples of ``data`` as the store will give them back (literals in their
    canonical form: ``"01"^^xsd:integer`` is stored as ``"1"``), each line once, sorted."""
    store = ox.Store()
    graph = ox.NamedNode("urn:x-ofsted-kg:canonical")
    if fmt == ox.RdfFormat.N_QUADS:
        store.extend(ox.Quad(q.subject, q.predicate, q.object, graph)
                     for q in ox.parse(data, format=fmt))
    else:
        store.load(data, format=fmt, to_graph=graph)
    return of_ntriples(store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph) or b"")


def of_ntriples(data: bytes) -> Content:
    """Count and digest of N-Triples as the store dumps them (one triple a line)."""
    lines = sorted(set(data.splitlines()))
    text = b"".join(line + b"\n" for line in lines if line)
    return Content(text, text.count(b"\n"), hashlib.sha256(text).hexdigest())


def record(name: str, content: Content) -> str:
    """The integrity graph's record of the graph ``name``, as SPARQL INSERT DATA triples."""
    return (f"<{name}> <{TRIPLE_COUNT}> {content.count} ; "
            f"<{CONTENT_DIGEST}> \"{content.digest}\" .")


def replace_update(name: str, content: Content, extra: str = "") -> str:
    """One SPARQL update (one transaction) that makes the graph ``name`` hold exactly
    ``content`` and records it; ``extra`` is more INSERT DATA blocks (``GRAPH <g> {...}``)
    to add in the same transaction."""
    node = str(ox.NamedNode(name))  # checked to be an IRI
    return (("" if is_shared(name) else _clear_history_digest_on_change(node, content))
            + f"DROP SILENT GRAPH {node} ;\n"
            f"DELETE WHERE {{ GRAPH <{INTEGRITY}> {{ {node} ?p ?o }} }} ;\n"
            f"INSERT DATA {{\n GRAPH {node} {{\n{content.ntriples.decode('utf-8')} }}\n"
            f" GRAPH <{INTEGRITY}> {{ {record(name, content)} }}\n{extra}}}")


def _clear_history_digest_on_change(node: str, content: Content) -> str:
    """The update that removes the history's digest unless ``node``'s record already has
    ``content``'s digest (a new or changed report makes the history out of date)."""
    digest = f"<{INTEGRITY}> {{ <{HISTORY}> <{REPORTS_DIGEST}> ?digest }}"
    return (f"DELETE {{ GRAPH {digest} }}\nWHERE {{ GRAPH {digest}\n"
            f"  FILTER NOT EXISTS {{ GRAPH <{INTEGRITY}> {{ {node} <{CONTENT_DIGEST}> "
            f"\"{content.digest}\" }} }} }} ;\n")


def write_graph(store: ox.Store, name: str, content: Content, extra: str = "") -> None:
    """Replace the graph ``name`` with ``content`` and its record, in one transaction."""
    store.update(replace_update(name, content, extra))


def reports_digest(store: ox.Store) -> str:
    """The digest of every report graph's record: what the history is computed from."""
    lines = sorted(f"{name} {digest}" for name, (_, digest) in records(store).items()
                   if not is_shared(name))
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def history_update(history: list[ox.Quad], digest: str) -> str:
    """One update replacing the history graph and recording what it was computed from."""
    triples = ox.serialize([q.triple for q in history], format=ox.RdfFormat.N_TRIPLES) or b""
    return (f"DROP SILENT GRAPH <{HISTORY}> ;\n"
            f"DELETE WHERE {{ GRAPH <{INTEGRITY}> {{ <{HISTORY}> ?p ?o }} }} ;\n"
            f"INSERT DATA {{ GRAPH <{HISTORY}> {{\n{triples.decode('utf-8')} }}\n"
            f" GRAPH <{INTEGRITY}> {{ <{HISTORY}> <{REPORTS_DIGEST}> \"{digest}\" ;\n"
            f"   <{CLEARED_ON_CHANGE}> true }} }}")


def records(store: ox.Store) -> dict[str, tuple[int, str]]:
    """Each recorded graph -> (triple count, digest)."""
    found: dict[str, dict[str, str]] = {}
    for quad in store.quads_for_pattern(None, None, None, ox.NamedNode(INTEGRITY)):
        if quad.predicate.value in (TRIPLE_COUNT, CONTENT_DIGEST):
            found.setdefault(_text(quad.subject), {})[quad.predicate.value] = _text(quad.object)
    out: dict[str, tuple[int, str]] = {}
    for name, fields in found.items():
        try:
            out[name] = (int(fields.get(TRIPLE_COUNT, "-1")), fields.get(CONTENT_DIGEST, ""))
        except ValueError:
            out[name] = (-1, "")
    return out


def _text(term: object) -> str:
    return str(getattr(term, "value", term))


def history_problem(store: ox.Store, quick: bool = False) -> str | None:
    """Why the history graph is not the one the store's reports imply, or None. ``quick``:
    where changed reports clear the digest, its presence is enough (the module's notes)."""
    said = [_text(q.object) for q in store.quads_for_pattern(
        ox.NamedNode(HISTORY), ox.NamedNode(REPORTS_DIGEST), None, ox.NamedNode(INTEGRITY))]
    if not said:
        return (f"{HISTORY}: the history graph was not computed since the report graphs "
                "last changed (an ingest that did not finish?): run 'ofsted-kg ingest' again")
    if quick and len(said) == 1 and _holds(store, HISTORY, CLEARED_ON_CHANGE):
        return None
    if said != [reports_digest(store)]:
        return (f"{HISTORY}: the history graph is out of date with the report graphs (an "
                "ingest that did not finish?): run 'ofsted-kg ingest' again")
    return None


def graph_problem(name: str, dumped: bytes, expected: tuple[int, str] | None) -> str | None:
    """Why the graph ``name``, dumped as N-Triples, is not what its record says, or None."""
    if expected is None:
        return f"{name}: a graph the store has no record of (added by another program?)"
    count, digest = expected
    content = of_ntriples(dumped)
    if content.count != count:
        return (f"{name}: holds {content.count} triples where {count} were written: the "
                "store is damaged; ingest that report again")
    if content.digest != digest:
        return (f"{name}: its triples differ from those written (same number, other "
                "content): the store is damaged; ingest that report again")
    return None


def problems(store: ox.Store) -> list[str]:
    """Every way ``store`` differs from its integrity records (empty: whole)."""
    found = store_problems(store)
    expected = records(store)
    for name in report_names(store):
        dumped = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(name))
        found.append(graph_problem(name, dumped or b"", expected.get(name)) or "")
    return [line for line in found if line]


def report_names(store: ox.Store) -> list[str]:
    return sorted(g.value for g in store.named_graphs()
                  if isinstance(g, ox.NamedNode) and not is_shared(g.value))


def store_problems(store: ox.Store) -> list[str]:
    """The ways ``store`` differs from its records that need no report graph read: no
    record at all, a recorded report graph missing, the vocabulary changed, the history
    out of date. (``graph_problem`` checks each report graph's content.)"""
    names = {g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)}
    reports = {n for n in names if not is_shared(n)}
    expected = records(store)
    if not expected:
        if not reports:
            return []
        return [f"{INTEGRITY}: the store has report graphs but no record of what they "
                "hold (written by another program or an older ofsted-kg?): ingest the "
                "reports into a new store"]
    found = [f"{name}: a report graph recorded as written is missing: the store is "
             "damaged; ingest that report again"
             for name in sorted(n for n in expected if not is_shared(n) and n not in names)]
    if VOCABULARY in expected or VOCABULARY in names:
        dumped = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(VOCABULARY))
        found.append(graph_problem(VOCABULARY, dumped or b"", expected.get(VOCABULARY)) or "")
    found.append(history_problem(store) or "")
    return [line for line in found if line]


def usable_problem(store: ox.Store) -> str | None:
    """Why a store cannot answer questions whole (found in milliseconds, before a query:
    no record, no vocabulary, a history out of date), or None. Graphs cut short are
    found by ``problems`` (``validate``)."""
    names = {g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)}
    if not any(not is_shared(name) for name in names):
        return ("the store holds no report: 'ofsted-kg ingest REPORTS --store DIR' "
                "adds them")
    if INTEGRITY not in names:
        return ("the store has report graphs but no record of what they hold (written by "
                "another program or an older ofsted-kg?): ingest the reports into a new store")
    if VOCABULARY not in names:
        return "the store has no vocabulary graph: it is damaged; run 'ofsted-kg ingest' again"
    return history_problem(store, quick=True)


def _holds(store: ox.Store, subject: str, predicate: str) -> bool:
    """Whether the integrity graph says ``subject predicate true``."""
    return any(_text(q.object) == "true" for q in store.quads_for_pattern(
        ox.NamedNode(subject), ox.NamedNode(predicate), None, ox.NamedNode(INTEGRITY)))
