"""Inspections of looked after children services under the 2012 framework (2012-2013).

Page 1 names the council under the title and prints the dates, the reporting inspector
and the publication date. Paragraphs are numbered from 1 through the whole report, under
section headings that each carry their grade ("Grade 3 (Adequate)"). "Areas for
improvement" lists what the council should do, as bullets under "Immediately:", "Within
three months:" and "Within six months:" (the recommendations). The "Record of main
findings" table at the end states the judgements, on a four-point scale of its own with
"Adequate" in place of "Requires improvement".
"""

import re
from collections.abc import Sequence

from ..errors import InputError
from ..frameworks import match_area
from ..model import Finding, Judgement, Line, Recommendation, Report, SourceText
from .headers import header_field, inspection_spells, lead_inspectors
from .paragraphs import collect, out_of_order, repeated, skipped, with_text
from .textutil import join_lines, single_date

SCHEME = "lac-2012"
GRADES_2012 = ("outstanding", "good", "adequate", "inadequate")
_GRADE_WORDS = "|".join(GRADES_2012)
_TITLE = re.compile(r"^(Inspection of (?:safeguarding and )?looked after children services)\s*",
                    re.I)
_SECTION_GRADE = re.compile(rf"^Grade\s+[1-4]\s*\(\s*(?:{_GRADE_WORDS})\s*\)$", re.I)
_ROW_GRADE = re.compile(
    rf"^(?P<label>.*?)\s*\b(?P<grade>{_GRADE_WORDS})(?:\s+Grade\s+[1-4])?\.?\s*$", re.I
)
_TIMESCALE = re.compile(r"^(?:Immediately|Within\s+\w+\s+(?:months?|weeks?|days?))\s*:$", re.I)
_REPORTING = re.compile(r"^(?:Reporting|Lead) inspector:?\s+(.+?)(?:\s+HMI)?$", re.I)
_TABLE = "record of main findings"


def parse(text: SourceText, title_at: int, title: str) -> Report:
    lines = text.lines
    name = text.source.location
    spells = inspection_spells(name, lines)
    start, end = spells[0][0], spells[-1][1]
    printed_title, authority = _title_and_authority(name, title)
    paragraphs, _ = collect(lines, title_at + 1, 1, _heading, _at_table)
    published = header_field(lines, r"published")
    lead = next((m[1].strip() for line in lines[:12] if (m := _REPORTING.match(line.text))), None)
    return Report(
        source=text.source,
        authority=authority,
        title=printed_title,
        framework=SCHEME,
        reinspection=False,
        start=start,
        end=end,
        spells=spells,
        published=single_date(published[1]) if published else None,
        judgements=_judgement_table(name, lines),
        recommendations=_recommendations(lines),
        findings=[
            Finding(p.number, p.text, p.area, p.page, p.flagged, printing=p.printing)
            for p in with_text(paragraphs)
        ],
        skipped_numbers=skipped(paragraphs),
        repeated_numbers=repeated(paragraphs),
        out_of_order_numbers=out_of_order(paragraphs),
        lead_inspector=lead,
        leads=lead_inspectors(lines[:12]),
        inspectors=[lead] if lead else [],
    )


def _title_and_authority(source: str, title: str) -> tuple[str, str]:
    """The title names the council on the line under it, before the dates."""
    found = _TITLE.match(title)
    authority = title[found.end():].strip() if found else ""
    if not found or not authority:
        raise InputError(source, "names no local authority under its title")
    return found[1], authority


def _at_table(lines: Sequence[Line], index: int) -> bool:
    return lines[index].text.strip().lower() == _TABLE


def _heading(lines: Sequence[Line], index: int) -> tuple[str | None] | None:
    """(area,) for a graded section heading (wrapped over at most two lines above its
    grade line); (None,) for other lines that end a paragraph."""
    text = lines[index].text.strip()
    if _SECTION_GRADE.match(text) or _TIMESCALE.match(text):
        return (None,)
    if text.lower() == "areas for improvement":
        return (None,)
    for width in (1, 2):
        after = index + width
        if after < len(lines) and _SECTION_GRADE.match(lines[after].text.strip()):
            heading = join_lines([line.text for line in lines[index:after]])
            area = match_area(heading, SCHEME)
            if area is not None and heading[:1].isupper():
                return (area.key,)
    return None


def _judgement_table(source: str, lines: Sequence[Line]) -> list[Judgement]:
    """The rows of "Record of main findings", each from its own lines."""
    at = next((i for i in range(len(lines)) if _at_table(lines, i)), None)
    if at is None:
        raise InputError(source, "has no 'Record of main findings' table of judgements")
    judgements: list[Judgement] = []
    label: list[Line] = []
    for line in lines[at + 1 : at + 20]:
        label.append(line)
        graded = _ROW_GRADE.match(line.text.strip())
        if graded is None:
            if len(label) > 3:
                break
            continue
        printed = join_lines([*(x.text for x in label[:-1]), graded["label"]])
        area = match_area(printed, SCHEME)
        if area is not None and area.key not in {j.area for j in judgements}:
            grade = graded["grade"].lower()
            judgements.append(Judgement(area.key, grade, label[0].page, printed))
        label = []
    if not any(j.area == "overall" for j in judgements):
        raise InputError(source, "has no overall effectiveness judgement in its table")
    return judgements


def _recommendations(lines: Sequence[Line]) -> list[Recommendation]:
    """The bullets under "Immediately:" / "Within ... months:", in order, numbered by
    their place (the report does not number them)."""
    items: list[list[str]] = []
    inside = False
    for index, line in enumerate(lines):
        text = line.text.strip()
        if _TIMESCALE.match(text):
            inside = True
            continue
        if inside and (_heading(lines, index) is not None or _at_table(lines, index)):
            inside = False
        if not inside or not text:
            continue
        if line.bullet == 1 or not items:
            items.append([text])
        else:
            items[-1].append(text)
    texts = [join_lines(item) for item in items]
    return [Recommendation(n, t, printed=False) for n, t in enumerate(texts, start=1) if t]
