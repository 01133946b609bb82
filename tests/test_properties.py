"""Property tests: real report text (the reference report's markdown rendering) and the
Fernley reports, mutated one line at a time, never crash the readers and parsers (only
InputError is allowed), and facts the mutation did not touch come out the same, or, where
the parser loses them in the mutation's wake (a paragraph after a line that does not end
a sentence is not opened, and the paragraphs after it run on), the loss is flagged as a
violation naming each paragraph."""

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.errors import InputError
from ingest.parsing import parse_report
from ingest.parsing.audit import audited
from ingest.sources import read_source

HERE = Path(__file__).resolve().parent
_OPENING = re.compile(r"^(?:<b>|- )?(\d{1,3})\.\s")
_WORDS = st.text(alphabet="abcdefghij klmnop ,.;'ABCDEF()", min_size=0, max_size=60)
MUTATIONS = ("delete", "duplicate", "replace", "insert", "swap", "garble")


def _read(text: str):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.md"
        path.write_text(text, encoding="utf-8")
        return audited(parse_report, read_source(path))


def _mutate(lines: list[str], kind: str, at: int, words: str) -> list[str]:
    lines = list(lines)
    if kind == "delete":
        del lines[at]
    elif kind == "duplicate":
        lines.insert(at, lines[at])
    elif kind == "replace":
        lines[at] = words
    elif kind == "insert":
        lines.insert(at, words)
    elif kind == "swap" and at + 1 < len(lines):
        lines[at], lines[at + 1] = lines[at + 1], lines[at]
    elif kind == "garble" and lines[at]:
        middle = len(lines[at]) // 2
        lines[at] = lines[at][:middle] + words + lines[at][middle + 1 :]
    return lines


def _spans(lines: list[str]) -> dict[int, tuple[int, int]]:
    """Each numbered paragraph's first and last line in the original text."""
    spans: dict[int, tuple[int, int]] = {}
    opened: tuple[int, int] | None = None
    for index, line in enumerate(lines + ["# end"]):
        match = _OPENING.match(line)
        if (match or line.startswith("#")) and opened:
            spans.setdefault(opened[0], (opened[1], index - 1))
            opened = None
        if match:
            opened = (int(match[1]), index)
    return spans


def _check(original: str, kind: str, at: int, words: str) -> None:
    lines = original.splitlines()
    at %= len(lines)
    before = _read(original)
    try:
        after = _read("\n".join(_mutate(lines, kind, at, words)) + "\n")
    except InputError:
        return  # refused, saying why: allowed
    first = 20  # the header and the judgement table lie above this line in every text here
    if at > first:
        assert (after.start, after.end, after.authority) == (
            before.start, before.end, before.authority)
        assert after.judgements == before.judgements
    spans = _spans(lines)
    texts = {f.number: f.text for f in after.findings if f.body == "local-authority"}
    for finding in before.findings:
        span = spans.get(finding.number)
        if finding.body != "local-authority" or span is None:
            continue
        if span[0] - 2 <= at <= span[1] + 1 or (kind == "swap" and at + 1 == span[0] - 2):
            continue  # touched, or its neighbour's lines were
        if _heading_between(lines, at, span):
            continue  # a heading removed or moved changes what a paragraph runs on into
        if texts.get(finding.number) != finding.text:
            assert _flagged(after, finding.number), (kind, at, finding.number)


def _flagged(report, number: int) -> bool:
    for problem in report.parse_problems:
        found = re.fullmatch(r"(?:paragraphs?|number) (\d+)(?:-(\d+))?", problem.part)
        if problem.severity == "Violation" and found and (
                int(found[1]) <= number <= int(found[2] or found[1])):
            return True
    return False


def _heading_between(lines: list[str], at: int, span: tuple[int, int]) -> bool:
    return lines[at].startswith("#") and at > span[1]


_SETTINGS = settings(max_examples=40, deadline=None, derandomize=True,
                     suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("name", ["fernley-2014.md", "fernley-2017.md", "fernley-2021.md"])
@_SETTINGS
@given(kind=st.sampled_from(MUTATIONS), at=st.integers(min_value=0, max_value=10_000),
       words=_WORDS)
def test_mutated_fernley_text(name, kind, at, words):
    _check((HERE / "data" / name).read_text(encoding="utf-8"), kind, at, words)


@pytest.fixture(scope="module")
def reference_text(seeds) -> str:
    return (seeds / "wandsworth-2018.markdown.txt").read_text(encoding="utf-8")


@_SETTINGS
@given(kind=st.sampled_from(MUTATIONS), at=st.integers(min_value=0, max_value=10_000),
       words=_WORDS)
def test_mutated_reference_text(reference_text, kind, at, words):
    _check(reference_text, kind, at, words)
