"""Inspecting local authority children's services (ILACS, 2018 onwards).

A judgement table of four rows (five from 2023, care leavers judged apart), a
"What needs to improve" list of unnumbered bullets (the recommendations), and
findings numbered from 1 under headings that carry their grade.
"""

import re
from collections.abc import Sequence

from ..errors import InputError
from ..frameworks import GRADE_WORDS, match_area, whole_grade
from ..model import Finding, Judgement, Line, Recommendation, Report, SourceText
from .backcover import stop_at_back_cover
from .headers import (
    TRUST_TITLE,
    inspection_spells,
    inspection_team,
    lead_inspectors,
    name_above,
    predecessor,
)
from .paragraphs import NUMBERED, collect, out_of_order, repeated, skipped, with_text
from .textutil import join_lines

_GRADE = rf"(?:{GRADE_WORDS})"
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
    spells = inspection_spells(name, lines)
    start, end = spells[0][0], spells[-1][1]
    judgements = _judgement_table(name, lines, title_at)
    framework = _framework(name, judgements)
    recommendations, after = _recommendations(lines)
    paragraphs, _ = collect(lines, after, 1, _heading, stop_at_back_cover(lines))
    lead, inspectors = inspection_team(lines[: title_at + 12])
    trust = _trust(title)
    return Report(
        trust_name=trust["trust"] if trust else None,
        source=text.source,
        authority=trust["place"] if trust else _authority(lines, title_at, title, name),
        title=title,
        framework=framework,
        reinspection=False,
        start=start,
        end=end,
        spells=spells,
        published=None,  # ILACS reports print no publication date
        judgements=judgements,
        recommendations=recommendations,
        findings=[
            Finding(p.number, p.text, p.area, p.page, p.flagged, printing=p.printing)
            for p in with_text(paragraphs)
        ],
        skipped_numbers=skipped(paragraphs),
        repeated_numbers=repeated(paragraphs),
        out_of_order_numbers=out_of_order(paragraphs),
        predecessor=predecessor(lines),
        lead_inspector=lead,
        leads=lead_inspectors(lines[: title_at + 12]),
        inspectors=inspectors,
    )


parse = parse_ilacs  # the name the dispatch table calls


def _trust(title: str) -> re.Match | None:
    """A title naming the trust that runs the council's services: the council (its
    place) is the inspected authority; the trust's name is kept as printed."""
    return TRUST_TITLE.match(" ".join(title.split()))


def _authority(lines: Sequence[Line], title_at: int, title: str, source: str) -> str:
    named = _TITLE_NAME.match(title)
    if named and named[1].lower() not in {"children's social care", "local authority"}:
        return named[1]
    above = name_above(lines, title_at)
    if above:
        return above
    raise InputError(source, "names no local authority in or above its title")


_ROW_START = re.compile(
    r"^(?:The\s+)?(?:experiences?\s+and\s+progress\s+of|impact\s+of\s+leaders)"
    r"|^overall\s+effectiveness\b",
    re.I,
)
_ROW_GRADE = re.compile(
    rf"^(?P<label>.*?)\s*\b(?P<grade>{GRADE_WORDS})(?:\s+to)?\.?\s*$", re.I
)
# "Requires improvement" wrapped before "to be good"
_GRADE_WRAPPED = re.compile(r"^(?:to\s+)?be\s+good\.?$", re.I)
_LABEL_LINES = 4  # a row (label and grade) wraps over at most this many lines


def _judgement_table(source: str, lines: Sequence[Line], title_at: int) -> list[Judgement]:
    """The rows of the judgement table under the title, each read from its own lines
    only: a row whose grade cannot be read is kept without one (never given the next
    row's), and the table ends at the first line that is not part of a row."""
    rows: list[Judgement] = []
    label: list[Line] = []
    for line in lines[title_at + 1 : title_at + 40]:
        text = line.text.strip()
        starts = bool(_ROW_START.match(text))
        if label and (starts or len(label) >= _LABEL_LINES):
            if not _keep(rows, _row(label, None)):
                break
            label = []
        if not label and not starts:
            if rows and not _GRADE_WRAPPED.match(text):
                break
            continue  # header lines above the table, or the wrapped end of a grade
        label.append(line)
        if graded := _ROW_GRADE.match(text):
            if not _keep(rows, _row(label, graded)):
                break
            label = []
    if label:
        _keep(rows, _row(label, None))
    return rows


def _row(label: list[Line], graded: re.Match | None) -> Judgement | None:
    """One table row as printed, or None where its label names no area."""
    texts = [line.text for line in label]
    if graded is not None:
        texts[-1] = graded["label"]
    printed = join_lines(texts)
    if re.fullmatch(r"overall\s+effectiveness:?", printed, re.I):
        area = "overall"
    else:
        found = match_area(printed, "ilacs", candidates=_ROW_AREAS)
        if found is None or _ROW_START.match(printed) is None:
            return None
        area = found.key
    grade = whole_grade(graded["label"], graded["grade"]) if graded is not None else None
    return Judgement(area, grade.key if grade else None, label[0].page, printed)


_ROW_AREAS = ("leadership", "help-and-protection", "in-care-and-care-leavers", "in-care",
              "care-leavers")


def _keep(rows: list[Judgement], row: Judgement | None) -> bool:
    """Add a row to the table; False where it cannot be one (the table has ended)."""
    if row is None or row.area in {r.area for r in rows}:
        return False
    rows.append(row)
    return True


def _framework(source: str, judgements: list[Judgement]) -> str:
    """The framework the table shows: an overall row (with or without a separate care
    leavers row), or four rows with care leavers and no overall row (2026)."""
    areas = {j.area for j in judgements}
    if "overall" in areas:
        return "ilacs-2023" if "care-leavers" in areas else "ilacs-2018"
    if "care-leavers" in areas:
        return "ilacs-2026"
    raise InputError(source, "has no overall effectiveness judgement in its table")


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
