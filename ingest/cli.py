"""The ``ofsted-kg`` command line: a thin layer over the library.

Exit codes: 0 success; 1 the data does not conform, or a source was refused;
2 unusable input or usage (a file that cannot be read, an unknown query).
"""

import json
import sys
from pathlib import Path

import click

from .rdf.files import FORMATS, serialise, write_atomically


def _fail(message: str, code: int = 2) -> None:
    click.echo(f"Error: {message}", err=True)
    sys.exit(code)


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
@click.option("-o", "--output", type=click.Path(path_type=Path), default="-", show_default=True,
              help="A file (.ttl, .nt, .jsonld; .trig or .nq for one named graph per report), "
                   "a folder for one file per report, or - for standard output.")
@click.option("-f", "--format", "fmt", type=click.Choice(sorted(FORMATS)), default=None,
              help="RDF syntax of each graph [default: from the output's suffix, else turtle].")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help="Reports read at once; 0 for one per processor.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar [default: on a terminal].")
def ingest(sources: tuple[Path, ...], output: Path, fmt: str | None, jobs: int,
           progress: bool | None) -> None:
    """Read reports (PDF, markdown or text; folders are searched) and write their graphs.

    A file that cannot be ingested is reported on one line and the rest go on; the
    exit code is 1 if any was refused.
    """
    import os

    from . import batch

    files = batch.report_files(sources)
    if not files:
        _fail(f"{' '.join(map(str, sources))}: no report files (.pdf, .md, .txt) found")
    _exit_cleanly_on_sigterm()
    _lock_output(output)
    outcome = batch.read_all(
        files, jobs or os.cpu_count() or 1, progress,
        on_refused=lambda error: click.echo(f"Error: {error}", err=True),
    )
    try:
        written = _write(outcome.reports, output, fmt) if outcome.reports else None
    except OSError as error:
        _fail(f"{output}: cannot be written ({error.strerror or error})")
    if len(files) == 1:  # a refusal has said it all; a single success says where it went
        if written:
            click.echo(f"{files[0]}: {written}", err=True)
    else:
        click.echo("; ".join(filter(None, [outcome.summary(), written])), err=True)
    sys.exit(1 if outcome.refused else 0)


def _write(reports: list, output: Path, fmt: str | None) -> str:
    """Write the reports' graphs where ``output`` says; returns what was written."""
    from rdflib import Graph

    from . import batch
    from .rdf.files import DATASET_FORMATS, write_named_graphs
    from .rdf.identity import report_iri
    from .rdf.namespaces import bind_prefixes

    graphs = batch.report_graphs(reports)
    suffix = output.suffix.lower()
    if suffix in DATASET_FORMATS:
        named = ((report_iri(r.authority, r.end), g) for r, g in graphs)
        count = write_named_graphs(named, output, DATASET_FORMATS[suffix])
        return f"{count} named graphs written to {output}"
    if str(output) != "-" and (output.is_dir() or not suffix):
        fmt = fmt or "turtle"
        for report, graph in graphs:
            path = output / batch.file_name(report, _SUFFIXES[FORMATS[fmt]])
            write_atomically(path, serialise(graph, fmt))
        return f"{len(reports)} file{'s' if len(reports) != 1 else ''} written to {output}/"
    merged = bind_prefixes(Graph())
    for _, graph in graphs:
        merged += graph  # in place: one pass however many reports
    data = serialise(merged, fmt or _FORMAT_OF_SUFFIX.get(suffix, "turtle"))
    if str(output) == "-":
        sys.stdout.buffer.write(data)
        return "graph written to standard output"
    write_atomically(output, data)
    return f"{len(merged)} triples written to {output}"


def _exit_cleanly_on_sigterm() -> None:
    """SIGTERM and Ctrl-C end the run with no traceback: ``finally`` blocks run, so
    temporary files are removed and worker processes shut down (exit 128 + the signal:
    130 for SIGINT, 143 for SIGTERM)."""
    import signal

    def stop(signum, frame) -> None:
        signal.signal(signum, signal.SIG_IGN)  # once is enough
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)


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
@click.argument("graphs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json", "ttl"]), default="text",
              show_default=True, help="text for people; json or ttl (the SHACL report) for tools.")
