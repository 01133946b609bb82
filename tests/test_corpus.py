"""Every file of the real corpus: refused for a documented reason, or a conforming graph
with its framework's judgements, unbroken paragraph numbering and recommendations.

Slow (every PDF is read): marked ``corpus``; run with ``pytest -m corpus``.
"""

import csv
import os
import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import shared_dir
from rdflib import Literal

from ingest.errors import InputError
from ingest.frameworks import FRAMEWORK_BY_KEY
from ingest.model import Report
from ingest.rdf.namespaces import OKG

pytestmark = pytest.mark.corpus

# The reasons a file may be refused, as docs/formats.md documents them.
REFUSALS = {
    "an HTML page saved under a .pdf name": r"is an HTML page, not a report",
}
# The parser accepts a paragraph one number ahead (a number the report itself leaves
# out) and records it; more than this in one report would hide lost paragraphs.
MOST_SKIPPED = 1


def _manifest() -> list[dict]:
    found = shared_dir()
    if found is None or not (found / "corpus" / "MANIFEST.csv").is_file():
        return []
    with open(found / "corpus" / "MANIFEST.csv", newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


ROWS = _manifest()


@pytest.fixture(scope="module")
def outcomes(shared: Path) -> dict[str, object]:
    """Every corpus file read once (in parallel), keyed by its manifest path."""
    from ingest.batch import read_all, report_graphs

    corpus = shared / "corpus"
    files = [corpus / row["path"] for row in ROWS]
    outcome = read_all(files, jobs=os.cpu_count() or 1, progress=False)
    results: dict[str, object] = {}
    for error in outcome.refused:
        results[Path(error.source).relative_to(corpus).as_posix()] = error
    for report, graph in report_graphs(outcome.reports):
        key = Path(report.source.location).relative_to(corpus).as_posix()
        results[key] = (report, graph)
    return results


@pytest.mark.parametrize(
    "row", ROWS or [pytest.param(None, marks=pytest.mark.skip("the shared corpus is absent"))],
    ids=lambda row: row["path"] if row else "corpus",
)
def test_report(row: dict, outcomes: dict[str, object]) -> None:
    result = outcomes[row["path"]]
    if isinstance(result, InputError):
        documented = [name for name, reason in REFUSALS.items() if re.search(reason, result.reason)]
        assert documented, f"{row['path']} refused for an undocumented reason: {result.reason}"
        return
    assert row["content"] == "pdf", f"{row['path']} is {row['content']} but was ingested"
    report, graph = result
    urn = row["path"].split("/")[0].split("-")[0]
    assert report.authority_ref is not None and report.authority_ref.urn == urn, (
        f"{row['path']}: {report.authority!r} resolves to {report.authority_ref}, not {urn}")
    problems = _problems(report, set(report.skipped_numbers))
    assert not problems, f"{row['path']}: " + "; ".join(problems)
    from ingest.validate import validate

    outcome = validate(graph)
    violations = [f"{p.focus}: {p.message}" for p in outcome.problems if p.severity == "Violation"]
    assert next(graph.objects(None, OKG.printedText), None) is not None, (
        f"{row['path']}: no judgement source")
    assert outcome.conforms, f"{row['path']} does not conform: " + "; ".join(violations[:5])


def _problems(report: Report, skipped: set[int]) -> list[str]:
    problems = []
    required = FRAMEWORK_BY_KEY[report.framework].required
    areas = [j.area for j in report.judgements]
    if sorted(areas) != sorted(required):
        problems.append(f"judgements {sorted(areas)}, framework {report.framework} needs "
                        f"{sorted(required)}")
    for body, numbers in _sequences(report).items():
        missing = sorted(set(range(min(numbers), max(numbers) + 1)) - set(numbers) - skipped)
        if missing:
            problems.append(f"{body} paragraphs missing: {missing[:10]}")
    if len(report.skipped_numbers) > MOST_SKIPPED:
        problems.append(f"numbers taken as left out by the report: {report.skipped_numbers}")
    addressed = "lscb" if report.framework == "lscb" else "local-authority"
    if not any(r.body == addressed for r in report.recommendations):
        problems.append(f"no {addressed} recommendations")
    if not report.findings:
        problems.append("no findings")
    problems += _back_cover_read(report)
    return problems + _unsourced(report)


def _unsourced(report: Report) -> list[str]:
    """Every judgement of the report's own inspection has a source: the words it was read
    from (a table row's label or the sentence stating it) and, in a PDF, its page."""
    paged = report.source.media_type == "application/pdf"
    return [
        f"judgement of {j.area} has no source (page {j.page}, printed {j.printed!r})"
        for j in report.judgements
        if not j.printed or j.grade is None or (paged and j.page is None)
    ]


# Phrases of Ofsted's back cover (licence, addresses): never part of a finding or recommendation.
_BACK_COVER = re.compile(
    r"Crown copyright|Open Government Licence|Piccadilly Gate|in a different format, such as",
    re.I,
)


def _back_cover_read(report: Report) -> list[str]:
    return [f"back-cover text read into {type(item).__name__.lower()} {item.number}"
            for item in [*report.findings, *report.recommendations]
            if _BACK_COVER.search(item.text)]


def _sequences(report: Report) -> dict[str, list[int]]:
    """Each run of paragraph numbers: one for the whole report, or a second where an
    appended LSCB review numbers its own paragraphs from 1."""
    runs: dict[str, list[int]] = {}
    for body in ("local-authority", "lscb"):
        numbers = [f.number for f in report.findings if f.body == body]
        numbers += [r.number for r in report.recommendations if r.body == body and r.printed]
        numbers += [e.number for e in report.empty_lists if e.body == body and e.number]
        if numbers:
            runs[body] = numbers
    if "lscb" in runs and "local-authority" in runs and min(runs["lscb"]) > 1:
        runs["local-authority"] += runs.pop("lscb")  # one running sequence
    return runs


# -- agreement with Ofsted's official statistics (ingest/reconcile.py) --------------------

# Inspections the official sheet ("as at 31 March 2025") does not list though the corpus
# holds their reports, each read by hand: (ONS code, first day on site) -> why.
SHEET_LACKS = {
    ("E08000036", "2025-03-24"): "Wakefield, on site 24-28 March 2025: its report was "
    "published after the sheet's last publication (14 May 2025)",
}
# Grades where the sheet and a report differ and the report, read by hand, says what
# the graph says: (ONS code, first day on site, area) -> the report's grade. None found.
SHEET_ERRORS: dict[tuple[str, str, str], str] = {}


def test_graph_agrees_with_official_statistics(shared: Path, outcomes: dict[str, object]):
    from rdflib import Dataset

    from ingest.rdf.identity import report_iri
    from ingest.reconcile import graph_inspections, read_official, reconcile

    dataset = Dataset()
    for result in outcomes.values():
        if not isinstance(result, InputError):
            report, graph = result
            named = dataset.graph(report_iri(report.authority, report.end))
            for triple in graph:
                named.add(triple)

    def select(query: str) -> list[dict]:
        import warnings

        with warnings.catch_warnings():  # rdflib warns of its own API at every GRAPH step
            warnings.simplefilter("ignore", DeprecationWarning)
            rows = list(dataset.query(query))
        return [{str(k): v for k, v in row.asdict().items()} for row in rows]

    as_at, sheet = read_official(shared / "reference" / "ofsted-la-inspection-outcomes-2025.ods")
    outcome = reconcile(sheet, as_at, graph_inspections(select))
    assert outcome.matched > 150
    differing = {(o.ons, o.start.isoformat(), area): ours.grades.get(key)
                 for o, ours, area, key in outcome.differing}
    assert differing == SHEET_ERRORS
    assert {(i.ons, i.start.isoformat()) for i in outcome.sheet_lacks} == set(SHEET_LACKS)
    held = [i for i in outcome.graph_lacks if _corpus_holds(shared / "corpus", i)]
    assert held == [], "official inspections whose report is in the corpus but not the graph"


def _corpus_holds(corpus: Path, inspection) -> bool:
    """Whether the corpus holds a report of this authority published in the 150 days
    after the inspection began (corpus files are named by publication date)."""
    from datetime import date

    from ingest.authorities import lookup

    known = lookup(inspection.name)
    if known is None:
        return False
    for path in corpus.glob(f"{known.urn}-*/*.pdf"):
        try:
            published = date.fromisoformat(path.stem)
        except ValueError:
            continue
        if 0 <= (published - inspection.start).days <= 150:
            return True
    return False


# -- every printed numbered paragraph: read, or named by a violation -----------------------


def _read_numbers(graph) -> Counter[int]:
    """How many bodies' items the graph holds with each number as printed (a review that
    numbers from 1 again reads its numbers a second time)."""
    keys = {(str(body), int(number)) for item, number in graph.subject_objects(OKG.number)
            for body in graph.objects(item, OKG.body)
            if (item, OKG.numberPrinted, Literal(False)) not in graph}
    return Counter(number for _, number in keys)


def _named(graph) -> set[int]:
    """Every paragraph number a violation or warning on the report names, and the numbers
    the report itself leaves out."""
    named = {int(n) for n in graph.objects(None, OKG.skippedNumber)}
    for message in [*graph.objects(None, OKG.parseViolation),
                    *graph.objects(None, OKG.parseWarning)]:
        for first, last in re.findall(r"(?:aragraphs?|umber) (\d+)(?:-(\d+))?", str(message)):
            named.update(range(int(first), int(last or first) + 1))
    return named


def test_every_printed_paragraph_is_read_or_named(shared: Path, outcomes: dict[str, object]):
    """Over the whole corpus: each number printed at the start of a paragraph, counted per
    numbered run (an appended review numbers from 1 again), is a finding or recommendation
    in the graph as often as it is printed, or a violation or warning names it."""
    from ingest.parsing.audit import _openings, _runs
    from ingest.parsing.headers import find_title
    from ingest.sources import read_source

    corpus = shared / "corpus"
    unaccounted, printed_total = [], 0
    for key, result in sorted(outcomes.items()):
        if isinstance(result, InputError):
            continue
        report, graph = result
        lines = read_source(corpus / key).lines
        runs = _runs(_openings(lines, find_title(lines) or 0))
        read, named = _read_numbers(graph), _named(graph)
        used: dict[int, int] = {}
        for position, run in enumerate(runs, 1):
            for number in sorted({n for _, n, _ in run}):
                printed_total += 1
                if used.get(number, 0) < read[number]:
                    used[number] = used.get(number, 0) + 1
                elif number not in named:
                    unaccounted.append(f"{key}: run {position}, paragraph {number}")
    assert printed_total > 25_000
    assert unaccounted == [], f"{len(unaccounted)} printed paragraphs neither read nor named: " \
        + "; ".join(unaccounted[:20])
