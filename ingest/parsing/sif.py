"""The single inspection framework (2013-2018): the local authority's inspection, the
review of its Local Safeguarding Children Board (LSCB) where there is one, and
re-inspections.

Page 1 carries the overall judgement and a judgement table. After it the report
numbers its paragraphs in one running sequence: key findings, recommendations,
strengths, findings by service area, then the LSCB's recommendations and findings.
Headings say which part a paragraph belongs to; the layouts of 2014, 2015 and
2016-18 name them differently. A report appended to another (an LSCB review after
the local authority's) may start its numbering again.
"""

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..errors import InputError
from ..frameworks import GRADE_WORDS, first_grade, match_area, whole_grade
from ..model import (
    EmptyList,
    Finding,
    Judgement,
    Line,
    PreviousInspection,
    Recommendation,
    Report,
    SourceText,
)
from .backcover import back_cover_start
from .citations import split_citation
from .headers import (
    inspection_spells,
    inspection_team,
    lead_inspectors,
    name_above,
    publication_date,
)
from .paragraphs import (
    ENDS_SENTENCE,
    MARKER,
    NUMBERED,
    Numbering,
    Paragraph,
    cited,
    heading_like,
    is_subheading,
    opening,
    out_of_order,
    repeated,
    skipped,
    with_text,
)
from .textutil import join_lines, month_year

LA, LSCB = "local-authority", "lscb"
_GRADE_WORDS = GRADE_WORDS
_ROW_NUMBER = re.compile(r"(?:^|(?<=\s))(\d)(?:\.(\d))?\.?\s+(?=[A-Z])")
_ROW_GRADE = re.compile(rf"(.+?)\s+({_GRADE_WORDS})\b", re.I | re.S)
_LABELLED_GRADE = re.compile(rf"([A-Z][^:]{{2,120}}?):\s*({_GRADE_WORDS})\b\.?", re.I)
_UNREADABLE_ROW = re.compile(r"([A-Z][^:]{2,120}?):\s*\S{0,40}")
_OVERALL = re.compile(
    r"children's services(?: in .+?)? (?=(?:are|is|require|requires)\s)"
    r"|the overall judgement is\s",
    re.I,
)
_BOARD = r"(?:Local|[A-Z][\w' ]{1,40}?)\s+Safeguarding\s+Children\s+Board(?:\s*\(\w+\))?|LSCB"
_BOARD_JUDGEMENT = re.compile(
    rf"^(?:The\s+)?(?:judgement\s+for\s+)?(?:the\s+)?(?:effectiveness\s+of\s+the\s+)?"
    rf"(?:{_BOARD})\s+(?:is|are|requires?\s+improvement)\s*(?:judged\s+to\s+be\s+)?",
    re.I,
)
_AREA_HEADING = re.compile(
    r"^(The experiences and progress of|Leadership, management|The graded judge?ment)"
)
_LSCB_HEADING = re.compile(
    rf"^(?:Section 2\b"
    rf"|(?:Inspection|Review) of the effectiveness of the (?:local safeguarding|LSCB)"
    rf"|Inspection judge?ments? about the LSCB|What does the LSCB need to improve"
    rf"|Inspection findings\s*\W\s*the Local Safeguarding|Key strengths and weaknesses of the"
    rf"|The effectiveness of the (?:Local Safeguarding Children Board|LSCB)"
    rf"|The (?:{_BOARD})(?:\s+(?:is|are|requires?)\s+(?:{_GRADE_WORDS})\.?)?$)",
    re.I,
)
# Headings that start a report of its own, whose paragraph numbers may start again.
_APPENDED_REPORT = re.compile(
    r"^(?:Inspection|Review) of the effectiveness of the local safeguarding", re.I
)
_RECOMMENDATION_HEADINGS = {
    "recommendations", "what does the local authority need to improve?",
    "what does the lscb need to improve?", "priority and immediate action",
    "priority and immediate actions", "areas for improvement",
}
_FINDING_HEADINGS = {
    "summary", "inspection findings", "executive summary", "summary of findings",
    "summary of key findings", "the local authority's strengths",
    "the local authority has the following strengths", "progress since the last inspection",
    "inspection judgements about the local authority", "summary for children and young people",
    "summary for children",
    "key judgement judgement grade", "the local authority",
}
_OTHER_HEADINGS = (
    "information about this", "other ofsted inspections", "previous ofsted inspections",
    "what the inspection judgements mean", "what the inspection judgments mean", "contents",
    "the inspection team", "children living in this area", "child protection in this area",
    "children looked after in this area", "other information about this area",
    "local leadership", "annex",
)
_TERMINATOR = re.compile(r"[.:;)!?]$")
_LSCB_IN_TITLE = re.compile(r"Local Safeguarding Children Board|LSCB", re.I)
# "There are no areas for priority action": said in a list, but not one of its items.
_NONE = re.compile(
    r"^(?:There (?:are|were) no|The inspection did not find any|No areas (?:were|have been)\b)",
    re.I,
)
# A sentence stating that the list it stands in is empty: it names what the list holds.
_EMPTY = re.compile(
    rf"(?:{_NONE.pattern[1:]}).{{0,80}}?\b(?:areas?|priority|actions?|recommendations?"
    r"|improvements?)\b[^.]{0,80}\.?", re.I)
