"""Earlier inspections under the 2012 frameworks, as a later report recalls them in prose:

    "The previous inspection of Barnsley's services for looked after children was in June
    2012. The local authority was judged to be adequate."

Each is a statement about that earlier inspection (its framework, month and grade on the
2012 scale), never a judgement of the report's own inspection.
"""

import bisect
import re
from collections.abc import Sequence

from ..model import EarlierInspection, Judgement, Line
from .textutil import month_year

_KINDS = (
    ("lac-2012", "overall", re.compile(r"looked after|children looked after", re.I)),
    ("protection-2012", "protection-overall",
     re.compile(r"safeguarding|protection of children", re.I)),
)
_SENTENCE = re.compile(
    r"The (?:previous|last|most recent) inspection of (?P<what>[^.]{5,160}?) was"
    r"(?P<published> published)? in (?P<when>[A-Z][a-z]+ \d{4})\.\s+"
    r"The local authority was judged to be (?P<grade>outstanding|good|adequate|inadequate)\b",
)


def earlier_inspections(lines: Sequence[Line]) -> tuple[EarlierInspection, ...]:
    """Every earlier 2012-framework inspection the report recalls with its grade."""
    text, starts = _joined(lines)
    found: list[EarlierInspection] = []
    for match in _SENTENCE.finditer(text):
        kind = next(((key, area) for key, area, says in _KINDS if says.search(match["what"])),
                     None)
        if kind is None or any(e.framework == kind[0] for e in found):
            continue  # an inspection of another kind (adoption, fostering), or told twice
        page = lines[bisect.bisect_right(starts, match.start()) - 1].page
        judgement = Judgement(kind[1], match["grade"].lower(), page, match[0] + ".")
        found.append(EarlierInspection(kind[0], month_year(match["when"]),
                                       bool(match["published"]), judgement))
    return tuple(found)


def _joined(lines: Sequence[Line]) -> tuple[str, list[int]]:
    """The lines as one text, and where each line starts in it."""
    starts: list[int] = []
    pieces: list[str] = []
    offset = 0
    for line in lines:
        starts.append(offset)
        pieces.append(line.text)
        offset += len(line.text) + 1
    return " ".join(pieces), starts
