"""``ofsted-kg fetch``: every publication of the chosen kinds that is not yet held, from the
report site's pages (or from a list of file URLs), into a download folder laid out like
the corpus (``<urn>-<name>/<publication date>.pdf``), with its manifest.

Exit codes (``Summary.exit_code``): 0 every provider read and every file held; 1 a
provider page or a file could not be fetched, or a file was not a PDF (one line each; the
rest went on); 2 usage (an unknown authority, an unreadable list) or a download folder
that cannot be written; 3 the listing could not be fetched (the site is down, too slow or
answered an error); 4 the site's pages no longer match ``site`` (nothing can be trusted).
"""

import csv
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from ..authorities import by_urn, lookup, normalise, slug
from . import site
from .client import Client, FetchError
from .manifest import Entry, Manifest
from .site import Provider, Publication, SiteChanged

EXIT_FAILED, EXIT_USAGE, EXIT_UNREACHABLE, EXIT_SITE_CHANGED = 1, 2, 3, 4
MAX_LISTING_PAGES = 20


class FetchStop(Exception):
    """The run cannot go on; ``code`` is its exit code, the message names what and where."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message, code)
        self.message = message
        self.code = code

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Choice:
    """Which publications a run wants."""

    authorities: tuple[str, ...] = ()  # names or codes; none: every provider
    since: date | None = None  # listed on or after
    kinds: tuple[str, ...] = ("inspections",)  # "inspections", "all", or types as listed

    def wants(self, publication: Publication) -> bool:
        if self.since and publication.listed and publication.listed < self.since:
            return False
        if not publication.kind:  # a list that gives no type: ingest will tell
            return True
        return any(_kind_matches(kind, publication.kind) for kind in self.kinds)


def _kind_matches(wanted: str, kind: str) -> bool:
    if wanted == "all":
        return True
    if wanted == "inspections":
        return site.readable(kind)
    return kind.strip().lower().startswith(wanted.strip().lower())


@dataclass
class Summary:
    providers: int = 0
    new: Counter[str] = field(default_factory=Counter)  # by kind
    unchanged: Counter[str] = field(default_factory=Counter)
    failed: Counter[str] = field(default_factory=Counter)
    changed: bool = False  # a page no longer matched the site module
    fetched: list[Path] = field(default_factory=list)  # new files, in order
    planned: list[tuple[Publication, str]] = field(default_factory=list)  # --dry-run
    seen: Counter[str] = field(default_factory=Counter)  # every type listed, wanted or not

    @property
    def exit_code(self) -> int:
        return EXIT_SITE_CHANGED if self.changed else EXIT_FAILED if self.failed else 0

    def text(self, dry_run: bool) -> str:
        def tally(counts: Counter[str], word: str) -> str:
            kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(counts.items()))
            return f"{sum(counts.values())} {word}" + (f" ({kinds})" if kinds else "")

        new = f"{len(self.planned)} to fetch" if dry_run else tally(self.new, "new")
        return (f"{self.providers} provider{'s' if self.providers != 1 else ''} read: {new}, "
                f"{tally(self.unchanged, 'unchanged')}, {tally(self.failed, 'failed')}")


Say = Callable[[str], None]


def fetch(client: Client, folder: Path, choice: Choice, publications: Iterable[Publication],
          summary: Summary, dry_run: bool, say: Say) -> None:
    """Download each wanted publication not yet held into ``folder``; record each in the
    manifest as soon as it is whole."""
    manifest = Manifest(folder)
    for publication in publications:
        summary.seen[publication.kind] += 1
        if not choice.wants(publication):
            continue
        if manifest.held(publication.url):
            summary.unchanged[publication.kind] += 1
            continue
        path = _path_for(publication, manifest, summary)
        if dry_run:
            summary.planned.append((publication, path))
            continue
        try:
            got = client.download(publication.url, folder / path)
        except FetchError as error:
            summary.failed[publication.kind] += 1
            say(f"Error: {error}")
            continue
        except OSError as error:
            raise FetchStop(f"Error: {folder / path}: cannot be written "
                            f"({error.strerror or error})", EXIT_USAGE) from None
        _record(manifest, Entry(
            path, publication.url, publication.provider.urn, publication.provider.name,
            publication.provider.page, publication.kind,
            publication.listed.isoformat() if publication.listed else "", publication.listed_as,
            got.sha256, got.size, got.etag or "", got.last_modified or "",
            datetime.now(timezone.utc).replace(microsecond=0).isoformat()))
        summary.new[publication.kind] += 1
        summary.fetched.append(folder / path)


def unmatched_kinds(choice: Choice, seen: Iterable[str]) -> list[str]:
    """The --kinds values that name no type the pages listed (a typo is said, not a
    silent "0 new")."""
    kinds = [kind for kind in seen if kind]
    return [wanted for wanted in choice.kinds if wanted not in ("inspections", "all")
            and not any(_kind_matches(wanted, kind) for kind in kinds)]


def _record(manifest: Manifest, entry: Entry) -> None:
    try:
        manifest.record(entry)
    except OSError as error:
        raise FetchStop(f"Error: {manifest.path}: cannot be written "
                        f"({error.strerror or error})", EXIT_USAGE) from None


def _path_for(publication: Publication, manifest: Manifest, summary: Summary) -> str:
    """``<urn>-<name>/<date>.pdf``; a second publication the same day (or one with no
    date) is named by its file id as well, so both are kept."""
    held = manifest.entries.get(publication.url)
    if held is not None:  # held before, since deleted or cut: fetched again in its place
        return held.path
    provider = publication.provider
    known = by_urn(provider.urn)
    folder = f"{provider.urn}-{slug(known.name if known else provider.name)}"
    taken = manifest.paths() | {path for _, path in summary.planned}
    if publication.listed is None:
        return f"{folder}/{publication.file_id}.pdf"
    path = f"{folder}/{publication.listed.isoformat()}.pdf"
    if path in taken or (manifest.folder / path).exists():
        path = f"{folder}/{publication.listed.isoformat()}-{publication.file_id}.pdf"
    return path


# The site's pages.


def site_providers(client: Client, base: str) -> list[Provider]:
    """Every provider of the listing, page by page. Raises FetchStop when the listing
    cannot be fetched (3) or shows no providers (4)."""
    found: dict[str, Provider] = {}
    for page in range(MAX_LISTING_PAGES):
        url = site.listing_url(base, page * site.ROWS)
        try:
            html = client.text(url)
        except FetchError as error:
            raise FetchStop(f"Error: {error}", EXIT_UNREACHABLE) from None
        listed = site.providers(html, url)
        if not listed and not found:
            raise FetchStop(f"Error: {SiteChanged(url, 'the listing shows no providers')}",
                            EXIT_SITE_CHANGED)
        fresh = [p for p in listed if p.urn not in found]
        found.update((p.urn, p) for p in fresh)
        if len(listed) < site.ROWS or not fresh:
            break
    return list(found.values())


def site_publications(client: Client, providers: list[Provider], summary: Summary,
                      say: Say, progress: Callable[[Iterable[Provider]], Iterable[Provider]]
                      ) -> Iterator[Publication]:
    """Each provider page's publications; a page that cannot be fetched or no longer
    matches is said on one line, and the others go on."""
    for provider in progress(providers):
        try:
            publications = site.publications(client.text(provider.page), provider)
        except FetchError as error:
            summary.failed["provider page"] += 1
            say(f"Error: {error}")
            continue
        except SiteChanged as error:
            summary.changed = True
            summary.failed["provider page"] += 1
            say(f"Error: {error}")
            continue
        summary.providers += 1
        yield from publications


def chosen(providers: list[Provider], names: tuple[str, ...]) -> list[Provider]:
    """The providers ``names`` name (each must name one), or all when none is given."""
    if not names:
        return providers
    picked: dict[str, Provider] = {}
    for name in names:
        matches = [p for p in providers if _names(name, p)]
        if not matches:
            raise FetchStop(f"Error: --authority {name!r}: no such provider among the "
                            f"{len(providers)} listed; give its name, Ofsted URN, LA code "
                            "or ONS code", EXIT_USAGE)
        picked.update((p.urn, p) for p in matches)
    return [p for p in providers if p.urn in picked]


def _names(value: str, provider: Provider) -> bool:
    if value.strip() == provider.urn or normalise(value) == normalise(provider.name):
        return True
    known = lookup(value) or _by_code(value)
    return known is not None and known.urn == provider.urn


def _by_code(value: str):  # noqa: ANN202
    from ..authorities import authorities

    wanted = value.strip().upper()
    return next((a for a in authorities()
                 if wanted in (a.urn, a.la_code, (a.ons_code or "").upper())), None)


# A list of file URLs instead of the site's pages.


def listed_publications(path: Path, base: str) -> list[Publication]:
    """The publications a CSV names: columns ``file_url`` and ``provider_urn`` (required),
    ``provider_page``, ``listed_as`` ("<type> - <day month year>", as the site or a
    scraper wrote it) and ``published_as_listed`` (optional)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            rows = list(csv.DictReader(stream))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise FetchStop(f"Error: {path}: cannot be read ({error})", EXIT_USAGE) from None
    publications = []
    for number, row in enumerate(rows, start=2):
        url, urn = (row.get("file_url") or "").strip(), (row.get("provider_urn") or "").strip()
        if not url or not urn:
            raise FetchStop(f"Error: {path}, line {number}: needs a file_url and a "
                            "provider_urn", EXIT_USAGE)
        publications.append(_publication(row, url, urn, base))
    return publications


