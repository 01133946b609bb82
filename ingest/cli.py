"""The ``ofsted-kg`` command line: a thin layer over the library.

Exit codes: 0 success; 1 the data does not conform, or a source was refused;
2 unusable input or usage (a file or store that cannot be read, an unknown query).

Graphs go to the embedded store by default (``--store DIR``, else ``$OFSTED_KG_STORE``,
else the user's data folder); ``query``, ``validate`` and ``export`` read it when no
files are named.
"""

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .errors import shown
from .rdf.files import FORMATS
from .stopping import stop_on_signals, stop_requested, workers_killed

if TYPE_CHECKING:
    import pyoxigraph as ox


def _fail(message: str, code: int = 2) -> None:
    click.echo(f"Error: {message}", err=True)
    sys.exit(code)


def store_option(help_text: str):
    return click.option("--store", "store_dir", type=click.Path(path_type=Path), default=None,
                        help=help_text + " [default: $OFSTED_KG_STORE, else the user's data "
                        "folder, ofsted-kg/store]")


def _open_store(store_dir: Path | None, read_only: bool):
    from .store.embedded import StoreError, open_store, store_location

    try:
        return open_store(store_location(store_dir), read_only=read_only)
    except StoreError as error:
        _fail(str(error))


def _refuse_unused(unused: bool, reason: str) -> None:
    """An option that would be ignored is refused, saying why."""
    if unused:
        _fail(reason)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ofsted-kg")
def cli() -> None:
    """Ofsted children's services inspection reports as a validated knowledge graph."""
    _quiet_literal_warnings()


def _quiet_literal_warnings() -> None:
    """rdflib logs a traceback for each malformed typed value it parses
    ("2018-02-30"^^xsd:date); validate reports each as a violation instead."""
    import logging

    logging.getLogger("rdflib.term").setLevel(logging.CRITICAL)


@cli.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option("The store to add the reports to.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Write files instead of the store: a file (.ttl, .nt, .jsonld; .trig or .nq "
                   "for the store's layout of named graphs), a folder for one file per report, "
                   "or - for standard output.")
@click.option("-f", "--format", "fmt", type=click.Choice(sorted(FORMATS)), default=None,
              help="RDF syntax of each graph [default: from the output's suffix, else turtle].")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=None,
              help="Reports read at once; 0 for one per processor [default: one per "
                   "processor, at most 8].")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar [default: on a terminal].")
@click.option("--strict", is_flag=True,
              help="Exit 1 if any file is refused, a file that is not a report included.")
def ingest(sources: tuple[Path, ...], store_dir: Path | None, output: Path | None,
           fmt: str | None, jobs: int | None, progress: bool | None, strict: bool) -> None:
    """Read reports (PDF, markdown or text; folders are searched) into the store, each
    report its own named graph (replaced when ingested again), or into files with -o.

    Two inputs that are the same report (its PDF and a text rendering, or one file given
    twice) are one report: the PDF is kept, else the first given, and the run says so.
    A file that is not a report (an HTML page, an empty file, a document with no
    inspection title) is skipped, one line ("Skipped: FILE: why") each; a report that
    cannot be read is refused, one line ("Error: FILE: why") each; the rest go on.

    Exit codes: 0 every report ingested (files that are not reports skipped); 1 a report
    could not be read, or no file was a report (with --strict: any file refused or
    skipped); 2 nothing to read, or
    the store cannot be opened or written; 3 another run is writing the same output;
    130 Ctrl-C; 143 SIGTERM.
    """
    import os

    from . import batch
    from .pipeline import read_report
    from .store.layout import one_per_report

    if output is not None and store_dir is not None:
        _fail("give either --store DIR or -o OUT, not both")
    if output is None:
        _refuse_unused(fmt is not None, f"-f {fmt} applies to -o OUT files, not to the store")
    else:
        _check_output_format(output, fmt)
    files = batch.report_files(sources)
    if not files:
        _fail(f"{' '.join(map(shown, sources))}: no report files (.pdf, .md, .txt) found")
    store = _open_store(store_dir, read_only=False) if output is None else None
    stop_on_signals(kill_workers=True)
    if output is not None:
        _lock_output(output)
    jobs = batch.default_jobs() if jobs is None else jobs or os.cpu_count() or 1
    outcome = batch.Outcome()
    written = None
    try:
        if store is not None:
            from .store.layout import prepare

            prepared = batch.read_each(files, outcome, prepare, jobs, progress, _say_refused)
            try:
                written = _add(prepared, outcome, store, store_dir)
            finally:
                prepared.close()  # however the run ends, its workers end now
        else:
            assert output is not None
            read = batch.read_each(files, outcome, read_report, jobs, progress, _say_refused)
            outcome.reports, aside = one_per_report(list(read))
            for report in outcome.reports:
                outcome.count(report)
            for item in aside:
                _note_aside(outcome, item.message())
            if outcome.reports:
                written = _write(outcome.reports, output, fmt)
    except OSError as error:
        _fail(f"{output or store_dir}: cannot be written ({error.strerror or error})")
    del store  # closes the store now, not when the exit's traceback is dropped
    if len(files) == 1:  # a refusal has said it all; a single success says where it went
        if written:
            click.echo(f"{shown(files[0])}: {written}", err=True)
    else:
        click.echo("; ".join(filter(None, [outcome.summary(), written])), err=True)
    sys.exit(1 if outcome.failed(strict) else 0)