# "The local authority's strengths", "The LSCB's strengths", "X has the following strengths":
# the findings after a list of recommendations, for whichever body.
_STRENGTHS = re.compile(
    r"^(?:the\s+)?[\w' ]{2,60}?(?:'s|\s+has the following)\s+strengths:?$", re.I
)


@dataclass
class _Section:
    role: str  # "finding", "recommendation" or "other"
    body: str  # LA or LSCB
    area: str | None
    may_restart: bool = False
    lines: list[int] = field(default_factory=list)
    heading: str = ""  # the heading that opens it, as printed


def parse_sif(text: SourceText, title_at: int, title: str) -> Report:
    lines = text.lines
    name = text.source.location
    spells = inspection_spells(name, lines)
    start, end = spells[0][0], spells[-1][1]
    body_at = _body_start(lines, title_at)
    lscb_only = title.lower().startswith("review")
    judgements = [] if lscb_only else _judgement_table(name, lines, title_at, body_at)
    board = _board_judgement(lines)
    if board:
        judgements.append(board)
    elif lscb_only or _LSCB_IN_TITLE.search(title):
        raise InputError(name, "reviews its LSCB but states no judgement of the board")
    sections = _sections(lines, body_at, LSCB if lscb_only else LA)
    findings, recommendations, left_out, twice, late, empty = _items(lines, sections)
    lead, inspectors = inspection_team(lines)
    return Report(
        source=text.source,
        authority=_authority(lines, title_at, name),
        title=title,
        framework="lscb" if lscb_only else ("sif-lscb" if board else "sif"),
        reinspection=title.lower().startswith("re-"),
        start=start,
        end=end,
        spells=spells,
        published=publication_date(lines),
        judgements=judgements,
        previous=_previous(lines),
        recommendations=recommendations,
        findings=findings,
        skipped_numbers=left_out,
        repeated_numbers=twice,
        out_of_order_numbers=late,
        empty_lists=empty,
        lead_inspector=lead,
        leads=lead_inspectors(lines),
        inspectors=inspectors,
    )



parse = parse_sif  # the name the dispatch table calls


def _authority(lines: Sequence[Line], title_at: int, source: str) -> str:
    name = name_above(lines, title_at)
    if name is None:
        raise InputError(source, "names no local authority above its title")
    return re.sub(r"\s+Safeguarding Children Board$", "", name)


def _body_start(lines: Sequence[Line], title_at: int) -> int:
    """Where page 1 (title, judgement table) ends: table rows are not paragraphs."""
    if lines[title_at].page is not None:
        for index in range(title_at, len(lines)):
            if lines[index].page != lines[title_at].page:
                return index
    for index in range(title_at + 1, len(lines)):
        if lines[index].text.lower().startswith(("executive summary", "contents", "section 1")):
            return index
    return title_at + 1


def _judgement_table(source: str, lines: Sequence[Line], title_at: int, body_at: int):
    """The overall judgement sentence and the numbered judgement rows under it."""
    block = []
    for line in lines[title_at + 1 : max(body_at, title_at + 40)]:
        if line.text.lower().startswith(("executive summary", "contents", "section 1")):
            break
        block.append(line.text)
    text = join_lines(block)
    overall = _OVERALL.search(text)
    if not overall:
        raise InputError(source, "has no overall judgement ('Children's services in ... are ...')")
    first_row = re.search(r"\b1\.\s", text[overall.end() :])
    cut = overall.end() + (first_row.start() if first_row else len(text))
    grade = first_grade(text[overall.end() : cut])
    if grade is None:
        raise InputError(source, "states no grade in its overall judgement")
    page = lines[title_at].page
    judgements = [Judgement("overall", grade.key, page, _stating(text[overall.start() : cut]))]
    for row in _numbered_rows(text[cut:]):
        graded = _ROW_GRADE.match(row)
        label = (graded[1] if graded else row)[:_LONGEST_LABEL + 1]
        area = match_area(label, "sif") if len(label) <= _LONGEST_LABEL else None
        if area is None:
            continue  # not a row: a footnote, or the text after the table
        # unreadable (no grade) unless the cell prints a whole grade phrase
        row_grade = whole_grade(graded[1], graded[2], row[graded.end():]) if graded else None
        if area.key not in {j.area for j in judgements}:
            judgements.append(
                Judgement(area.key, row_grade.key if row_grade else None, page, label.strip()))
    return judgements


