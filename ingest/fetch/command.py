"""The ``fetch`` command's options; the work is done by ``run`` (imported when it runs,
so that ``ofsted-kg --help`` does not load the HTTP client)."""

import sys
from datetime import datetime
from pathlib import Path

import click

from ..stopping import stop_on_signals

_EXITS = """Exit codes: 0 done; 1 a provider page or file could not be fetched or was not a
PDF (one line each; the rest went on), or --ingest refused a file; 2 usage, an unreadable
--from-list, or a download folder that cannot be written; 3 the site's listing could not
be fetched (down, too slow, or an error); 4 the site's pages no longer match what
ofsted-kg reads (ingest/fetch/site.py); 130 Ctrl-C; 143 SIGTERM. See docs/fetch.md."""


@click.command("fetch", epilog=_EXITS)
@click.option("-a", "--authority", "authorities", multiple=True, metavar="NAME",
              help="Only this authority: its name, Ofsted URN, LA code or ONS code "
                   "(repeatable) [default: every provider].")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Only publications the site lists as published on or after this day.")
@click.option("--kinds", multiple=True, metavar="KINDS", default=("inspections",),
              show_default=True,
              help="inspections (the reports ingest reads), all, or a type as the site "
                   "lists it, e.g. \"Children's services focused visit\" (repeatable).")
@click.option("--to", "folder", type=click.Path(path_type=Path), default=None,
              help="The download folder [default: $OFSTED_KG_REPORTS, else the user's data "
                   "folder, ofsted-kg/reports].")
@click.option("--from-list", "from_list", type=click.Path(path_type=Path), default=None,
              metavar="FILE", help="Fetch the file URLs a CSV lists (columns file_url, "
              "provider_urn; optional provider_page, listed_as, published_as_listed) "
              "instead of reading the site's pages.")
@click.option("-n", "--dry-run", is_flag=True, help="List what would be fetched; fetch nothing.")
@click.option("--ingest", "then_ingest", is_flag=True,
              help="Ingest the files this run fetched into the store.")
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=None,
              help="--ingest: the store [default: as for ingest].")
@click.option("--site", default=None, metavar="URL",
              help="The report site's address [default: https://reports.ofsted.gov.uk].")
@click.option("--delay", type=click.FloatRange(min=0), default=None,
              help="Seconds between requests [default: 1].")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Seconds for a whole request, body included [default: 60].")
@click.option("--retries", type=click.IntRange(min=0), default=None,
              help="Tries again after a timeout, 429 or 5xx [default: 4].")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar [default: on a terminal].")
@click.pass_context
def fetch(ctx: click.Context, authorities: tuple[str, ...], since: datetime | None,
          kinds: tuple[str, ...], folder: Path | None, from_list: Path | None, dry_run: bool,
          then_ingest: bool, store_dir: Path | None, site: str | None, delay: float | None,
          timeout: float | None, retries: int | None, progress: bool | None) -> None:
    """Download the reports of every local authority's children's services from Ofsted's
    report site (or a replica, --site) that are not yet held, into a download folder laid
    out like the corpus (<urn>-<name>/<publication date>.pdf) with a manifest recording
    where each came from; `ofsted-kg ingest FOLDER` then records each report's URL."""
    from . import client as http
    from . import run
    from . import site as pages

    if dry_run and then_ingest:
        _fail("--dry-run fetches nothing for --ingest to read; give one of them")
    if store_dir is not None and not then_ingest:
        _fail("--store applies to --ingest")
    target = folder or download_folder()
    plan = run.Run(target, run.Choice(authorities, since.date() if since else None, kinds),
                   site or pages.DEFAULT_SITE, from_list, dry_run)
    stop_on_signals()
    with http.Client(http.DEFAULT_DELAY if delay is None else delay,
                     timeout or http.DEFAULT_TIMEOUT,
                     http.DEFAULT_RETRIES if retries is None else retries) as client:
        try:
            summary = run.run(client, plan, _say, _progress_bar(progress))
        except run.FetchStop as stop:
            click.echo(stop.message, err=True)
            sys.exit(stop.code)
    for publication, path in summary.planned:
        listed = publication.listed.isoformat() if publication.listed else "no date"
        click.echo(f"{publication.url}\t{path}\t{publication.kind or '?'}\t{listed}")
    for kind in run.unmatched_kinds(plan.choice, summary.seen):
        listed = ", ".join(sorted(k for k in summary.seen if k)) or "none"
        click.echo(f"Note: --kinds {kind!r} names no type the pages list (they list: "
                   f"{listed})", err=True)
    click.echo(f"{summary.text(dry_run)}; download folder {target}", err=True)
    code = summary.exit_code
    if then_ingest and summary.fetched:
        code = max(code, _ingest(ctx, summary.fetched, store_dir))
    sys.exit(code)


def download_folder() -> Path:
    import os

    if os.environ.get("OFSTED_KG_REPORTS"):
        return Path(os.environ["OFSTED_KG_REPORTS"])
    from platformdirs import user_data_dir

    return Path(user_data_dir("ofsted-kg")) / "reports"


def _ingest(ctx: click.Context, files: list[Path], store_dir: Path | None) -> int:
    """The new files through the ingest command, as `ofsted-kg ingest FILES` would."""
    assert ctx.parent is not None
    group = ctx.parent.command
    assert isinstance(group, click.Group)
    command = group.get_command(ctx.parent, "ingest")
    assert command is not None
    try:
        ctx.invoke(command, sources=tuple(files), store_dir=store_dir, output=None, fmt=None,
                   jobs=1, progress=False)
    except SystemExit as end:
        return end.code if isinstance(end.code, int) else 1
    return 0


def _say(line: str) -> None:
    click.echo(line, err=True)


def _fail(message: str) -> None:
    click.echo(f"Error: {message}", err=True)
    sys.exit(2)


def _progress_bar(enabled: bool | None):  # noqa: ANN202
    if enabled is False or (enabled is None and not sys.stderr.isatty()):
        return lambda items: items

    def bar(items):  # noqa: ANN001, ANN202
        from tqdm import tqdm

        return tqdm(items, unit="provider", file=sys.stderr)

    return bar