def _say_refused(error) -> None:
    from .batch import say
    from .errors import NotAReport

    say(f"{'Skipped' if isinstance(error, NotAReport) else 'Error'}: {error}")


def _note_aside(outcome, message: str) -> None:
    """An input that is the same report as another: said, and counted."""
    from .batch import say

    outcome.set_aside += 1
    say(f"Note: {message}")


def _add(prepared, outcome, store, store_dir: Path | None) -> str | None:
    """Stream the reports into the store, each as soon as it is read."""
    from .store.embedded import store_location
    from .store.layout import stream_into

    count = stream_into(store, prepared, outcome.count,
                        lambda message: _note_aside(outcome, message))
    if not count:
        return None
    store.flush()
    return (f"{count} report graph{'s' if count != 1 else ''} in the store "
            f"{store_location(store_dir)} ({len(store)} triples)")


def _write(reports: list, output: Path, fmt: str | None) -> str:
    """Write the reports' graphs where ``output`` says; returns what was written."""
    from . import batch
    from .rdf.files import serialise, write_atomically
    from .store.export import DATASET_SUFFIXES

    suffix = output.suffix.lower()
    if suffix in DATASET_SUFFIXES:
        return _write_dataset(reports, output)
    if str(output) != "-" and (output.is_dir() or not suffix):
        fmt = fmt or "turtle"
        for report, graph in batch.report_graphs(reports):
            path = output / batch.file_name(report, _SUFFIXES[FORMATS[fmt]])
            write_atomically(path, serialise(graph, fmt))
        return f"{len(reports)} file{'s' if len(reports) != 1 else ''} written to {output}/"
    merged = _merged(reports)
    data = serialise(merged, fmt or _FORMAT_OF_SUFFIX.get(suffix, "turtle"))
    if str(output) == "-":
        sys.stdout.buffer.write(data)
        return "graph written to standard output"
    write_atomically(output, data)
    return f"{len(merged)} triples written to {output}"


def _write_dataset(reports: list, output: Path) -> str:
    """The store's layout (report graphs, shared graphs, history) as TriG or N-Quads."""
    import pyoxigraph

    from .store.export import export
    from .store.layout import fill

    store = pyoxigraph.Store()
    count = fill(store, reports)
    export(store, output)
    return f"{count} report graphs and the shared graphs written to {output}"


def _merged(reports: list):
    """Every report's graph, the authorities' facts and the history in one graph."""
    from rdflib import Graph, URIRef
    from rdflib.namespace import OWL

    from . import batch
    from .enrich.history import previous_inspections
    from .rdf.identity import below
    from .rdf.namespaces import bind_prefixes

    merged = bind_prefixes(Graph())
    for _, graph in batch.report_graphs(reports):
        merged += graph  # in place: one pass however many reports
    for later, earlier in previous_inspections(reports).items():
        merged.add((below(URIRef(later), "previous"), OWL.sameAs, earlier))
    return merged