_LONGEST_LABEL = 100  # characters; a longer "label" is prose (a footnote, the summary)


def _numbered_rows(text: str) -> list[str]:
    """The table's rows, each cut at the next row's number ("1.", "2.", "2.1", "3."), so a
    row whose grade cannot be read never reaches into the next row's grade."""
    starts = [(number.start(), number.end()) for number in _ROW_NUMBER.finditer(text)]
    ends = [start for start, _ in starts[1:]] + [len(text)] if starts else []
    return [text[body:end].strip() for (_, body), end in zip(starts, ends, strict=True)]


def _stating(text: str) -> str:
    """The words of ``text`` up to the end of the first grade they state, as printed."""
    phrase = re.match(rf".*?\b(?:{_GRADE_WORDS})\b", text, re.I | re.S)
    return (phrase[0] if phrase else text).strip()


def _board_judgement(lines: Sequence[Line]) -> Judgement | None:
    """The LSCB's grade: on page 1 in 2014, later at the head of the board's section."""
    for index, line in enumerate(lines):
        if "Safeguarding Children" not in line.text and "LSCB" not in line.text:
            continue
        window = join_lines([lines[i].text for i in range(index, min(index + 3, len(lines)))])
        match = _BOARD_JUDGEMENT.match(window)
        if match:
            grade = re.match(rf"({_GRADE_WORDS})\b", window[match.end() :], re.I)
            phrase = grade[1] if grade else window[match.start() : match.end()]
            found = first_grade(phrase) if grade or "improvement" in phrase.lower() else None
            if found:
                printed = _stating(window[match.start() :])
                return Judgement("lscb", found.key, line.page, printed)
    return None


def _previous(lines: Sequence[Line]) -> PreviousInspection | None:
    """Judgements of the last inspection, listed as "Label: grade" lines."""
    for index, line in enumerate(lines):
        if re.search(r"judgements? for the local authority (?:were|was)", line.text, re.I):
            context = join_lines([lines[i].text for i in range(max(index - 1, 0), index + 1)])
            window = join_lines([lines[i].text for i in range(index + 1, index + 14)])
            grades = _labelled_grades(window, lines[index + 1].page if index + 1 < len(lines)
                                      else None)
            return PreviousInspection(month_year(context), grades)
    return None


def _labelled_grades(text: str, page: int | None = None) -> tuple[Judgement, ...]:
    judgements: list[Judgement] = []
    position = 0
    for match in _LABELLED_GRADE.finditer(text):
        gap = text[position : match.start()].strip(" .,;")
        unreadable = _UNREADABLE_ROW.fullmatch(gap)
        area = match_area(unreadable[1], "sif") if unreadable else None
        if gap and area is None:
            break  # the list has ended
        if area is not None and unreadable and area.key not in {j.area for j in judgements}:
            # a row whose grade cannot be read: kept with none, never the next row's
            judgements.append(Judgement(area.key, None, page, unreadable[1].strip()))
        position = match.end()
        area = match_area(match[1], "sif")
        grade = first_grade(match[2])
        if area and grade and area.key not in {j.area for j in judgements}:
            judgements.append(Judgement(area.key, grade.key, page, match[1].strip()))
    return tuple(judgements)


def _sections(lines: Sequence[Line], start: int, body: str) -> list[_Section]:
    """The body cut at its headings, each part labelled with what its paragraphs are."""
    current = _Section("finding", body, LSCB if body == LSCB else None)
    sections = [current]
    for index in range(start, back_cover_start(lines)):
        heading = _heading(lines, index, current)
        if heading is None:
            current.lines.append(index)
        else:
            heading.heading = lines[index].text.strip()
            current = heading
            sections.append(current)
    return sections