def _publication(row: dict[str, str], url: str, urn: str, base: str) -> Publication:
    known = by_urn(urn)
    page = (row.get("provider_page") or "").strip() or site.provider_url(base, urn)
    provider = Provider(urn, known.name if known else urn, page)
    listed_as = " ".join((row.get("listed_as") or "").split())
    kind, when = site.parse_listed(listed_as) or ("", None)
    given = (row.get("published_as_listed") or "").strip()
    if given:
        try:
            when = date.fromisoformat(given)
        except ValueError:
            pass
    return Publication(provider, url, kind, when, listed_as)


# The whole run.


@dataclass(frozen=True)
class Run:
    folder: Path
    choice: Choice
    site: str = site.DEFAULT_SITE
    from_list: Path | None = None
    dry_run: bool = False


def run(client: Client, plan: Run, say: Say,
        progress: Callable[[Iterable[Provider]], Iterable[Provider]] = lambda items: items
        ) -> Summary:
    """Fetch what ``plan`` asks; raises FetchStop when the run cannot go on."""
    if plan.dry_run:
        return _run(client, plan, say, progress)
    with _writable(plan.folder):
        return _run(client, plan, say, progress)


def _run(client: Client, plan: Run, say: Say,
         progress: Callable[[Iterable[Provider]], Iterable[Provider]]) -> Summary:
    summary = Summary()
    if plan.from_list is not None:
        listed = listed_publications(plan.from_list, plan.site)
        wanted = {p.urn for p in chosen(_providers_of(listed), plan.choice.authorities)}
        publications: Iterable[Publication] = [p for p in listed if p.provider.urn in wanted]
        summary.providers = len(wanted)
    else:
        providers = chosen(site_providers(client, plan.site), plan.choice.authorities)
        publications = site_publications(client, providers, summary, say, progress)
    fetch(client, plan.folder, plan.choice, publications, summary, plan.dry_run, say)
    return summary


def _providers_of(publications: list[Publication]) -> list[Provider]:
    return list({p.provider.urn: p.provider for p in publications}.values())


@contextmanager
def _writable(folder: Path) -> Iterator[None]:
    """The download folder exists, can be written, and no other fetch is writing it."""
    import fcntl

    lock = folder / ".fetch.lock"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = open(lock, "a")
    except OSError as error:
        raise FetchStop(f"Error: {folder}: the download folder cannot be written "
                        f"({error.strerror or error})", EXIT_USAGE) from None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise FetchStop(f"Error: {folder}: another ofsted-kg fetch is writing it; wait for "
                        "it to end", EXIT_USAGE) from None
    try:
        yield
    finally:
        handle.close()  # releases the lock