def _check_output_format(output: Path, fmt: str | None) -> None:
    """-f is honoured, or refused before any work when the output's suffix says otherwise."""
    from .store.export import DATASET_SUFFIXES

    suffix = output.suffix.lower()
    _refuse_unused(fmt is not None and suffix in DATASET_SUFFIXES,
                   f"-f {fmt} does not apply to a {suffix} output, whose suffix sets its syntax")
    implied = _FORMAT_OF_SUFFIX.get(suffix)
    _refuse_unused(fmt is not None and implied is not None and FORMATS[fmt] != implied,
                   f"-f {fmt} disagrees with the output's suffix {suffix} ({implied})")


_LOCKS: list = []  # open lock files, held until the process ends


def _lock_output(output: Path) -> None:
    """Refuse to write an output another run is writing (a lock file beside it, held
    for this run; the operating system releases it however the run ends)."""
    if str(output) == "-":
        return
    import fcntl

    lock = output.parent / f".{output.name}.lock"
    try:
        lock.parent.mkdir(parents=True, exist_ok=True)
        handle = open(lock, "a")
    except OSError as error:
        _fail(f"{output}: cannot be written ({error.strerror})")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        _fail(f"{output}: another ofsted-kg run is writing it (lock {lock}); "
              "wait for it to end or write elsewhere", 3)
    _LOCKS.append(handle)


_SUFFIXES = {"turtle": "ttl", "nt": "nt", "json-ld": "jsonld"}
_FORMAT_OF_SUFFIX = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld"}


@cli.command()
@click.argument("graphs", nargs=-1, type=click.Path(path_type=Path))
@store_option("The store to check when no GRAPH files are named.")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json", "ttl"]), default="text",
              show_default=True, help="text for people; json or ttl (the SHACL report) for tools.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=None,
              help="Report graphs checked at once; 0 for one per processor [default: one per "
                   "processor, at most 8].")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar [default: on a terminal].")
def validate(graphs: tuple[Path, ...], store_dir: Path | None, fmt: str, jobs: int | None,
             progress: bool | None) -> None:
    """Check each report's graph, with the shared graphs, against the shapes: exit 0 if
    all conform, 1 if not, 2 if unreadable. Reads the store when no GRAPH is named."""
    import os

    from .store.checks import validate_store
    from .store.targets import TargetError, files_store

    if graphs and store_dir is not None:
        _fail("give either GRAPH files or --store DIR, not both")
    try:
        store = files_store(graphs) if graphs else _open_store(store_dir, read_only=True)
    except TargetError as error:
        _fail(str(error))
    from .batch import default_jobs

    jobs = default_jobs() if jobs is None else jobs or os.cpu_count() or 1
    outcome = validate_store(store, jobs, shacl_report=fmt == "ttl",
                             records_required=not graphs, progress=progress)
    if fmt == "ttl":
        click.echo(outcome.report.serialize(format="turtle"), nl=False)
    elif fmt == "json":
        problems = [vars(p) for p in outcome.problems]
        click.echo(json.dumps({"conforms": outcome.conforms, "results": problems}, indent=2))
    else:
        from .store.explain import lines

        click.echo("\n".join(lines(store, outcome)))
    del store  # closed before the exit
    sys.exit(0 if outcome.conforms else 1)


@cli.command("queries")
def list_queries() -> None:
    """List the saved queries with their parameters."""
    from .queries import saved_queries

    for query in saved_queries().values():
        click.echo(f"{query.name}: {query.summary}")
        for p in query.parameters:
            need = "required" if p.required else "optional"
            click.echo(f"    --param {p.name}=<{p.kind}> ({need}) {p.description}".rstrip())
        if query.shape is not None:
            click.echo(f"    {query.shape.describe()}")


@cli.command()
@click.argument("name")
@store_option("The store to query (the default target).")
@click.option("-d", "--data", "data", multiple=True, type=click.Path(path_type=Path),
              help="Query RDF files instead (repeatable; folders are searched).")
