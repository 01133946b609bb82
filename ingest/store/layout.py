"""Parsed reports -> the graphs of the data layout, for a store or for files.

Two inputs that are the same report (the same report IRI: its PDF and a text rendering,
or one file given twice) are one report: ``one_per_report`` keeps the PDF if there is
one, else the first given, and says which were set aside.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ..model import Report
from ..rdf.graph import authority_graph, report_triples
from ..rdf.identity import authority_key, report_iri
from .convert import quads
from .embedded import add_reports, finish, write_report, write_vocabulary
from .integrity import Content, canonical
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


def parts(report: Report) -> tuple[str, Content, bytes]:
    """A report's graph name (its IRI), its triples as the store will hold them, and its
    authorities' own facts as N-Triples (for the shared graph)."""
    name = str(report_iri(report.identity, report.end))
    return name, canonical(_ntriples(report_triples(report))), _ntriples(authority_graph(report))


def _ntriples(triples) -> bytes:
    return ox.serialize([q.triple for q in quads(triples, AUTHORITIES)],
                        format=ox.RdfFormat.N_TRIPLES) or b""


def fill(store: ox.Store, reports: list[Report]) -> int:
    """Add ``reports`` to ``store`` in the data layout; returns the report graphs written."""
    return add_reports(store, (parts(report) for report in ordered(reports)))


FLUSH_EVERY = 20  # reports


@dataclass(frozen=True)
class Prepared:
    """A report read and turned into its graph, ready to go into the store."""

    report: Report
    name: str  # the report's IRI, the name of its graph
    content: Content  # its graph, as the store will hold it
    authorities: bytes  # its authorities' own facts, N-Triples


def prepare(path: Path) -> Prepared:
    """Read a report and make its graph, as canonical N-Triples with their digest: done
    in a worker, so that the process writing the store only loads them (in Rust), and
    building graphs runs on every core."""
    from ..pipeline import read_report

    report = read_report(path)
    return Prepared(report, *parts(report))


def stream_into(store: ox.Store, reports: Iterable[Prepared],
                on_kept: Callable[[Report], None], on_aside: Callable[[str], None]) -> int:
    """Add each report to ``store`` as it comes, so memory does not grow with their number:
    its graph replaces that report's graph, and only its IRI, kind and file are kept to
    tell a second input of the same report (the PDF is kept, else the first given; each
    input set aside is passed to ``on_aside`` as a message). The shared graphs are brought
    up to date at the end. Returns the number of report graphs in the store."""
    seen: dict[str, tuple[bool, str]] = {}  # report IRI -> (a PDF?, the file kept)
    write_vocabulary(store)
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
        write_report(store, name, prepared.content, prepared.authorities)
        if len(seen) % FLUSH_EVERY == 0:
            store.flush()  # write buffers out to disk: memory stays flat however many reports
    finish(store)
    return len(seen)