def _heading(lines: Sequence[Line], index: int, current: _Section) -> _Section | None:
    """The section a heading line opens, or None for body text."""
    text = lines[index].text.strip()
    lowered = text.lower().rstrip(":").strip()
    if NUMBERED.match(text) or MARKER.fullmatch(text) or len(text) > 120:
        return None
    if re.search(r"\s\d{1,3}$", text):  # a contents entry, with its page number
        return None
    if _LSCB_HEADING.match(text):
        role = "recommendation" if "improve" in lowered else "finding"
        return _Section(role, LSCB, LSCB, may_restart=bool(_APPENDED_REPORT.match(text)))
    if _STRENGTHS.match(text):
        return _Section("finding", current.body, current.area)
    if lowered in _RECOMMENDATION_HEADINGS:
        return _Section("recommendation", current.body, current.area)
    section_1 = bool(re.match(r"section 1\b\s*:", lowered))
    if lowered in _FINDING_HEADINGS or section_1:
        body = LA if section_1 or lowered.startswith("inspection judgements") else current.body
        return _Section("finding", body, current.area if body == current.body else None)
    if lowered.startswith(_OTHER_HEADINGS):
        return _Section("other", current.body, current.area)
    if current.role != "recommendation" and _is_area_heading(lines, index):
        area = match_area(_heading_text(lines, index), "sif")
        area_key = LSCB if current.body == LSCB else (area.key if area else current.area)
        return _Section("finding", current.body, area_key)
    return None


def _is_area_heading(lines: Sequence[Line], index: int) -> bool:
    text = lines[index].text
    if not _AREA_HEADING.match(text):
        return False
    if text.endswith(".") and not text.startswith("The graded"):
        return False
    previous = lines[index - 1].text if index else ""
    return (
        not previous
        or bool(_TERMINATOR.search(previous))
        or _is_grade_line(previous)
        or previous.lower().rstrip(": ") in _FINDING_HEADINGS  # "Inspection judgements about ..."
    )


def _heading_text(lines: Sequence[Line], index: int) -> str:
    """A heading with the lines it wraps onto, up to its grade."""
    pieces = [lines[index].text]
    for line in lines[index + 1 : index + 4]:
        if _is_grade_line(line.text) or line.text.lower() in _FINDING_HEADINGS:
            break
        if NUMBERED.match(line.text) or len(" ".join(pieces)) > 150:
            break
        pieces.append(line.text)
    return " ".join(pieces)


def _is_grade_line(text: str) -> bool:
    return bool(re.fullmatch(rf"(?:{_GRADE_WORDS})\.?", text.strip(), re.I)) or (
        text.strip().lower() in {"to be good", "be good"}
    )


def _items(
    lines: Sequence[Line], sections: list[_Section]
) -> tuple[list[Finding], list[Recommendation], tuple[int, ...], tuple[int, ...],
           tuple[int, ...], tuple[EmptyList, ...]]:
    """Findings, recommendations, the numbers the report skips and those it prints twice,
    and the lists stated to be empty: numbered paragraphs in one running sequence, or,
    where a list is not numbered, its bullets."""
    findings: list[Finding] = []
    empty: list[EmptyList] = []
    recommendations: list[Recommendation] = []
    left_out: list[int] = []
    twice: list[int] = []
    late: list[int] = []
    numbering = Numbering(1)
    printed_numbers: Counter = Counter()
    texts = [line.text for line in lines]
    restart = False  # an appended report's heading met, its first paragraph not yet
    for section in sections:
        restart = (restart or section.may_restart) and section.body == LSCB
        section.may_restart = restart
        paragraphs = _numbered(lines, section, numbering, printed_numbers, texts)
        restart = section.may_restart
        left_out += skipped(paragraphs)
        twice += repeated(paragraphs)
        late += out_of_order(paragraphs)
        paragraphs = with_text(paragraphs)
        if section.role != "recommendation":
            findings += [_finding(p, section.body) for p in paragraphs]
            continue
        stated = _stated_empty(lines, section, paragraphs)
        empty += stated
        paragraphs = [p for p in paragraphs if not _EMPTY.fullmatch(p.text)]
        printed = bool(paragraphs)
        if not paragraphs and not stated:
            paragraphs = _bullets(lines, section, _count(recommendations, section.body) + 1)
        recommendations += [_recommendation(p, section.body, printed) for p in paragraphs]
    if not findings:  # a layout with no numbered paragraphs: its bullets are the findings
        for section in (s for s in sections if s.role == "finding"):
            start = _count(findings, section.body) + 1
            findings += [_finding(p, section.body) for p in _bullets(lines, section, start)]
    return (findings, recommendations, tuple(left_out), tuple(sorted(set(twice))),
            tuple(sorted(set(late))), tuple(empty))


