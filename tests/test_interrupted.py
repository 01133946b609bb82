"""An ingest interrupted at any moment (SIGTERM, Ctrl-C, SIGKILL) leaves every report
graph whole, the old or the new version, and a store the integrity check passes; a
store damaged by hand does not conform."""

import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from ingest.store.integrity import of_ntriples, problems, usable_problem
from ingest.store.names import is_shared

DATA = Path(__file__).resolve().parent / "data"
SIGNALS = [signal.SIGTERM, signal.SIGINT, signal.SIGKILL]


def ingest_command(store: Path, sources: list[Path], jobs: int) -> list[str]:
    return [sys.executable, "-m", "ingest", "ingest", *map(str, sources), "--store", str(store),
            "-j", str(jobs), "--no-progress"]


def digests(store: Path) -> dict[str, str]:
    """Each report graph's digest, read from the store's contents (not its records)."""
    opened = ox.Store.read_only(str(store))
    names = sorted(g.value for g in opened.named_graphs() if not is_shared(g.value))
    return {name: of_ntriples(opened.dump(format=ox.RdfFormat.N_TRIPLES,
                                          from_graph=ox.NamedNode(name)) or b"").digest
            for name in names}


def timed_run(store: Path, sources: list[Path], jobs: int) -> float:
    started = time.monotonic()
    done = subprocess.run(ingest_command(store, sources, jobs), capture_output=True, text=True,
                          timeout=1200)
    assert done.returncode in (0, 1), done.stderr
    return time.monotonic() - started