@click.option("-e", "--endpoint", help="Query a SPARQL 1.1 endpoint URL instead.")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter of the query (repeatable).")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "json", "xlsx"]),
              default="table", show_default=True,
              help="table for people; csv or json in the W3C SPARQL 1.1 results formats; "
                   "xlsx a spreadsheet (needs -o).")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Write the answer to this file (replaced atomically) [default: standard "
                   "output].")
@click.option("--wide", is_flag=True,
              help="table: every column, IRIs included, each cell whole on one line, however "
                   "wide [default: 100 columns, machine columns left out].")
@click.option("--columns", metavar="NAME,...", default=None,
              help="table: only these columns (the query's variable names), IRIs included.")
@click.option("--limit", type=click.IntRange(min=1), default=None, metavar="N",
              help="At most N rows (of the table as shown, or of csv and json).")
@click.option("--pager/--no-pager", default=None,
              help="table: page a long answer through $PAGER (else less) [default: on a "
                   "terminal].")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              help="--endpoint: seconds to wait for the whole answer [default: 60].")
@click.option("--allow-partial", is_flag=True,
              help="--endpoint: show the rows of an answer the server says it cut short "
                   "(X-SPARQL-MaxRows) or of exactly a shipped row limit (10000), with a "
                   "note, instead of exit 4.")
def query(name: str, store_dir: Path | None, data: tuple[Path, ...], endpoint: str | None,
          params: tuple[str, ...], fmt: str, output: Path | None, wide: bool,
          columns: str | None, limit: int | None, pager: bool | None,
          timeout: float | None, allow_partial: bool) -> None:
    """Run the saved query NAME on the store, on --data files or on an --endpoint.

    Exit codes: 0 answered; 2 bad query, parameter, file or option; 3 the endpoint is
    down or did not answer within --timeout; 4 it answered with a refusal or an error.
    """
    from .queries import QueryError, get_query, render, run
    from .store.server import ServerError
    from .store.targets import TargetError

    _refuse_unused(fmt != "table" and wide, f"--wide applies to -f table, not -f {fmt}")
    _refuse_unused(fmt != "table" and columns is not None,
                   f"--columns applies to -f table, not -f {fmt}")
    _refuse_unused(fmt != "table" and bool(pager), f"--pager applies to -f table, not -f {fmt}")
    _refuse_unused(timeout is not None and not endpoint, "--timeout applies to --endpoint only")
    _refuse_unused(allow_partial and not endpoint, "--allow-partial applies to --endpoint only")
    _refuse_unused(fmt == "xlsx" and (output is None or str(output) == "-"),
                   "-f xlsx writes a file: give -o FILE.xlsx")

    if sum([store_dir is not None, bool(data), bool(endpoint)]) > 1:
        _fail("give one of --store DIR, --data FILE... or --endpoint URL")
    values = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key:
            _fail(f"--param {item!r} is not NAME=VALUE")
        values[key] = value
    try:
        saved = get_query(name)
        target = _target(store_dir, data, endpoint, timeout, allow_partial)
        result = run(saved, target, values, limit if fmt != "table" else None)
        wanted = [c.strip() for c in columns.split(",") if c.strip()] if columns else None
        answer = _xlsx(result) if fmt == "xlsx" else \
            render(result, fmt, wide, saved.shape, wanted, limit)
    except (QueryError, TargetError) as error:
        _fail(str(error))
    except ServerError as error:
        _fail(str(error), error.exit_code)
    if output is not None and str(output) != "-":
        _write_answer(answer, output)
        return
    _show(answer, fmt == "table" and pager is not False, pager is True)
    for note in getattr(target, "notes", []):
        click.echo(f"Note: {note}; the rows shown are not all", err=True)


def _xlsx(solutions: "ox.QuerySolutions") -> bytes:
    from .publish.xlsx import solutions_xlsx

    return solutions_xlsx(solutions)


def _write_answer(answer: bytes, output: Path) -> None:
    from .rdf.files import write_atomically

    try:
        write_atomically(output, answer)
    except OSError as error:
        _fail(f"{output}: cannot be written ({error.strerror or error})")


