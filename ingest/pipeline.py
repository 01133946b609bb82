"""The straight line from a source file to a graph, stage by stage."""

from dataclasses import replace
from pathlib import Path

from rdflib import Graph

from .enrich.evidence import add_evidence
from .enrich.links import link_report
from .model import ParseProblem, Report
from .parsing import parse_report
from .parsing.audit import audited
from .rdf.graph import authority_graph, report_graph
from .sources import read_source


def read_report(path: Path) -> Report:
    """Source file -> text with pages -> parsed (and audited), linked report with its
    evidence. Raises InputError."""
    text = read_source(path)
    report = add_evidence(link_report(audited(parse_report, text)), text)
    return checked_against_listing(report)


def checked_against_listing(report: Report) -> Report:
    """A fetched report whose own "Report published" date differs from the date the site
    lists gets a warning naming both: neither is preferred, both are in the graph."""
    listing = report.source.listing
    if listing is None or listing.published is None or report.published is None:
        return report
    if listing.published == report.published:
        return report
    problem = ParseProblem(
        "Warning", "publication date",
        f"The report prints 'Report published' {report.published.isoformat()}, but the site "
        f"lists it as published on {listing.published.isoformat()} ({listing.url})")
    return replace(report, parse_problems=report.parse_problems + (problem,))


def ingest_file(path: Path) -> Graph:
    """One report's graph with its authority's own facts: a graph that stands alone."""
    report = read_report(path)
    return authority_graph(report, report_graph(report))


def warm_up() -> None:
    """Load the libraries reading needs (PDF text, TF-IDF, stemming, number words): done
    once before worker processes are forked, so that they do not each do it (about a
    second of each worker's start, most of it scikit-learn)."""
    import number_parser  # noqa: F401
    import pypdfium2  # noqa: F401
    import snowballstemmer  # noqa: F401
    from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: F401