def interrupt(complete: Path, sources: list[Path], jobs: int, duration: float, seed: int,
              work: Path) -> Path:
    """Copy the complete store, re-ingest ``sources`` into the copy and interrupt it at a
    random moment of the run (seeded); returns the copy."""
    chance = random.Random(seed)
    signum = SIGNALS[seed % len(SIGNALS)]
    store = work / f"store-{seed}"
    shutil.copytree(complete, store)
    process = subprocess.Popen(ingest_command(store, sources, jobs), stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    time.sleep(chance.uniform(0.2, 1.0) * duration)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert "Traceback" not in stderr, stderr
    # the run may have ended before the signal, or be ending (Python restores the default
    # handlers as it exits: a shell then sees 128 + the signal all the same)
    assert process.returncode in (0, 1, 128 + signum, -signum), (process.returncode, stderr)
    return store


def assert_whole(store: Path, expected: dict[str, str], new: dict[str, str] | None = None
                 ) -> None:
    """Every report graph whole, none lost: each is the version before the run or, where
    the code reads a report otherwise now, the version a whole run writes (``new``)."""
    found = digests(store)
    assert found.keys() == expected.keys()
    changed = {name for name, digest in found.items() if digest != expected[name]}
    assert {name: found[name] for name in changed} == {name: (new or {})[name]
                                                       for name in changed}
    opened = ox.Store.read_only(str(store))
    assert problems(opened) == []
    assert usable_problem(opened) is None


@pytest.fixture(scope="module")
def fixture_store(tmp_path_factory) -> tuple[Path, dict[str, str], float]:
    store = tmp_path_factory.mktemp("complete") / "store"
    timed_run(store, [DATA], 1)
    duration = timed_run(store, [DATA], 1)  # a re-ingest, as the interrupted runs do
    return store, digests(store), duration


@pytest.mark.parametrize("seed", range(3))
def test_an_interrupted_reingest_leaves_every_report_whole(fixture_store, tmp_path, seed):
    complete, expected, duration = fixture_store
    assert len(expected) == 4  # Fernley 2014, 2017, 2021 and its area SEND report
    assert_whole(interrupt(complete, [DATA], 1, duration, seed, tmp_path), expected)


def test_an_interrupted_first_ingest_is_refused_until_finished(tmp_path, run):
    """Reports written but the history not yet computed: never an empty answer with
    exit 0, but a clear error; the next ingest finishes the store."""
    from ingest.store.embedded import open_store, write_report, write_vocabulary
    from ingest.store.layout import prepare

    store_dir = tmp_path / "store"
    store = open_store(store_dir)
    write_vocabulary(store)
    prepared = prepare(DATA / "fernley-2017.md")
    write_report(store, prepared.name, prepared.content, prepared.authorities)
    del store  # as if the run had been killed here
    result = run("query", "latest-grades", "--store", store_dir)
    assert result.exit_code == 2
    assert "the history graph was not computed" in result.stderr
    assert "run 'ofsted-kg ingest' again" in result.stderr
    result = run("validate", "--store", store_dir)
    assert result.exit_code == 1 and "the history graph was not computed" in result.stdout
    assert run("ingest", DATA / "fernley-2017.md", "--store", store_dir).exit_code == 0
    assert run("query", "latest-grades", "--store", store_dir).exit_code == 0


def test_a_reingest_cut_short_after_one_report_is_refused_at_once(tmp_path, run):
    """A whole store whose re-ingest wrote one changed report and stopped: the check before
    a query refuses it, as validate does."""
    from ingest.store.embedded import open_store, write_report
    from ingest.store.layout import prepare

    store_dir = tmp_path / "store"
    assert run("ingest", DATA / "fernley-2014.md", DATA / "fernley-2017.md",
               "--store", store_dir).exit_code == 0
    assert run("query", "latest-grades", "--store", store_dir).exit_code == 0
    store = open_store(store_dir)
    prepared = prepare(DATA / "fernley-2021.md")
    write_report(store, prepared.name, prepared.content, prepared.authorities)
    del store  # as if the run had been killed here
    result = run("query", "latest-grades", "--store", store_dir)
    assert result.exit_code == 2 and "an ingest that did not finish?" in result.stderr
    assert usable_problem(ox.Store.read_only(str(store_dir))) is not None


def test_a_reingest_cut_short_after_an_unchanged_report_leaves_the_store_usable(tmp_path, run):
    """Writing a report again with the content it had keeps the history up to date, so the
    quick check before a query (which only asks whether the history's digest is there)
    still answers, as the full comparison of validate does."""
    from ingest.store.embedded import open_store, write_report
    from ingest.store.layout import prepare

    store_dir = tmp_path / "store"
    assert run("ingest", DATA / "fernley-2014.md", DATA / "fernley-2017.md",
               "--store", store_dir).exit_code == 0
    store = open_store(store_dir)
    prepared = prepare(DATA / "fernley-2017.md")
    write_report(store, prepared.name, prepared.content, prepared.authorities)
    del store  # as if the run had been killed here
    assert run("query", "latest-grades", "--store", store_dir).exit_code == 0
    assert run("validate", "--store", store_dir).exit_code == 0


def test_a_store_written_before_the_quick_check_gets_the_full_comparison(tmp_path, run):
    """A store whose history record lacks okg:reportsDigestClearedOnChange (written by an
    ofsted-kg before it) is checked by recomputing the digest: a report record changed
    without the history is refused before a query."""
    from ingest.store.integrity import CLEARED_ON_CHANGE, CONTENT_DIGEST, HISTORY, INTEGRITY

    store_dir = tmp_path / "store"
    assert run("ingest", DATA / "fernley-2014.md", DATA / "fernley-2017.md",
               "--store", store_dir).exit_code == 0
    store = ox.Store(str(store_dir))
    integrity = ox.NamedNode(INTEGRITY)
    store.remove(ox.Quad(ox.NamedNode(HISTORY), ox.NamedNode(CLEARED_ON_CHANGE),
                         ox.Literal("true", datatype=ox.NamedNode(XSD_BOOLEAN)), integrity))
    assert usable_problem(store) is None  # the full comparison finds it whole
    record = next(iter(store.quads_for_pattern(None, ox.NamedNode(CONTENT_DIGEST), None,
                                               integrity)))
    store.remove(record)
    store.add(ox.Quad(record.subject, record.predicate, ox.Literal("0" * 64), integrity))
    del store
    result = run("query", "latest-grades", "--store", store_dir)
    assert result.exit_code == 2 and "the history graph is out of date" in result.stderr


XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"


def _remove_one(store_dir: Path, graph: str) -> None:
    store = ox.Store(str(store_dir))
    store.remove(next(iter(store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))))


