"""The single inspection framework (2013-2018), with or without the LSCB review."""

import re
from collections.abc import Sequence

from .errors import InputError
from .frameworks import grade_in, match_area
from .model import Finding, Judgement, Line, PreviousInspection, Recommendation, Report, SourceText
from .paragraphs import NUMBERED, collect
from .parse import inspection_dates, inspection_team, publication_date
from .textutil import join_lines, month_year

_GRADE_WORDS = r"Requires\s+improvement(?:\s+to\s+be\s+good)?|Good|Inadequate|Outstanding"
_TABLE_ROW = re.compile(rf"(\d(?:\.\d)?)\.?\s+(.+?)\s+({_GRADE_WORDS})\b\.?", re.I)
_LABELLED_GRADE = re.compile(rf"([A-Z][^:]{{2,120}}?):\s*({_GRADE_WORDS})\b\.?", re.I)
_OVERALL = re.compile(
    r"children's services in .+? (?=(?:are|is|require|requires)\s)|the overall judgement is\s",
    re.I,
)
_SECTION_STARTS = re.compile(
    r"^(The experiences and progress of|Leadership, management|"
    r"The graded judgement|Review of the effectiveness of the (?:Local Safeguarding|LSCB)|"
    r"The effectiveness of the Local Safeguarding)",
)
_PLAIN_HEADINGS = {
    "summary", "inspection findings", "information about this inspection", "recommendations",
    "summary for children and young people", "executive summary", "contents",
}
_RECOMMENDATION_HEADINGS = {"recommendations", "what does the local authority need to improve?"}
_TERMINATOR = re.compile(r"[.:;)!?]$")


def parse_sif(text: SourceText, title_at: int, title: str) -> Report:
    lines = text.lines
    name = text.source.location
    start, end = inspection_dates(name, lines)
    lscb = bool(re.search(r"Local Safeguarding Children Board|LSCB", title, re.I))
    judgements = _judgement_table(name, lines, title_at)
    recommendations, after = _recommendations(lines)
    first_finding = recommendations[-1].number + 1 if recommendations else None
    paragraphs, _ = collect(lines, after, first_finding, _heading)
    lead, inspectors = inspection_team(lines)
    return Report(
        source=text.source,
        authority=_authority(lines, title_at, name),
        title=title,
        framework="sif-lscb" if lscb else "sif",
        reinspection=title.lower().startswith("re"),
        start=start,
        end=end,
        published=publication_date(lines),
        judgements=judgements,
        previous=_previous(lines),
        recommendations=recommendations,
        findings=[
            Finding(p.number, p.text, p.area, p.page, p.flagged) for p in paragraphs
        ],
        lead_inspector=lead,
        inspectors=inspectors,
    )


def _authority(lines: Sequence[Line], title_at: int, source: str) -> str:
    if title_at == 0:
        raise InputError(source, "names no local authority above its title")
    return lines[title_at - 1].text


def _judgement_table(source: str, lines: Sequence[Line], title_at: int) -> list[Judgement]:
    """The overall judgement sentence and the numbered judgement rows under it."""
    block = []
    for line in lines[title_at + 1 : title_at + 40]:
        if line.text.lower().startswith(("executive summary", "contents")):
            break
        block.append(line.text)
    text = join_lines(block)
    overall = _OVERALL.search(text)
    if not overall:
        raise InputError(source, "has no overall judgement ('Children's services in ... are ...')")
    first_row = re.search(r"\b1\.\s", text[overall.end() :])
    cut = overall.end() + (first_row.start() if first_row else len(text))
    grade = grade_in(text[overall.end() : cut])
    if grade is None:
        raise InputError(source, "states no grade in its overall judgement")
    judgements = [Judgement("overall", grade.key)]
    for row in _TABLE_ROW.finditer(text[cut:]):
        area = match_area(row[2], "sif")
        row_grade = grade_in(row[3])
        if area and row_grade and area.key not in {j.area for j in judgements}:
            judgements.append(Judgement(area.key, row_grade.key))
    return judgements


def _previous(lines: Sequence[Line]) -> PreviousInspection | None:
    """Judgements of the last inspection, listed as "Label: grade" lines."""
    for index, line in enumerate(lines):
        if re.search(r"judgements? for the local authority (?:were|was)", line.text, re.I):
            context = join_lines([lines[i].text for i in range(max(index - 1, 0), index + 1)])
            window = join_lines([lines[i].text for i in range(index + 1, index + 14)])
            return PreviousInspection(month_year(context), _labelled_grades(window))
    return None


def _labelled_grades(text: str) -> tuple[Judgement, ...]:
    judgements: list[Judgement] = []
    position = 0
    for match in _LABELLED_GRADE.finditer(text):
        if text[position : match.start()].strip(" .,;"):
            break  # the list has ended
        position = match.end()
        area = match_area(match[1], "sif")
        grade = grade_in(match[2])
        if area and grade and area.key not in {j.area for j in judgements}:
            judgements.append(Judgement(area.key, grade.key))
    return tuple(judgements)


def _recommendations(lines: Sequence[Line]) -> tuple[list[Recommendation], int]:
    """The numbered recommendations and the index of the line after them."""
    for index, line in enumerate(lines):
        if line.text.lower() in _RECOMMENDATION_HEADINGS:
            items, end = collect(lines, index + 1, 1, _heading, stop=_recommendations_end)
            return [Recommendation(p.number, p.text) for p in items], end
    return [], 0


def _recommendations_end(lines: Sequence[Line], index: int) -> bool:
    text = lines[index].text.lower()
    return text in _PLAIN_HEADINGS or bool(_SECTION_STARTS.match(lines[index].text))


def _heading(lines: Sequence[Line], index: int) -> tuple[str | None] | None:
    """(area,) for a section heading, (None,) for another heading, None for body text."""
    text = lines[index].text
    if text.lower() in _PLAIN_HEADINGS or text.lower().startswith("information about this"):
        return (None,)
    if not _SECTION_STARTS.match(text) or text.endswith("."):
        return None
    previous = lines[index - 1].text if index else ""
    if previous and not _TERMINATOR.search(previous) and not _is_grade_line(previous):
        return None
    following = [text]
    for line in lines[index + 1 : index + 4]:
        if _is_grade_line(line.text) or line.text.lower() in _PLAIN_HEADINGS:
            break
        if NUMBERED.match(line.text) or len(" ".join(following)) > 150:
            break
        following.append(line.text)
    area = match_area(" ".join(following), "sif")
    return (area.key if area else None,)


def _is_grade_line(text: str) -> bool:
    return bool(re.fullmatch(rf"(?:{_GRADE_WORDS})(?:\s+to\s+be\s+good)?", text.strip(), re.I)) or (
        text.strip().lower() in {"to be good"}
    )


