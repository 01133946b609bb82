"""A recommendation's own statement of the findings behind it: "(paragraph 24)",
"(paragraphs 31, 34)", "(Paragraphs 101 - 103)", "(paragraphs 112–119, 123–124)",
"(Page 12, paragraph 40)", "(pages 13, 30 paragraphs 27, 29, 103)".

The citation is taken out of the recommendation's text and kept as printed, with the
paragraph numbers it names; a range names every number in it.
"""

import re

from .textutil import DASH

_DASH = rf"[{DASH}]"
_NUMBERS = rf"\d{{1,3}}(?:\s*(?:,|and|&|{_DASH})?\s*\d{{1,3}})*"
CITATION = re.compile(
    rf"\s*\(\s*(?:pages?\s+{_NUMBERS}\s*,?\s*)?paragraphs?\s+(?P<numbers>{_NUMBERS})\s*\)",
    re.I,
)
_LONGEST_RANGE = 60  # a wider "range" is more likely a misprint than a citation


def split_citation(text: str) -> tuple[str, str | None, tuple[int, ...]]:
    """(text without its citations, the citations as printed, the paragraphs named)."""
    found = list(CITATION.finditer(text))
    if not found:
        return text, None, ()
    numbers: list[int] = []
    for match in found:
        numbers += [n for n in paragraph_numbers(match["numbers"]) if n not in numbers]
    printed = "; ".join(match[0].strip() for match in found)
    rest = CITATION.sub("", text)
    rest = re.sub(r"\s+([.;,])", r"\1", rest).strip()
    return rest, printed, tuple(numbers)


def paragraph_numbers(text: str) -> list[int]:
    """"112–119, 123" -> 112, 113, ..., 119, 123."""
    numbers: list[int] = []
    for match in re.finditer(rf"(\d+)(?:\s*{_DASH}\s*(\d+))?", text):
        first = int(match[1])
        last = int(match[2]) if match[2] else first
        if not first <= last <= first + _LONGEST_RANGE:
            last = first
        numbers += range(first, last + 1)
    return numbers