def _show(answer: bytes, may_page: bool, must_page: bool) -> None:
    """Write the answer; a table longer than the terminal goes through a pager when
    standard output is a terminal, as git does ($PAGER, else less -FRX)."""
    import os
    import shutil

    if may_page and (must_page or sys.stdout.isatty()):
        text = answer.decode("utf-8")
        if must_page or text.count("\n") >= shutil.get_terminal_size().lines:
            os.environ.setdefault("LESS", "FRX")
            click.echo_via_pager(text)
            return
    # Bytes, not text: the W3C CSV format ends its lines with CRLF, kept as written.
    sys.stdout.buffer.write(answer)
    sys.stdout.flush()


def _target(store_dir: Path | None, data: tuple[Path, ...], endpoint: str | None,
            timeout: float | None, allow_partial: bool = False):
    from .store import targets

    if endpoint:
        return targets.EndpointTarget(endpoint, timeout, allow_partial)
    if data:
        return targets.FilesTarget(list(data))
    return targets.StoreTarget(_usable_store(store_dir))


def _usable_store(store_dir: Path | None):
    """The store, opened to be read, refused when it cannot answer whole (no reports, no
    record of them, a history left out of date by an interrupted ingest)."""
    from .store.embedded import store_location
    from .store.integrity import usable_problem

    store = _open_store(store_dir, read_only=True)
    problem = usable_problem(store)
    if problem:
        _fail(f"{store_location(store_dir)}: {problem}")
    return store


@cli.command("list")
@click.argument("kind", type=click.Choice(["authorities", "measures", "frameworks", "queries",
                                          "roles", "units", "bodies", "inspectors"]))
@store_option("The store to read (the default target).")
@click.option("-d", "--data", "data", multiple=True, type=click.Path(path_type=Path),
              help="Read RDF files instead (repeatable; folders are searched).")
@click.option("-e", "--endpoint", help="Read a SPARQL 1.1 endpoint URL instead.")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "json"]),
              default="table", show_default=True,
              help="table for people; csv or json in the W3C SPARQL 1.1 results formats.")
def list_values(kind: str, store_dir: Path | None, data: tuple[Path, ...],
                endpoint: str | None, fmt: str) -> None:
    """List the values a query parameter accepts, as the data holds them: the authorities
    (names and codes), measures, frameworks, roles, units, bodies or lead inspectors; or
    the saved queries.
    The first column is what --param takes."""
    from .queries import QueryError, render
    from .store.server import ServerError
    from .store.targets import TargetError
    from .store.values import listed

    if kind == "queries":
        _list_queries(fmt)
        return
    if sum([store_dir is not None, bool(data), bool(endpoint)]) > 1:
        _fail("give one of --store DIR, --data FILE... or --endpoint URL")
    try:
        found = listed(_target(store_dir, data, endpoint, None), kind)
        answer = _xlsx(found) if fmt == "xlsx" else render(found, fmt)
    except (QueryError, TargetError) as error:
        _fail(str(error))
    except ServerError as error:
        _fail(str(error), error.exit_code)
    _show(answer, fmt == "table", False)


def _list_queries(fmt: str) -> None:
    import csv
    import io

    from .queries import saved_queries
    from .table import table

    rows = [[q.name, q.summary, " ".join(p.name for p in q.parameters)]
            for q in saved_queries().values()]
    names = ["query", "what it answers", "parameters"]
    if fmt == "table":
        click.echo(table(names, rows), nl=False)
    elif fmt == "csv":
        out = io.StringIO()
        csv.writer(out).writerows([names, *rows])
        click.echo(out.getvalue(), nl=False)
    else:
        click.echo(json.dumps([dict(zip(names, row, strict=True)) for row in rows], indent=2))


@cli.command()
@store_option("The store to export.")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="OUT.trig or OUT.nq: every named graph of the store, under its name; "
                   "OUT.ttl, OUT.nt, OUT.jsonld or OUT.rdf: one merged graph.")
