"""Ofsted's back cover: the closing block every report prints after its last paragraph
(who Ofsted is, other formats, the licence, addresses, "© Crown copyright"). It is not
part of any finding; parsers stop reading paragraphs where it starts.

The block is recognised by what it says, not by its page: its first line is one of
the phrases below, and at least one other of them follows it.
"""

import re
from collections.abc import Callable, Sequence

from ..model import Line

_MARKERS = (
    r"The Office for Standards in Education, Children'?s Services and Skills",
    r"Ofsted has published\b",
    r"If you would like a copy of this document in a different format",
    r"You may (?:re-?use|copy) (?:this information|all or parts of this document)",
    r"This (?:publication|report) is available at\b",
    r"Interested in our work\?",
    r"Piccadilly Gate$",
    r"\u00a9 Crown copyright\b",
)
_MARKER = re.compile("|".join(f"(?P<m{i}>^{m})" for i, m in enumerate(_MARKERS)), re.I)
_WITHIN = 120  # the block is short: look only this many lines from the end


def back_cover_start(lines: Sequence[Line]) -> int:
    """Index of the back cover's first line, or ``len(lines)`` where there is none."""
    found: list[tuple[int, str]] = []
    for index in range(max(len(lines) - _WITHIN, 0), len(lines)):
        match = _MARKER.match(lines[index].text.strip())
        if match:
            found.append((index, match.lastgroup or ""))
    for position, (index, marker) in enumerate(found):
        if any(other != marker for _, other in found[position + 1 :]):
            return index
    return len(lines)


def stop_at_back_cover(lines: Sequence[Line]) -> Callable[[Sequence[Line], int], bool]:
    """A ``stop`` test for ``paragraphs.collect``: true from the back cover on."""
    start = back_cover_start(lines)
    return lambda _lines, index: index >= start