def _change_one(store_dir: Path, graph: str) -> None:
    store = ox.Store(str(store_dir))
    quad = next(q for q in store.quads_for_pattern(None, None, None, ox.NamedNode(graph))
                if isinstance(q.object, ox.Literal))
    store.remove(quad)
    store.add(ox.Quad(quad.subject, quad.predicate, ox.Literal(quad.object.value + " (changed)"),
                      quad.graph_name))


def _drop(store_dir: Path, graph: str) -> None:
    ox.Store(str(store_dir)).remove_graph(ox.NamedNode(graph))


@pytest.mark.parametrize(("damage", "said"), [
    (_remove_one, "holds 532 triples where 533 were written"),
    (_change_one, "its triples differ from those written"),
    (_drop, "a report graph recorded as written is missing"),
])
def test_a_store_damaged_by_hand_does_not_conform(fixture_store, tmp_path, run, damage, said):
    complete, _, _ = fixture_store
    store = tmp_path / "store"
    shutil.copytree(complete, store)
    graph = "https://w3id.org/ofsted-kg/id/report/fernley/2017-03-24"
    damage(store, graph)
    result = run("validate", "--store", store)
    assert result.exit_code == 1
    # in people's words: under the report's heading (its IRI once the graph is gone)
    assert f"  Violation: the report: {said}" in result.stdout
    assert ("Fernley, inspection ended 2017-03-24" if damage is not _drop else graph) in (
        result.stdout)


@pytest.mark.corpus
def test_an_interrupted_corpus_reingest_leaves_every_report_whole(corpus_store, shared,
                                                                   tmp_path):
    """The whole corpus in the store; a quarter of it ingested again and interrupted at 30
    random moments, 10 per signal, with two workers."""
    files = sorted((shared / "corpus").rglob("*.pdf"))[::4]
    expected = digests(corpus_store)
    assert len(expected) > 300
    complete = tmp_path / "complete"
    shutil.copytree(corpus_store, complete)
    duration = timed_run(complete, files, 2)
    new = digests(complete)
    for seed in range(30):
        store = interrupt(corpus_store, files, 2, duration, seed, tmp_path)
        assert_whole(store, expected, new)
        shutil.rmtree(store)



# A compiled module being imported when the signal comes (scikit-learn loading scipy's)
# turns the signal's exit into ``ImportError: initialization failed``: this reader does the same.
SWALLOWED = """
import os, signal, sys, time
import ingest.pipeline

def read_report(path):
    try:
        os.kill(os.getpid(), signal.{name})
        time.sleep(30)
    except BaseException as error:
        raise ImportError("initialization failed") from error

ingest.pipeline.read_report = read_report
from ingest.cli import main
main(sys.argv[1:])
"""


@pytest.mark.parametrize("name, status", [("SIGINT", 130), ("SIGTERM", 143)])
@pytest.mark.parametrize("where", ["--store", "-o"])
def test_a_signal_turned_into_an_import_error_still_stops_the_run(tmp_path, name, status,
                                                                   where):
    """Not one reading error per report and a run that goes on half-broken: the run ends
    with the signal's status, no traceback, and nothing written."""
    target = tmp_path / ("store" if where == "--store" else "out.ttl")
    done = subprocess.run([sys.executable, "-c", SWALLOWED.format(name=name), "ingest",
                           str(DATA), where, str(target), "-j", "1"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == status, done.stderr
    assert "could not be read" not in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert not (target.exists() and target.is_file())