def export(store_dir: Path | None, output: Path) -> None:
    """Write the whole store (report graphs and shared graphs) to one file in the RDF
    syntax its suffix names, streamed from the store (no PDF is read again), byte for byte
    the same for the same contents."""
    from .store.export import DATASET_SUFFIXES, EXPORT_SUFFIXES
    from .store.export import export as write

    if output.suffix.lower() not in EXPORT_SUFFIXES:
        _fail(f"{output}: export writes {', '.join(EXPORT_SUFFIXES)} files")
    store = _open_store(store_dir, read_only=True)
    try:
        count = write(store, output)
    except OSError as error:
        _fail(f"{output}: cannot be written ({error.strerror or error})")
    del store  # closed before the exit
    kind = "quads" if output.suffix.lower() in DATASET_SUFFIXES else "triples"
    click.echo(f"{count} {kind} written to {output}", err=True)


@cli.command()
@store_option("The store to publish (the default target).")
@click.option("-d", "--data", "data", multiple=True, type=click.Path(path_type=Path),
              help="Publish RDF files instead (repeatable; folders are searched).")
@click.option("-e", "--endpoint", help="Publish what a SPARQL 1.1 endpoint holds instead.")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="The site's folder: new, empty, or a site this command wrote before "
                   "(replaced only when the new one is complete).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              help="--endpoint: seconds to wait for each answer [default: 60].")
def site(store_dir: Path | None, data: tuple[Path, ...], endpoint: str | None, output: Path,
         timeout: float | None) -> None:
    """Write a static site of the graph to the folder -o: the national picture, a page for
    every authority and every inspection, the ontology, and downloads (docs/site.md).

    Exit codes: 0 written; 2 nothing to publish, unreadable input, or the folder cannot be
    written; 3 the endpoint is down or too slow; 4 it answered with a refusal or an error.
    """
    from .publish.site import SiteError, build
    from .queries import QueryError
    from .store.server import ServerError
    from .store.targets import TargetError

    _refuse_unused(timeout is not None and not endpoint, "--timeout applies to --endpoint only")
    if sum([store_dir is not None, bool(data), bool(endpoint)]) > 1:
        _fail("give one of --store DIR, --data FILE... or --endpoint URL")
    try:
        pages = build(_target(store_dir, data, endpoint, timeout), output)
    except SiteError as error:
        _fail(str(error))
    except (QueryError, TargetError) as error:
        _fail(str(error))
    except ServerError as error:
        _fail(str(error), error.exit_code)
    except OSError as error:
        _fail(f"{output}: cannot be written ({error.strerror or error})")
    click.echo(f"{pages} pages written to {output}", err=True)


# --- SPARQL servers: load (Graph Store Protocol) -------------------------------------------

_SERVER_EXITS = """Exit codes: 0 done; 1 a source was refused (the rest were sent); 2 unusable
input or usage; 3 the server is down or did not answer within --timeout; 4 the server
answered with a refusal or an error (credentials, wrong path, not SPARQL)."""


@cli.command(epilog=_SERVER_EXITS)
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option("--graph-store", "graph_store", required=True, metavar="URL",
              help="The server's SPARQL 1.1 Graph Store endpoint, e.g. "
                   "http://localhost:7878/store (Oxigraph).")
