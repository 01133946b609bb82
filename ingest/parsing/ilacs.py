"""Inspecting local authority children's services (ILACS, 2018 onwards).

A judgement table of four rows (five from 2023, care leavers judged apart), a
"What needs to improve" list of unnumbered bullets (the recommendations), and
findings numbered from 1 under headings that carry their grade.
"""

import re
from collections.abc import Sequence

from ..errors import InputError
from ..frameworks import grade_in, match_area
from ..model import Finding, Judgement, Line, Recommendation, Report, SourceText
from .backcover import stop_at_back_cover
from .headers import inspection_dates, inspection_team, name_above, predecessor
from .paragraphs import NUMBERED, collect, skipped, with_text
from .textutil import join_lines

_GRADE = r"(?:requires\s+improvement(?:\s+to\s+be\s+good)?|good|inadequate|outstanding)"
_ROW = re.compile(rf"(.+?)\s+({_GRADE})\b", re.I)
_AREA_START = re.compile(
    r"^(?:The\s+)?(?:experiences?\s+and\s+progress\s+of|impact\s+of\s+leaders)", re.I
)
_GRADED_END = re.compile(rf"(?::|\s)\s*(?:(?:is|are):?\s+)?{_GRADE}\.?$", re.I)
_TITLE_NAME = re.compile(
    r"^Inspection of (.+?)(?: local authority)? children's (?:social care )?services", re.I
)


def parse_ilacs(text: SourceText, title_at: int, title: str) -> Report:
    lines = text.lines
    name = text.source.location
    start, end = inspection_dates(name, lines)
    judgements = _judgement_table(name, lines, title_at)
    framework = "ilacs-2023" if "care-leavers" in {j.area for j in judgements} else "ilacs-2018"
    recommendations, after = _recommendations(lines)
    paragraphs, _ = collect(lines, after, 1, _heading, stop_at_back_cover(lines))
    lead, inspectors = inspection_team(lines[: title_at + 12])
    return Report(
        source=text.source,
        authority=_authority(lines, title_at, title, name),
        title=title,
        framework=framework,
        reinspection=False,
        start=start,
        end=end,
        published=None,  # ILACS reports print no publication date
        judgements=judgements,
        recommendations=recommendations,
        findings=[
            Finding(p.number, p.text, p.area, p.page, p.flagged) for p in with_text(paragraphs)
        ],
        skipped_numbers=skipped(paragraphs),
        predecessor=predecessor(lines),
        lead_inspector=lead,
        inspectors=inspectors,
    )


def _authority(lines: Sequence[Line], title_at: int, title: str, source: str) -> str:
    named = _TITLE_NAME.match(title)
    if named and named[1].lower() not in {"children's social care", "local authority"}:
        return named[1]
    above = name_above(lines, title_at)
    if above:
        return above
    raise InputError(source, "names no local authority in or above its title")


def _judgement_table(source: str, lines: Sequence[Line], title_at: int) -> list[Judgement]:
    block: list[str] = []
    for index in range(title_at + 1, min(title_at + 40, len(lines))):
        text = lines[index].text
        if _AREA_START.match(text) or block:
            block.append(text)
        if text.lower().startswith("overall effectiveness"):
            if not grade_in(text) and index + 1 < len(lines):
                block.append(lines[index + 1].text)
            break
    judgements: list[Judgement] = []
    for row in _ROW.finditer(join_lines(block)):
        label = row[1].strip()
        area = "overall" if "overall effectiveness" in label.lower() else None
        if area is None:
            found = match_area(label, "ilacs")
            area = found.key if found else None
        grade = grade_in(row[2])
        if area and grade and area not in {j.area for j in judgements}:
            judgements.append(Judgement(area, grade.key))
    if not any(j.area == "overall" for j in judgements):
        raise InputError(source, "has no overall effectiveness judgement in its table")
    return judgements


def _recommendations(lines: Sequence[Line]) -> tuple[list[Recommendation], int]:
    """The bulleted "What needs to improve" items and the index of the line after them."""
    for index, line in enumerate(lines):
        if re.match(r"^What needs to improve\b", line.text, re.I) and not re.search(
            r"\s\d{1,3}$", line.text
        ):
            return _items(lines, index + 1)
    return [], 0


def _items(lines: Sequence[Line], start: int) -> tuple[list[Recommendation], int]:
    items: list[list[str]] = []
    index = start
    for index in range(start, len(lines)):
        line = lines[index]
        if _heading(lines, index) is not None or NUMBERED.match(line.text):
            break
        if re.fullmatch(r"\d{1,2}", line.text):  # a footnote mark on a line of its own
            continue
        sub_item = bool(items) and line.text[:1].islower() and any(
            piece.rstrip().endswith(":") for piece in items[-1])
        if (line.bullet == 1 and not sub_item) or not items:
            items.append([line.text])
        else:
            items[-1].append(line.text)
    texts = [join_lines(item) for item in items]
    texts = [t for t in texts if t]
    return [Recommendation(n, t, printed=False) for n, t in enumerate(texts, start=1)], index


def _heading(lines: Sequence[Line], index: int) -> tuple[str | None] | None:
    """(area,) for a graded section heading, which may wrap over three lines."""
    text = lines[index].text
    if not _AREA_START.match(text):
        return None
    joined = text
    for line in lines[index : index + 3]:
        if line is not lines[index]:
            if NUMBERED.match(line.text):
                break
            joined = f"{joined} {line.text}"
        if graded := _GRADED_END.search(joined):
            area = match_area(joined[: graded.start()], "ilacs")
            return (area.key if area else None,)
    return None
