"""Many reports at once: read them in parallel, then build each report's graph.

Reading (PDF text, parsing, linking) is the slow part and runs in worker processes;
graphs are built in this process. A report's graph never depends on another report's:
where reports go (the store's named graphs, the shared graphs, the derived history) is
``ingest.store``'s business.
"""

import sys
from collections import Counter, deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sized
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TypeVar

from rdflib import Graph

from .errors import InputError, NotAReport, shown
from .model import Report
from .pipeline import read_report
from .rdf.graph import authority_graph, report_graph
from .rdf.identity import authority_key

T = TypeVar("T")
R = TypeVar("R")

REPORT_SUFFIXES = {".pdf", ".md", ".markdown", ".txt"}


def report_files(sources: Iterable[Path]) -> list[Path]:
    """The report files named, and those in folders named (at any depth), in order."""
    files: list[Path] = []
    for source in sources:
        if _is_dir(source):
            files += sorted(
                p for p in source.rglob("*")
                if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES
                and not p.name.startswith(".")
            )
        else:
            files.append(source)
    return files


def _is_dir(path: Path) -> bool:
    """Whether ``path`` is a folder; one that cannot be looked at (a parent folder without
    permission) is taken as a file, which is then refused on its own with the reason."""
    try:
        return path.is_dir()
    except OSError:
        return False


@dataclass
class Outcome:
    """What happened to each file of a batch."""

    reports: list[Report] = field(default_factory=list)  # kept only when writing files
    refused: list[InputError] = field(default_factory=list)
    set_aside: int = 0  # inputs that were the same report as another input
    frameworks: Counter[str] = field(default_factory=Counter)  # reports ingested, by framework
    unresolved: set[str] = field(default_factory=set)  # authority names the table lacks

    def count(self, report: Report) -> None:
        """Note an ingested report for the summary (all the summary keeps of it)."""
        self.frameworks[report.framework] += 1
        if report.authority_ref is not None and report.authority_ref.urn is None:
            self.unresolved.add(report.authority_ref.printed)

    @property
    def skipped(self) -> int:
        """Files that are not reports (an HTML page, an empty file...), among the refused."""
        return sum(isinstance(error, NotAReport) for error in self.refused)

    def failed(self, strict: bool = False) -> bool:
        """Whether a report could not be read, or no file was a report (with ``strict``,
        whether any file was refused)."""
        ingested = sum(self.frameworks.values()) + self.set_aside
        return len(self.refused) > (0 if strict or not ingested else self.skipped)

    def summary(self) -> str:
        ingested = sum(self.frameworks.values())
        kinds = ", ".join(f"{key} {count}" for key, count in sorted(self.frameworks.items()))
        total = ingested + len(self.refused) + self.set_aside
        return (
            f"{total} file{'s' if total != 1 else ''}: {ingested} ingested"
            + (f" ({kinds})" if kinds else "")
            + (f", {self.set_aside} the same report as another" if self.set_aside else "")
            + (f", {self.skipped} not a report (skipped)" if self.skipped else "")
            + f", {len(self.refused) - self.skipped} refused"
            + self._unresolved()
        )

    def _unresolved(self) -> str:
        """Authorities the reference table does not know: keyed by name, and said so."""
        names = sorted(self.unresolved)
        if not names:
            return ""
        return f"; {len(names)} with an authority not in the reference table ({', '.join(names)})"


def _read(path: Path, reader: Callable[[Path], T]) -> T | InputError:
    try:
        return reader(path)
    except InputError as error:
        return error
    except Exception as error:  # a bug must not stop the batch; it is reported per file
        from .stopping import stop_requested

        stopped = stop_requested()
        if stopped is not None:  # Ctrl-C or SIGTERM, turned into this error (see stopping)
            raise SystemExit(stopped) from None
        return InputError(shown(path), f"could not be read ({type(error).__name__}: {error})")


def read_all(
    files: list[Path], jobs: int = 1, progress: bool | None = None,
    on_refused: Callable[[InputError], None] = lambda error: None,
) -> Outcome:
    """Read every file, ``jobs`` at a time, and keep the reports; a refused file is passed
    to ``on_refused`` as soon as it is known, and the rest go on."""
    outcome = Outcome()
    outcome.reports = list(read_each(files, outcome, read_report, jobs, progress, on_refused))
    for report in outcome.reports:
        outcome.count(report)
    return outcome


def read_each(
    files: list[Path], outcome: Outcome, reader: Callable[[Path], T], jobs: int = 1,
    progress: bool | None = None, on_refused: Callable[[InputError], None] = lambda error: None,
) -> Generator[T, None, None]:
    """Each report as soon as ``reader`` has read it (in the order of ``files``), so a
    caller can stream them; refusals are added to ``outcome`` and passed to
    ``on_refused``. ``reader`` runs in the workers: a top-level function."""
    for result in _progress(_results(files, jobs, reader), len(files), progress):
        if isinstance(result, InputError):
            outcome.refused.append(result)
            on_refused(result)
        else:
            yield result