@store_option("Without SOURCES, send every named graph of this store.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=60.0,
              show_default=True, help="Seconds to wait for each answer.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help="Reports read at once; 0 for one per processor.")
def load(sources: tuple[Path, ...], graph_store: str, store_dir: Path | None, timeout: float,
         jobs: int) -> None:
    """Send report graphs, and the shared authorities, vocabulary and history graphs, to a
    server: those of SOURCES, else every graph of the store.

    Each named graph is replaced (HTTP PUT), so loading twice leaves the same triples.
    Credentials come from OFSTED_KG_USER and OFSTED_KG_PASSWORD, or a netrc file, and go
    as HTTP Basic, or as Digest to a server that asks for it (Virtuoso's -auth endpoints).
    """
    import os

    from . import batch
    from .errors import InputError
    from .store.loadable import StoreFolderError, graphs_from_sources, graphs_from_store
    from .store.server import ServerError
    from .store.server import load as send

    if sources and store_dir:
        _fail("give either SOURCES (report files or folders) or --store DIR, not both")
    refused = []
    if not sources:
        from .store.embedded import store_location

        graphs = graphs_from_store(store_location(store_dir))
    else:
        files = batch.report_files(sources)
        if not files:
            _fail(f"{' '.join(map(shown, sources))}: no report files (.pdf, .md, .txt) found")

        def on_refused(error: InputError) -> None:
            refused.append(error)
            batch.say(f"Error: {error}")

        graphs = graphs_from_sources(files, jobs or os.cpu_count() or 1, on_refused)
    try:
        sent = send(graph_store, graphs, timeout)
    except ServerError as error:
        _fail(str(error), error.exit_code)
    except StoreFolderError as error:
        _fail(str(error))
    click.echo(f"{sent.graphs} graph{'s' if sent.graphs != 1 else ''} "
               f"({sent.triples} triples) sent to {_shown(graph_store)}", err=True)
    sys.exit(1 if refused else 0)


def _shown(url: str) -> str:
    from .store.credentials import without_userinfo

    return without_userinfo(url)


@cli.command()
@click.argument("official", type=click.Path(path_type=Path))
@store_option("The store whose inspections are compared.")
@click.option("-d", "--data", "data", multiple=True, type=click.Path(path_type=Path),
              help="An RDF file or folder to compare instead of the store (repeatable).")
def reconcile(official: Path, store_dir: Path | None, data: tuple[Path, ...]) -> None:
    """Compare the graph's inspections with Ofsted's official statistics (OFFICIAL.ods,
    "Local authority inspection outcomes"): exit 0 if every matched grade agrees, 1 if
    any differs, 2 if an input cannot be read."""
    from .errors import InputError
    from .reconcile import graph_inspections, lines, read_official
    from .reconcile import reconcile as match
    from .store.targets import TargetError, select

    if data and store_dir is not None:
        _fail("give either --store DIR or --data FILE..., not both")
    try:
        as_at, sheet = read_official(official)
        target = _target(store_dir, data, None, None)
        ours = graph_inspections(lambda query: select(target, query).dicts())
    except (InputError, TargetError) as error:
        _fail(str(error))
    outcome = match(sheet, as_at, ours)
    click.echo("\n".join(lines(outcome)))
    sys.exit(0 if outcome.agrees else 1)


from .fetch.command import fetch  # noqa: E402  (the fetch wing's command)

cli.add_command(fetch)


def main(argv: list[str] | None = None) -> None:
    """The command line, with the faults no command foresaw as one line each, never a
    traceback: output that cannot be written (a full disk, a read-only folder,
    ``/dev/full``) and a store the database library finds damaged; exit 2."""
    try:
        cli.main(args=argv, prog_name="ofsted-kg")
    except SystemExit as done:
        if workers_killed():
            done.__traceback__ = None  # its frames hold the store, which closes when freed
            _end_now(done.code)
        raise
    except Exception as error:
        stopped = stop_requested()
        if stopped is not None:  # a signal's exit, turned into an error on the way (stopping)
            error.__traceback__ = None
            if workers_killed():
                _end_now(stopped)
            sys.exit(stopped)
        if isinstance(error, OSError):
            _quiet_stdout()
            where = shown(error.filename) if error.filename else "standard output"
            _fail(f"{where}: cannot be written ({error.strerror or error})")
        if isinstance(error, RuntimeError):  # pyoxigraph: "Corruption: ...", "IO error: ..."
            _quiet_stdout()
            reason = " ".join(str(error).split())[:200]
            _fail(f"the store is damaged or cannot be read ({reason}): restore it from a "
                  "backup, or delete it and ingest the reports again")
        raise


def _end_now(code: object) -> None:
    """End a run whose workers were killed without Python's exit, which would join the
    pool's thread (see ``stopping``): its clean-up has run, the streams are flushed, the
    store is closed once nothing refers to it."""
    import gc
    import os

    gc.collect()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code if isinstance(code, int) else 0 if code is None else 1)


def _quiet_stdout() -> None:
    """Send what standard output still holds nowhere, so that Python's last flush at exit
    does not fail again with a second message."""
    import os

    try:
        sys.stdout.flush()
    except OSError:
        pass
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