def _stated_empty(lines: Sequence[Line], section: _Section,
                  paragraphs: list[Paragraph]) -> list[EmptyList]:
    """The sentences of a list of recommendations saying that it is empty ("There are no
    areas for priority and immediate action"): a numbered paragraph that says only that,
    or an unnumbered sentence opening the list."""
    said = [EmptyList(section.heading, p.text, section.body, p.number, p.page)
            for p in paragraphs if _EMPTY.fullmatch(p.text)]
    pieces: list[str] = []
    for index in section.lines[:3]:
        text = lines[index].text
        if NUMBERED.match(text) or lines[index].bullet:
            break
        pieces.append(text)
        if ENDS_SENTENCE.search(text):
            break
    sentence = join_lines(pieces)
    if pieces and _EMPTY.fullmatch(sentence):
        page = lines[section.lines[0]].page
        said.insert(0, EmptyList(section.heading, sentence, section.body, None, page))
    return said


def _recommendation(paragraph: Paragraph, body: str, printed: bool) -> Recommendation:
    text, citation, cited_numbers = split_citation(paragraph.text)
    return Recommendation(
        paragraph.number, text, body, printed, citation, cited_numbers, paragraph.printing
    )


def _count(items, body: str) -> int:
    return sum(1 for item in items if item.body == body)


def _finding(paragraph: Paragraph, body: str) -> Finding:
    return Finding(
        paragraph.number, paragraph.text, paragraph.area, paragraph.page, paragraph.flagged,
        body, cited(paragraph.raw_text), paragraph.printing,
    )


def _numbered(lines: Sequence[Line], section: _Section, numbering: Numbering,
              printed: Counter, texts: Sequence[str]) -> list[Paragraph]:
    """The section's numbered paragraphs. ``numbering`` is the running sequence, carried
    from section to section; ``printed`` counts the numbers met so far in the body: a
    number printed again is a second printing. Sub-headings between paragraphs close the
    open one and are not its text. ``texts`` are every line's text, to look ahead."""
    paragraphs: list[Paragraph] = []
    section_texts = [lines[index].text for index in section.lines]
    previous = ""
    is_open = False
    for position, index in enumerate(section.lines):
        text = section_texts[position]
        if section.may_restart and numbering.expected > 2 and _opens_run(text, previous):
            numbering.restart()  # an appended report numbers its paragraphs from 1 again
            section.may_restart = False
        opened = numbering.open(texts, index, previous)
        if opened:
            section.may_restart = False
            printed[section.body, opened.number] += 1
            paragraphs.append(Paragraph(
                opened.number, lines[index].page, section.area, [opened.rest],
                opened.after_skip, printed[section.body, opened.number], opened.out_of_order,
            ))
            is_open = True
        elif is_subheading(section_texts, position, numbering.expected, previous) or (
                _opens_list(lines, section.lines, position, previous)):
            is_open, previous = False, ""
            continue
        elif is_open:
            paragraphs[-1].pieces.append(text)
        previous = text
    return paragraphs


def _opens_list(lines: Sequence[Line], indexes: list[int], position: int, previous: str) -> bool:
    """A heading over a bulleted list ("Summary for children", then its bullets): a
    heading-like line after a finished sentence with a bullet on the next line. It and its
    list are not the text of the paragraph above."""
    following = indexes[position + 1] if position + 1 < len(indexes) else None
    return (
        following is not None and lines[following].bullet == 1
        and bool(ENDS_SENTENCE.search(previous)) and heading_like(lines[indexes[position]].text)
    )


def _opens_run(text: str, previous: str) -> bool:
    """Whether ``text`` opens paragraph 1 (or 2, the report leaving out 1)."""
    found = opening(text, 1, previous)
    return found is not None and found[0] in (1, 2)


def _bullets(lines: Sequence[Line], section: _Section, first: int) -> list[Paragraph]:
    """The items of a bulleted list, numbered by their place from ``first``; a sub-heading
    between items (a short line after a finished one, before the next bullet) is not
    the text of the item above it."""
    items: list[Paragraph] = []
    for position, index in enumerate(section.lines):
        line = lines[index]
        if line.bullet == 1:
            items.append(Paragraph(first + len(items), line.page, section.area, [line.text]))
        elif items and not _is_grade_line(line.text) and not _between_bullets(
            lines, section.lines, position
        ):
            items[-1].pieces.append(line.text)
    return [item for item in items if item.text]


def _between_bullets(lines: Sequence[Line], indexes: list[int], position: int) -> bool:
    """A heading-like line after a finished sentence with a bullet on the next line."""
    if position + 1 >= len(indexes) or lines[indexes[position + 1]].bullet != 1:
        return False
    before = lines[indexes[position - 1]].text if position else ""
    return heading_like(lines[indexes[position]].text) and bool(ENDS_SENTENCE.search(before))
