"""Numbered paragraphs: how findings and recommendations are laid out in every framework.

Reports number their paragraphs in one running sequence, so a line that starts
with a number opens a paragraph only when it is the number expected next; any
other line continues the open paragraph (wrapped lines, text carried over a page
break) until a heading closes it.
"""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .model import Line
from .textutil import join_lines

NUMBERED = re.compile(r"^(\d{1,3})\.\s*(\S.*)$")
MARKER = re.compile(r"\s*\(\s*Recommendations?\s*\)\s*$", re.I)


@dataclass
class Paragraph:
    number: int
    page: int | None
    area: str | None
    pieces: list[str] = field(default_factory=list)

    @property
    def raw_text(self) -> str:
        return join_lines(self.pieces)

    @property
    def flagged(self) -> bool:
        return bool(MARKER.search(self.raw_text))

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
    expected = first
    is_open = False
    index = start
    for index in range(start, len(lines)):
        if stop(lines, index):
            return paragraphs, index
        line = lines[index]
        found = heading(lines, index)
        if found is not None:
            is_open = False
            if found[0] is not None:
                area = found[0]
            continue
        match = NUMBERED.match(line.text)
        if match and (expected is None or int(match[1]) == expected):
            number = int(match[1])
            paragraphs.append(Paragraph(number, line.page, area, [match[2]]))
            expected = number + 1
            is_open = True
        elif is_open:
            paragraphs[-1].pieces.append(line.text)
    return paragraphs, len(lines)
