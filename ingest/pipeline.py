"""The straight line from a source file to a graph, stage by stage."""

from pathlib import Path

from rdflib import Graph

from .enrich.evidence import add_evidence
from .enrich.links import link_report
from .model import Report
from .parsing import parse_report
from .rdf.graph import report_graph
from .sources import read_source


def read_report(path: Path) -> Report:
    """Source file -> text with pages -> parsed, linked report with its evidence.
    Raises InputError."""
    text = read_source(path)
    return add_evidence(link_report(parse_report(text)), text)


def ingest_file(path: Path) -> Graph:
    return report_graph(read_report(path))
