"""Numbered paragraphs: how findings and recommendations are laid out in every framework.

Reports number their paragraphs in one running sequence, so a line that starts
with a number opens a paragraph only when it is the number expected next; any
other line continues the open paragraph (wrapped lines, text carried over a page
break) until a heading closes it.
"""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..model import Line
from .textutil import join_lines

NUMBERED = re.compile(r"^(\d{1,3})\.\s*(\S.*)$")
# A doubled dot before a space is a typing slip some reports make ("46.. Most").
_OPENING = re.compile(r"^(\d{1,3})(\.?)(?:\.(?=\s))?(?:\s+|(?=[A-Z\u2018\u201c'\"(])|$)(.*)$")
# "(Recommendation)", "(recommendation 3)", "(Recommendations 2 and 5)", "( Recommendation.)"
MARKER = re.compile(
    r"\s*\(\s*recommendations?\s*\.?\s*((?:\d+\s*(?:,|and|&)?\s*)*)\)\s*\.?\s*$", re.I
)
ENDS_SENTENCE = re.compile(r"[.:;!?)\u201d\"']\s*$")


def opening(text: str, expected: int, previous: str) -> tuple[int, str] | None:
    """(number, text) when ``text`` opens paragraph ``expected``, else None.

    Tolerates what extraction and typesetting do to numbers: no space after the
    dot ("16.Services"), no dot ("34 Most", after a finished sentence and from 10 on,
    as footnotes are numbered 1, 2, 3 the same way), a
    number alone on its line ("89."), one number skipped by the report (after a finished
    sentence or a heading), and one
    printed twice (the number before ``expected`` again, dotted, after a finished
    sentence and starting a capitalised one): the caller records the repeat.
    """
    match = _OPENING.match(text)
    if not match:
        return None
    number, dotted, rest = int(match[1]), bool(match[2]), match[3].strip()
    sentence_ended = not previous or bool(ENDS_SENTENCE.search(previous))
    capital = rest[:1].isupper() or rest[:1] in "\u2018\"'("
    if number == expected and dotted and (capital or not rest or sentence_ended):
        return number, rest
    if number == expected >= 10 and not dotted and capital and sentence_ended:
        return number, rest
    if number == expected + 1 and dotted and capital and (
            sentence_ended or heading_like(previous)):  # a skip after a heading, too
        return number, rest
    if number == expected - 1 >= 1 and dotted and capital and sentence_ended:
        return number, rest
    return None


_SUBHEADING_MAX = 90


def is_subheading(texts: Sequence[str], at: int, expected: int, previous: str) -> bool:
    """Whether ``texts[at]`` is a sub-heading between numbered paragraphs ("Adoption",
    "Management capacity and oversight"): one or two short lines without closing
    punctuation, after a finished sentence (or a heading), followed by paragraph
    ``expected`` (or the one after a number the report leaves out)."""
    if previous and not ENDS_SENTENCE.search(previous):
        return False
    for length in (1, 2):
        block = texts[at : at + length]
        following = texts[at + length] if at + length < len(texts) else ""
        if len(block) < length or not all(heading_like(text) for text in block):
            return False
        if len(" ".join(block)) > _SUBHEADING_MAX:
            return False
        opened = opening(following, expected, "")
        if opened and opened[0] in (expected, expected + 1):
            return True
    return False


def heading_like(text: str) -> bool:
    text = text.strip()
    return (
        bool(text) and len(text) <= _SUBHEADING_MAX and text[:1].isupper()
        and not ENDS_SENTENCE.search(text) and not text.endswith(",")
        and not _OPENING.match(text)
    )


def cited(text: str) -> tuple[int, ...]:
    """Recommendation numbers a "(recommendation 3)" marker names."""
    match = MARKER.search(text)
    return tuple(int(n) for n in re.findall(r"\d+", match[1])) if match else ()


@dataclass
class Paragraph:
    number: int
    page: int | None
    area: str | None
    pieces: list[str] = field(default_factory=list)
    after_skip: bool = False  # the report printed no paragraph numbered one less
    printing: int = 1  # 2 for a second paragraph the report prints with the same number
    out_of_order: bool = False  # printed after a higher number (read as its own paragraph)

    @property
    def raw_text(self) -> str:
        return join_lines(self.pieces)

    @property
    def flagged(self) -> bool:
        return bool(MARKER.search(self.raw_text))

    @property
    def cites(self) -> tuple[int, ...]:
        return cited(self.raw_text)

    @property
    def text(self) -> str:
        return MARKER.sub("", self.raw_text).strip()


# A heading callback returns None for body text, or (area or None) for a heading,
# where a None area keeps the current section.
HeadingTest = Callable[[Sequence[Line], int], "tuple[str | None] | None"]