def validate(graphs: tuple[Path, ...], fmt: str) -> None:
    """Check graphs against the shapes: exit 0 if they conform, 1 if not, 2 if unreadable."""
    from .rdf.files import GraphFileError, load_graphs
    from .validate import validate as check

    try:
        outcome = check(load_graphs(list(graphs)))
    except GraphFileError as error:
        _fail(str(error))
    if fmt == "ttl":
        click.echo(outcome.report.serialize(format="turtle"), nl=False)
    elif fmt == "json":
        problems = [vars(p) for p in outcome.problems]
        click.echo(json.dumps({"conforms": outcome.conforms, "results": problems}, indent=2))
    else:
        click.echo(_summary(outcome), nl=False)
    sys.exit(0 if outcome.conforms else 1)


def _summary(outcome) -> str:
    counts: dict[str, int] = {}
    for problem in outcome.problems:
        counts[problem.severity] = counts.get(problem.severity, 0) + 1
    tally = ", ".join(f"{n} {s.lower()}{'s' if n != 1 else ''}" for s, n in counts.items())
    lines = [f"{'Conforms' if outcome.conforms else 'Does not conform'}"
             + (f": {tally}" if tally else "")]
    for p in outcome.problems:
        where = f" {p.path}" if p.path else ""
        lines.append(f"  {p.severity}: {p.focus}{where}: {p.message}")
    return "\n".join(lines) + "\n"


@cli.command("queries")
def list_queries() -> None:
    """List the saved queries with their parameters."""
    from .queries import saved_queries

    for query in saved_queries().values():
        click.echo(f"{query.name}: {query.summary}")
        for p in query.parameters:
            need = "required" if p.required else "optional"
            click.echo(f"    --param {p.name}=<{p.kind}> ({need}) {p.description}".rstrip())


@cli.command()
@click.argument("name")
@click.option("-d", "--data", "data", multiple=True, type=click.Path(path_type=Path),
              help="An RDF file to query (repeatable).")
@click.option("-e", "--endpoint", help="A SPARQL 1.1 endpoint URL to query instead of files.")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter of the query (repeatable).")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "json"]),
              default="table", show_default=True,
              help="table for people; csv or json in the W3C SPARQL 1.1 results formats.")
def query(name: str, data: tuple[Path, ...], endpoint: str | None, params: tuple[str, ...],
          fmt: str) -> None:
    """Run the saved query NAME on --data files or an --endpoint."""
    from .queries import QueryError, get_query, render, run_local, run_remote
    from .rdf.files import GraphFileError, load_graphs
    from .rdf.vocabulary import vocabulary

    if bool(data) == bool(endpoint):
        _fail("give either --data FILE (one or more) or --endpoint URL")
    values = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key:
            _fail(f"--param {item!r} is not NAME=VALUE")
        values[key] = value
    try:
        saved = get_query(name)
        if endpoint:
            result = run_remote(saved, endpoint, values)
        else:
            graph = load_graphs(list(data))
            graph += vocabulary()
            result = run_local(saved, graph, values)
    except (QueryError, GraphFileError) as error:
        _fail(str(error))
    except OSError as error:
        _fail(f"{endpoint}: the endpoint did not answer ({error})")
    # Bytes, not text: the W3C CSV format ends its lines with CRLF, kept as written.
    sys.stdout.buffer.write(render(result, fmt).encode("utf-8"))
    sys.stdout.flush()


@cli.command()
@click.argument("official", type=click.Path(path_type=Path))
@click.option("-d", "--data", "data", multiple=True, required=True,
              type=click.Path(path_type=Path), help="An RDF file or folder (repeatable).")
def reconcile(official: Path, data: tuple[Path, ...]) -> None:
    """Compare the graph's inspections with Ofsted's official statistics (OFFICIAL.ods,
    "Local authority inspection outcomes"): exit 0 if every matched grade agrees, 1 if
    any differs, 2 if an input cannot be read."""
    from .errors import InputError
    from .rdf.files import GraphFileError
    from .reconcile import graph_inspections, lines, rdflib_select, read_official
    from .reconcile import reconcile as match

    try:
        as_at, sheet = read_official(official)
        ours = graph_inspections(rdflib_select(list(data)))
    except (InputError, GraphFileError) as error:
        _fail(str(error))
    outcome = match(sheet, as_at, ours)
    click.echo("\n".join(lines(outcome)))
    sys.exit(0 if outcome.agrees else 1)


def main(argv: list[str] | None = None) -> None:
    cli.main(args=argv, prog_name="ofsted-kg")
