"""The manifest of a download folder: one row for each file held, in ``manifest.csv``.

Columns: ``path`` (relative to the folder, ``<urn>-<name>/<publication date>.pdf``),
``file_url``, ``provider_urn``, ``authority``, ``provider_page``, ``kind`` and
``published_as_listed`` (the type and publication date the site lists), ``listed_as``
(the link's text as written), ``sha256``, ``bytes``, ``etag``, ``last_modified`` (the
HTTP validators the server sent) and ``fetched`` (UTC, ISO 8601). A publication is keyed
by its file URL (the pair of provider URN and file id: an amended report gets a new id).
The file is rewritten whole, atomically, after each download, rows in path order, so an
interrupted run leaves the manifest of every file completely downloaded.

``listing_of`` is how ``ingest`` finds where a file was published: the manifest of the
folder two levels up (or one) that holds a row with the file's path and sha256.
"""

import csv
import io
import os
from dataclasses import asdict, dataclass, fields
from functools import lru_cache
from pathlib import Path

NAME = "manifest.csv"


@dataclass(frozen=True)
class Entry:
    path: str
    file_url: str
    provider_urn: str
    authority: str
    provider_page: str
    kind: str
    published_as_listed: str  # ISO date, or empty when the listing gave none
    listed_as: str
    sha256: str
    bytes: int
    etag: str
    last_modified: str
    fetched: str


COLUMNS = tuple(f.name for f in fields(Entry))


class ManifestError(Exception):
    """A manifest that cannot be read or written; the message names it."""


class Manifest:
    """The rows of one download folder's manifest, by file URL."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / NAME
        self.entries: dict[str, Entry] = {e.file_url: e for e in read(self.path)}

    def held(self, url: str) -> Entry | None:
        """The row of ``url`` if its file is in the folder with the bytes recorded (the
        size is compared: reading every file's bytes again on each run is not needed)."""
        entry = self.entries.get(url)
        if entry is None:
            return None
        file = self.folder / entry.path
        try:
            return entry if file.stat().st_size == entry.bytes else None
        except OSError:
            return None

    def paths(self) -> set[str]:
        return {entry.path for entry in self.entries.values()}

    def record(self, entry: Entry) -> None:
        self.entries[entry.file_url] = entry
        self.save()

    def save(self) -> None:
        text = io.StringIO()
        writer = csv.DictWriter(text, COLUMNS, lineterminator="\n")
        writer.writeheader()
        for entry in sorted(self.entries.values(), key=lambda e: (e.path, e.file_url)):
            writer.writerow(asdict(entry))
        partial = self.path.with_name(f".{NAME}.part")
        try:
            partial.write_text(text.getvalue(), encoding="utf-8")
            os.replace(partial, self.path)
        finally:
            partial.unlink(missing_ok=True)


def read(path: Path) -> list[Entry]:
    """The rows of the manifest at ``path`` (none if there is no file)."""
    try:
        with path.open(encoding="utf-8", newline="") as stream:
            rows = list(csv.DictReader(stream))
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise ManifestError(f"{path}: cannot be read ({error})") from None
    try:
        return [_entry(row) for row in rows]
    except (KeyError, ValueError, TypeError) as error:
        raise ManifestError(f"{path}: is not a manifest of ofsted-kg fetch ({error})") from None


def _entry(row: dict[str, str]) -> Entry:
    values: dict = {column: row[column] or "" for column in COLUMNS}
    values["bytes"] = int(values["bytes"])
    return Entry(**values)


def listing_of(file: Path, sha256: str) -> Entry | None:
    """Where ``file`` was published, from the manifest of the download folder holding it
    (its parent's parent, or its parent), matched by relative path and sha256; None for a
    file no manifest records (or whose bytes differ from those downloaded)."""
    file = file.resolve()
    for folder in (file.parent.parent, file.parent):
        manifest = folder / NAME
        try:
            stamp = manifest.stat().st_mtime_ns
        except OSError:
            continue
        found = _by_path(str(manifest), stamp).get(file.relative_to(folder).as_posix())
        if found is not None and found.sha256 == sha256:
            return found
    return None


@lru_cache(maxsize=8)
def _by_path(manifest: str, stamp: int) -> dict[str, Entry]:
    try:
        return {entry.path: entry for entry in read(Path(manifest))}
    except ManifestError:
        return {}  # ingest goes on without provenance; fetch reports the manifest itself