def collect(
    lines: Sequence[Line],
    start: int,
    first: int | None,
    heading: HeadingTest,
    stop: Callable[[Sequence[Line], int], bool] = lambda lines, i: False,
    area: str | None = None,
) -> tuple[list[Paragraph], int]:
    """Numbered paragraphs from ``lines[start:]`` until ``stop``; returns them and the
    index where scanning ended. ``first`` is the first number expected (None: any)."""
    paragraphs: list[Paragraph] = []
    numbering = Numbering(first) if first is not None else None
    texts = [line.text for line in lines]
    is_open = False
    previous = ""  # the line before, or "" after a heading: a sentence has ended
    for index in range(start, len(lines)):
        if stop(lines, index):
            return paragraphs, index
        line = lines[index]
        found = heading(lines, index)
        if found is not None:
            is_open, previous = False, ""
            if found[0] is not None:
                area = found[0]
            continue
        if numbering is None:
            match = NUMBERED.match(line.text)
            opened = Opened(int(match[1]), match[2]) if match else None
        else:
            opened = numbering.open(texts, index, previous)
        if opened:
            paragraphs.append(Paragraph(
                opened.number, line.page, area, [opened.rest], opened.after_skip,
                printing(paragraphs, opened.number), opened.out_of_order,
            ))
            is_open = True
        elif is_open:
            paragraphs[-1].pieces.append(line.text)
        previous = line.text if is_open else ""  # text outside paragraphs: a heading's tail
    return paragraphs, len(lines)


@dataclass(frozen=True)
class Opened:
    number: int
    rest: str  # the text after the number
    after_skip: bool = False  # one number before it is not printed (the report skips it)
    out_of_order: bool = False  # printed after a higher number


# How many numbers in a row a damaged text layer may lose (a blank page, a dropped
# block) and the collector still pick the numbering up again after them.
_MAX_GAP = 40
_CONFIRM_LINES = 80  # the next number must open a line within this many lines


@dataclass
class Numbering:
    """The running sequence a collector follows: the number expected next, and the
    numbers a later number stepped over (not read, yet perhaps printed further on)."""

    expected: int
    passed: set[int] = field(default_factory=set)

    def open(self, texts: Sequence[str], at: int, previous: str) -> Opened | None:
        """The paragraph ``texts[at]`` opens, if any, and the sequence moved on past it.

        Besides the number expected (see ``opening``): a number the sequence stepped
        over, printed late (two paragraphs swapped), is read as its own paragraph; and
        after a gap (numbers lost with a blank page or a damaged text layer) a higher
        number whose successor opens a line soon after picks the numbering up again.
        The numbers in the gap are not read: the audit names them."""
        text = texts[at]
        found = opening(text, self.expected, previous)
        if found is not None:
            number, rest = found
            skip = number == self.expected + 1
            if skip:
                self.passed.add(self.expected)
            self.passed.discard(number)
            self.expected = max(self.expected, number + 1)
            return Opened(number, rest, after_skip=skip)
        late = _late_or_resumed(texts, at, previous, self.expected, self.passed)
        if late is None:
            return None
        number, rest = late
        if number < self.expected:
            self.passed.discard(number)
            return Opened(number, rest, out_of_order=True)
        self.passed.update(range(self.expected, number))
        self.expected = number + 1
        return Opened(number, rest)

    def restart(self) -> None:
        """A new run of numbers from 1 (a report appended to another)."""
        self.expected, self.passed = 1, set()


def _late_or_resumed(
    texts: Sequence[str], at: int, previous: str, expected: int, passed: set[int]
) -> tuple[int, str] | None:
    match = _OPENING.match(texts[at])
    if not match or not match[2]:
        return None  # only a dotted number, opening a capitalised sentence
    number, rest = int(match[1]), match[3].strip()
    if not (rest[:1].isupper() or rest[:1] in "\u2018\"'("):
        return None
    if previous and not (ENDS_SENTENCE.search(previous) or heading_like(previous)):
        return None
    if number in passed:
        return number, rest
    if expected + 2 <= number <= expected + _MAX_GAP and _followed(texts, at, number):
        return number, rest
    return None


def _followed(texts: Sequence[str], at: int, number: int) -> bool:
    """Whether paragraph ``number + 1`` opens a line soon after ``texts[at]``."""
    previous = texts[at]
    for text in texts[at + 1 : at + 1 + _CONFIRM_LINES]:
        found = opening(text, number + 1, previous)
        if found and found[0] == number + 1:
            return True
        previous = text
    return False


def skipped(paragraphs: list[Paragraph]) -> tuple[int, ...]:
    """The numbers the report itself leaves out of its sequence, or prints with no text."""
    read = {p.number for p in paragraphs if p.text}
    left_out = [p.number - 1 for p in paragraphs if p.after_skip and p.number - 1 not in read]
    return tuple(sorted(left_out + [p.number for p in paragraphs if not p.text]))


def out_of_order(paragraphs: list[Paragraph]) -> tuple[int, ...]:
    """The numbers printed after a higher one, each read as its own paragraph."""
    return tuple(sorted({p.number for p in paragraphs if p.out_of_order}))


def repeated(paragraphs: list[Paragraph]) -> tuple[int, ...]:
    """The numbers the report prints on two paragraphs."""
    return tuple(sorted({p.number for p in paragraphs if p.printing > 1}))


def printing(paragraphs: list[Paragraph], number: int) -> int:
    """1, or 2 where ``paragraphs`` already hold one numbered ``number`` (a repeat)."""
    return 1 + sum(1 for p in paragraphs if p.number == number)


def with_text(paragraphs: list[Paragraph]) -> list[Paragraph]:
    return [p for p in paragraphs if p.text]
