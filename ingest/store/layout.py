"""Parsed reports -> the graphs of the data layout, for a store or for files.

Two inputs that are the same report (the same report IRI: its PDF and a text rendering,
or one file given twice) are one report: ``one_per_report`` keeps the PDF if there is
one, else the first given, and says which were set aside.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from ..model import Report
from ..rdf.graph import authority_graph, report_triples
from ..rdf.identity import authority_key, report_iri
from .convert import quads
from .embedded import add_reports, refresh_shared
from .history import replace_graph
from .names import AUTHORITIES


@dataclass(frozen=True)
class SetAside:
    """An input not ingested because another input is the same report."""

    report: Report
    kept: Report

    def message(self) -> str:
        name = report_iri(self.kept.identity, self.kept.end)
        return (f"{self.report.source.location}: the same report ({name}) as "
                f"{self.kept.source.location}, which is kept")


def _is_pdf(report: Report) -> bool:
    return report.source.media_type == "application/pdf"


def one_per_report(reports: list[Report]) -> tuple[list[Report], list[SetAside]]:
    """One input per report IRI: the PDF if any, else the first given (``reports`` in the
    order given); and the others, each with the one kept instead."""
    chosen: dict[str, Report] = {}
    for report in reports:
        name = str(report_iri(report.identity, report.end))
        if name not in chosen or (_is_pdf(report) and not _is_pdf(chosen[name])):
            chosen[name] = report
    kept: list[Report] = []
    aside: list[SetAside] = []
    for report in reports:
        winner = chosen[str(report_iri(report.identity, report.end))]
        if winner is report:
            kept.append(report)
        else:
            aside.append(SetAside(report, winner))
    return kept, aside


def ordered(reports: list[Report]) -> list[Report]:
    return sorted(reports, key=lambda r: (authority_key(r.identity), r.end, r.source.sha256))


def report_quads(reports: list[Report]) -> Iterator[tuple[str, list[ox.Quad]]]:
    """Each report's graph (its IRI, its quads), in a fixed order."""
    for report in ordered(reports):
        name = str(report_iri(report.identity, report.end))
        yield name, list(quads(report_triples(report), name))


def authority_quads(reports: list[Report]) -> list[ox.Quad]:
    """The authorities' own facts, each once, in the shared authorities graph."""
    graph = Graph()
    for report in reports:
        authority_graph(report, graph)
    return list(quads(graph, AUTHORITIES))


def fill(store: ox.Store, reports: list[Report]) -> int:
    """Add ``reports`` to ``store`` in the data layout; returns the report graphs written."""
    return add_reports(store, report_quads(reports), authority_quads(reports))


FLUSH_EVERY = 20  # reports


@dataclass(frozen=True)
class Prepared:
    """A report read and turned into its graph, ready to go into the store."""

    report: Report
    name: str  # the report's IRI, the name of its graph
    nquads: bytes  # its graph


def prepare(path: Path) -> Prepared:
    """Read a report and make its graph, as N-Quads in the graph named by its IRI: done
    in a worker, so that the process writing the store only loads them (in Rust), and
    building graphs runs on every core."""
    from ..pipeline import read_report

    report = read_report(path)
    name = str(report_iri(report.identity, report.end))
    data = ox.serialize(quads(report_triples(report), name), format=ox.RdfFormat.N_QUADS)
    return Prepared(report, name, data or b"")


def stream_into(store: ox.Store, reports: Iterable[Prepared],
                on_kept: Callable[[Report], None], on_aside: Callable[[str], None]) -> int:
    """Add each report to ``store`` as it comes, so memory does not grow with their number:
    its graph replaces that report's graph, and only its IRI, kind and file are kept to
    tell a second input of the same report (the PDF is kept, else the first given; each
    input set aside is passed to ``on_aside`` as a message). The shared graphs are brought
    up to date at the end. Returns the number of report graphs in the store."""
    seen: dict[str, tuple[bool, str]] = {}  # report IRI -> (a PDF?, the file kept)
    authorities = Graph()
    for prepared in reports:
        report, name = prepared.report, prepared.name
        where = report.source.location
        if name in seen:
            was_pdf, kept = seen[name]
            if was_pdf or not _is_pdf(report):
                on_aside(f"{where}: the same report ({name}) as {kept}, which is kept")
                continue
            on_aside(f"{kept}: the same report ({name}) as {where}, which is kept")
        else:
            on_kept(report)
        seen[name] = (_is_pdf(report), where)
        replace_graph(store, name, prepared.nquads)
        authority_graph(report, authorities)
        if len(seen) % FLUSH_EVERY == 0:
            store.flush()  # write buffers out to disk: memory stays flat however many reports
    refresh_shared(store, list(quads(authorities, AUTHORITIES)))
    return len(seen)
