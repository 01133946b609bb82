"""``ofsted-kg site``: a static site of every inspection, every authority and the national
picture, built from the saved queries' rows with Jinja2 templates (``templates/``).

The site needs no network: styles, scripts and charts are inline, and every link is
relative. The same graph gives the same bytes. The site is written to a new folder beside
the output and put in place only when complete; a previous site there is then removed.
"""

import csv
import io
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ..store.targets import StoreTarget, Target, rows_of
from . import pages
from .charts import judgement_grid
from .rows import Table, ask
from .xlsx import workbook_bytes

MARKER = ".ofsted-kg-site"  # marks a folder as a site this command wrote
PREFIXES = {
    "okg": "https://w3id.org/ofsted-kg/def#",
    "grade": "https://w3id.org/ofsted-kg/scheme/grade/",
    "framework": "https://w3id.org/ofsted-kg/scheme/framework/",
    "sif": "https://w3id.org/ofsted-kg/scheme/sif/",
    "ilacs": "https://w3id.org/ofsted-kg/scheme/ilacs/",
    "measure": "https://w3id.org/ofsted-kg/scheme/measure/",
    "dcterms": "http://purl.org/dc/terms/",
    "org": "http://www.w3.org/ns/org#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
DOWNLOADS = {"summary": "summary.xlsx", "history": "history.csv", "graph": "ofsted-kg.trig"}


class SiteError(Exception):
    """The site cannot be built: nothing to publish, or the folder cannot be written."""


@dataclass
class Answers:
    """Every saved query's rows the site is built from."""

    summary: Table
    latest: Table
    grades: Table
    recommendations: Table
    evidence: Table
    flagged: Table
    problems: Table
    neighbours: Table
    follow_through: Table
    send: Table  # each partnership's latest area SEND outcome and next steps


def gather(target: Target) -> Answers:
    answers = Answers(ask(target, "summary"), ask(target, "latest-grades"),
                      ask(target, "inspection-grades"), ask(target, "recommendation-findings"),
                      ask(target, "finding-evidence"),
                      ask(target, "flagged-findings-without-recommendation"),
                      ask(target, "report-problems"), ask(target, "statistical-neighbours"),
                      ask(target, "follow-through-status"), ask(target, "send-outcomes"))
    if not answers.grades.rows:
        raise SiteError("no inspection reports to publish (ingest some first)")
    return answers


def build(target: Target, output: Path, say: Callable[[str], None] = lambda _: None) -> int:
    """Write the site of ``target``'s graph to the folder ``output``; the number of pages."""
    _check_writable(output)
    answers = gather(target)
    say("queries answered")
    temporary = Path(tempfile.mkdtemp(prefix=f".{output.name}.", suffix=".tmp",
                                      dir=output.parent))
    try:
        count = _write_site(target, answers, temporary, say)
        (temporary / MARKER).write_bytes(b"")
        _put_in_place(temporary, output)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return count


def _check_writable(output: Path) -> None:
    if output.exists() and not output.is_dir():
        raise SiteError(f"{output}: is a file, not a folder")
    if output.is_dir() and any(output.iterdir()) and not (output / MARKER).exists():
        raise SiteError(f"{output}: is a folder of other files, not a site this command "
                        "wrote; give a new or empty folder")
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SiteError(f"{output}: cannot be written ({error.strerror or error})") from None
    if not os.access(output.parent, os.W_OK) or (output.is_dir()
                                                 and not os.access(output, os.W_OK)):
        raise SiteError(f"{output}: cannot be written (permission denied)")


def _put_in_place(built: Path, output: Path) -> None:
    """The new site takes the output's name; a previous site there goes only then."""
    old = None
    if output.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{output.name}.", suffix=".old", dir=output.parent))
        os.replace(output, old / "site")
    os.replace(built, output)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _write_site(target: Target, answers: Answers, root: Path,
                say: Callable[[str], None]) -> int:
    from .render import Renderer

    renderer = Renderer(root)
    urls = pages.report_urls(answers.latest, answers.summary)
    found = pages.inspections(answers.grades, urls)
    histories = pages.by_authority(found)
    renderer.national(answers, found, histories)
    neighbours = pages.grouped(answers.neighbours, "authority")
    latest = {str(row["authority"]): row for row in answers.summary.dicts()}
    for authority, history in histories.items():
        columns, rows, cells = pages.grid(history)
        chart = judgement_grid(f"Judgements of {history[0].authority_name} over time",
                               columns, rows, cells)
        renderer.authority(authority, history, chart, latest,
                           [(n, latest.get(str(n["neighbour"])))
                            for n in neighbours.get(authority, [])])
    recommendations = pages.recommendations(answers.recommendations)
    evidence = pages.grouped(answers.evidence, "finding")
    flagged = pages.grouped(answers.flagged, "inspectionEnd")
    problems = pages.grouped(answers.problems, "report")
    followed = pages.grouped(answers.follow_through, "laterInspection")
    next_steps = {str(row["report"]): row for row in answers.send.dicts()}
    for inspection in found.values():
        renderer.inspection(inspection, found, recommendations.get(inspection.report, []),
                            evidence, [f for f in flagged.get(str(inspection.end), [])
                                       if f["authorityName"] == inspection.authority_name],
                            problems.get(inspection.report, []),
                            followed.get(inspection.iri, []),
                            next_steps.get(inspection.report))
    renderer.ontology()
    say("pages written")
    _downloads(target, answers, root)
    say("downloads written")
    return renderer.count


NEIGHBOUR_COLUMNS = ("inspectionEnd", "framework", "overall", "leaders", "helpAndProtection",
                     "inCareAndCareLeavers", "inCare", "careLeavers", "reportUrl")


def neighbour_grades(answers: Answers) -> Table:
    """For each authority of the summary, each of its statistical neighbours (the
    reference table's) beside the neighbour's latest grades from the summary, or blank
    cells and ``childrensServicesReport`` false where the data holds no children's
    services report of it (the summary's scope: an area SEND or LSCB report alone is not
    one); an authority the table gives no neighbours has one row with blank neighbour
    cells. Sorted here, not by the query, so the same rows give the same bytes whatever
    engine answered."""
    from ..authorities import by_urn

    latest = {str(row["authority"]): row for row in answers.summary.dicts()}
    listed = pages.grouped(answers.neighbours, "authority")
    rows = []
    for authority, own in latest.items():
        if authority not in listed:
            rows.append((own["authorityName"], None, None, None,
                         *(None for _ in NEIGHBOUR_COLUMNS)))
        for row in listed.get(authority, []):
            urn = str(row["neighbourURN"])
            known = by_urn(urn)
            theirs = latest.get(str(row["neighbour"]))
            rows.append((own["authorityName"],
                         row["neighbourName"] or (known.name if known else urn), urn,
                         theirs is not None,
                         *(theirs[c] if theirs else None for c in NEIGHBOUR_COLUMNS)))
    rows.sort(key=lambda r: tuple("" if v is None else str(v) for v in r[:3]))
    return Table(["authorityName", "neighbourName", "neighbourURN", "childrensServicesReport",
                  *NEIGHBOUR_COLUMNS], rows)


def _downloads(target: Target, answers: Answers, root: Path) -> None:
    (root / DOWNLOADS["summary"]).write_bytes(workbook_bytes(
        [("summary", answers.summary), ("neighbours", neighbour_grades(answers))]))
    (root / DOWNLOADS["history"]).write_bytes(csv_bytes(answers.grades))
    graphs = _graph_lines(_dataset(target))
    everything = b"".join(line for lines in graphs.values() for line in lines)
    (root / DOWNLOADS["graph"]).write_bytes(_serialised(everything, ox.RdfFormat.TRIG))
    for name, lines in graphs.items():
        if "/id/report/" not in name:
            continue
        for suffix, fmt in ((".ttl", ox.RdfFormat.TURTLE), (".jsonld", ox.RdfFormat.JSON_LD)):
            path = root / pages.page_path(name, suffix)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(_serialised(b"".join(lines), fmt))


_ALL_QUADS = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"


def _dataset(target: Target) -> ox.Store:
    """Every named graph of the target: the store itself, or a copy of an endpoint's."""
    if isinstance(target, StoreTarget):
        return target.store
    store = ox.Store()
    for g, s, p, o in rows_of(target.answer(_ALL_QUADS)).rows:
        store.add(ox.Quad(s, p, o, g))  # type: ignore[arg-type]  # a SELECT's terms
    return store


def _graph_lines(store: ox.Store) -> dict[str, list[bytes]]:
    """Each named graph's N-Quads lines, graphs and lines sorted: an order that depends only
    on the contents (a store's own order does not), made by Oxigraph's writer and a sort of
    byte strings (sorting the terms themselves took ten times as long on the corpus)."""
    graphs: dict[str, list[bytes]] = {}
    for line in (store.dump(format=ox.RdfFormat.N_QUADS) or b"").splitlines(keepends=True):
        graph = line.rsplit(b" ", 2)[1]
        if graph.startswith(b"<") and graph.endswith(b">"):
            graphs.setdefault(graph[1:-1].decode("utf-8"), []).append(line)
    return {name: sorted(graphs[name]) for name in sorted(graphs)}


def _serialised(nquads: bytes, fmt: ox.RdfFormat) -> bytes:
    """N-Quads lines in another syntax, in their order, with the project's prefixes."""
    quads = ox.parse(nquads, format=ox.RdfFormat.N_QUADS)
    items = quads if fmt == ox.RdfFormat.TRIG else (q.triple for q in quads)
    return ox.serialize(items, format=fmt, prefixes=PREFIXES) or b""


def csv_bytes(table: Table) -> bytes:
    """Rows as CSV (RFC 4180: CRLF line ends), a header of the query's variables."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.variables)
    for row in table.rows:
        writer.writerow(["" if value is None else value for value in row])
    return out.getvalue().encode("utf-8")