def _results(files: list[Path], jobs: int, reader: Callable[[Path], T]) -> Iterator[T | InputError]:
    if jobs > 1 and len(files) > 1:
        from .pipeline import warm_up

        warm_up()  # before the workers start: each is forked with it done
    return in_workers(partial(_read, reader=reader), files, jobs)


def in_workers(function: Callable[[T], R], items: Iterable[T], jobs: int) -> Iterator[R]:
    """``function`` of each item, in order, ``jobs`` at a time in worker processes that
    end with this one (in this process when ``jobs`` is 1). Items are taken a few at a time
    ahead of the results, so a generator's items are made while the workers work.

    However the run ends early (Ctrl-C, SIGTERM raising SystemExit, the caller stopping),
    the workers are killed at once, before anything is waited for: a worker may be stuck
    in a read (a named pipe), and no pending work is cancelled, which in Python 3.11 can
    leave the pool's own thread dead with ``InvalidStateError`` and the exit hanging."""
    size = len(items) if isinstance(items, Sized) else jobs
    if jobs <= 1 or size <= 1:
        yield from map(function, items)
        return
    pool = ProcessPoolExecutor(min(jobs, size), initializer=end_with_parent)
    pending: deque[Future[R]] = deque()
    try:
        for item in items:
            pending.append(pool.submit(function, item))
            if len(pending) >= 4 * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    except BaseException:  # SIGINT, SIGTERM (SystemExit), the reader stopped, a worker died
        _kill_workers(pool)
        pool.shutdown(wait=False)  # its thread may wait for a result cut short: never join it
        raise
    pool.shutdown(wait=True)  # quick: every worker has nothing left to do


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    import os
    import signal

    from .stopping import mark_killed

    mark_killed()
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        if process.pid is not None:
            try:
                os.kill(process.pid, signal.SIGKILL)
            except OSError:
                pass  # it has ended already


def end_with_parent() -> None:
    """In a worker: end when the parent process ends, however it ends (Linux asks the
    kernel for SIGKILL, which nothing can catch; elsewhere a thread watches the parent's
    process id). The parent's handlers are undone: Ctrl-C is the parent's to handle, and
    SIGTERM ends a worker at once (the parent's handler would raise SystemExit in the task
    and the worker would go on with the next)."""
    import os
    import signal
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    parent = os.getppid()
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        if libc.prctl(1, signal.SIGKILL) == 0:  # PR_SET_PDEATHSIG
            if os.getppid() != parent:  # the parent ended before prctl took effect
                os._exit(1)
            return
    except (OSError, AttributeError):
        pass

    def watch() -> None:
        import time

        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


MOST_JOBS = 8  # beyond this, the one process writing the store is the bottleneck


def default_jobs() -> int:
    """Readers at once by default: one per processor this process may use, at most
    ``MOST_JOBS``."""
    import os

    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        usable = os.cpu_count() or 1
    return max(1, min(usable, MOST_JOBS))


_BARS: list = []  # the progress bars showing now


def _progress(items: Iterator, total: int, enabled: bool | None,
              unit: str = "report") -> Iterator:
    """A progress bar on standard error, shown only on a terminal unless asked for;
    ``say`` prints above it while it shows."""
    if enabled is False or (enabled is None and not sys.stderr.isatty()):
        yield from items
        return
    from tqdm import tqdm

    bar = tqdm(items, total=total, unit=unit, file=sys.stderr, leave=False)
    _BARS.append(bar)
    try:
        yield from bar
    finally:
        _BARS.remove(bar)
        bar.close()


def progress(items: Iterator, total: int, enabled: bool | None, unit: str) -> Iterator:
    """``items`` with a progress bar on standard error (on a terminal unless ``enabled``
    says otherwise)."""
    return _progress(items, total, enabled, unit)


def say(line: str) -> None:
    """One line on standard error, whole, above the progress bar if one is showing (never
    split by it, and no stale bar left above it)."""
    if _BARS:
        from tqdm import tqdm

        tqdm.write(line, file=sys.stderr)
    else:
        print(line, file=sys.stderr, flush=True)


def report_graphs(reports: list[Report]) -> Iterator[tuple[Report, Graph]]:
    """Each report's graph with its authority's own facts (a graph that stands alone, for
    a file of its own), in a fixed order."""
    for report in sorted(reports, key=_order):
        yield report, authority_graph(report, report_graph(report))


def _order(report: Report) -> tuple:
    return (authority_key(report.identity), report.end, report.source.sha256)


def file_name(report: Report, suffix: str) -> str:
    """A report's own file in an output folder: ``<authority key>-<last day>.<suffix>``."""
    return f"{authority_key(report.identity)}-{report.end.isoformat()}.{suffix}"
