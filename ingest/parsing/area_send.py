"""Area SEND inspections of a local area partnership (Ofsted and the CQC, 2023 onwards).

The title names the partnership ("Area SEND inspection of Bury Local Area Partnership");
no publication date is printed. An "Inspection outcome" box states one of three outcomes
(not a grade) and the next steps. Findings are the paragraphs of the two opening prose
sections and the bullets of "What is the area partnership doing that is effective?" and
"... need to do better?"; recommendations are the rows of the "Areas for priority
action" table (responsible body and action; only with the third outcome) and the
paragraphs of "Areas for improvement", in printed order, numbered by position. The
tables (priority actions, partnership details, inspection team) are read by position
(``columns``).
"""

import re
from collections.abc import Sequence
from datetime import date
from statistics import quantiles

from ..errors import InputError
from ..model import (
    AreaSend,
    Finding,
    Inspector,
    Line,
    ParseProblem,
    Recommendation,
    Report,
    SendInspector,
    SendOutcome,
    SourceText,
)
from .backcover import back_cover_start
from .columns import Layout, line_spacing, spacing_of, table
from .headers import header_field, inspection_spells
from .textutil import date_range, join_lines

FRAMEWORK = "area-send"
_TITLE = re.compile(r"^Area\s+SEND\s+inspection\s+of\s+(?:the\s+)?(?P<partnership>(?P<place>.+?)"
                    r"\s+Local\s+Area\s+Partnership)\b", re.I)
OUTCOMES = (
    ("positive", re.compile(r"typically\s+lead\s+to\s+positive\s+experiences\s+and\s+outcomes",
                            re.I)),
    ("inconsistent", re.compile(r"lead\s+to\s+inconsistent\s+experiences\s+and\s+outcomes", re.I)),
    ("systemic-failings", re.compile(r"widespread\s+and/or\s+systemic\s+failings", re.I)),
)
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_NEXT = re.compile(r"next\s+full\s+(?:area\s+send\s+)?(?:re-?inspection|inspection)\s+will\s+"
                   r"(?:be|take\s+place)\s+within\s+(?:approximately\s+)?(\w+)\s+years?", re.I)
_MONITORING = re.compile(r"monitoring\s+inspection\s+will\s+be\s+carried\s+out\s+within\s+"
                         r"(?:approximately\s+)?(\w+)\s+months?", re.I)
_PLAN = re.compile(r"requires\s+the\s+local\s+area\s+partnership\s+to\s+prepare\s+and\s+submit"
                   r"\s+a\s+priority\s+action\s+plan", re.I)

# Section headings, in the order reports print them: (key, pattern of the heading line).
SECTIONS = (
    ("outcome", re.compile(r"^Inspection outcome$", re.I)),
    ("partnership", re.compile(r"^Information about the local area partnership$", re.I)),
    ("experiences", re.compile(r"^What is it like to be a child or young person\b", re.I)),
    ("effective", re.compile(r"^What is the area partnership doing that is effective\??$", re.I)),
    ("do-better", re.compile(r"^What does the area partnership need to do better\??$", re.I)),
    ("priority", re.compile(r"^Areas for priority action$", re.I)),
    ("improvement", re.compile(r"^Areas for improvement$", re.I)),
    ("details", re.compile(r"^Local area partnership details$", re.I)),
    ("about", re.compile(r"^Information about this inspection$", re.I)),
    ("team", re.compile(r"^Inspection team$", re.I)),
)
_TABLE_END = re.compile(r"^(?:Areas for improvement|Local area partnership details|"
                        r"Information about this inspection)", re.I)
_SENTENCE_END = re.compile(r"[.!?][\"')\u2019\u201d]*$")


def parse(text: SourceText, title_at: int, title: str) -> Report:
    lines = text.lines
    name = text.source.location
    named = _TITLE.match(" ".join(title.split()))
    if named is None:
        raise InputError(name, "names no local area partnership in its title")
    spells = inspection_spells(name, lines)
    start, end = spells[0][0], spells[-1][1]
    sections = section_starts(lines, title_at)
    outcome = _outcome(name, lines, sections)
    starts = line_spacing(text)
    findings = _findings(lines, sections, starts)
    recommendations = (_priority_actions(text, lines, sections)
                       + _improvements(lines, sections, starts))
    recommendations = [
        Recommendation(n, r.text, printed=False, kind=r.kind, responsible=r.responsible,
                       page=r.page)
        for n, r in enumerate(recommendations, start=1)]
    council, icbs = _details(text, lines, sections)
    previous_text = _previous(lines, sections)
    team = _team(text, lines, sections)
    lead = next((i.name for i in team if i.lead and i.body == "ofsted"), None)
    return Report(
        source=text.source,
        authority=named["place"],
        title=" ".join(title.split()),
        framework=FRAMEWORK,
        reinspection=False,
        start=start,
        end=end,
        published=None,  # area SEND reports print no publication date
        spells=spells,
        findings=findings,
        recommendations=recommendations,
        lead_inspector=lead,
        leads=tuple(Inspector(i.name, i.role, i.page, i.printed) for i in team if i.lead),
        inspectors=[i.name for i in team],
        area_send=AreaSend(
            partnership=" ".join(named["partnership"].split()),
            outcome=outcome, icbs=icbs, council=council, previous=previous_text,
            previous_dates=_dates_only(previous_text),
            team=tuple(team)),
    )


def _previous(lines: Sequence[Line], sections: dict[str, int]) -> str | None:
    """The previous inspection line as printed after its label: dates, "Not previously
    inspected", or prose (an inspection and a revisit) wrapped down to the outcome box."""
    found = header_field(lines, r"dates?\s+of\s+previous\s+inspections?", within=12)
    if found is None:
        return None
    at = found[0]
    stop = sections.get("outcome", at + 1)
    first = re.sub(r"^dates?\s+of\s+previous\s+inspections?\s*:?\s*", "", lines[at].text,
                   flags=re.I)
    return join_lines([first, *(line.text for line in lines[at + 1 : stop])]) or None


def _dates_only(previous: str | None) -> tuple[date, date] | None:
    """The days of the previous inspection where the line is a range of days and nothing
    else (prose naming an inspection and a revisit gives none: which is meant?)."""
    if previous is None or len(previous) > 45:
        return None
    return date_range(previous)


def section_starts(lines: Sequence[Line], title_at: int) -> dict[str, int]:
    """The line index of each section heading the report prints (its first printing)."""
    found: dict[str, int] = {}
    for index in range(title_at + 1, len(lines)):
        text = lines[index].text.strip()
        for key, pattern in SECTIONS:
            if key not in found and pattern.match(text):
                found[key] = index
    return found


def _span(lines: Sequence[Line], sections: dict[str, int], key: str) -> list[Line]:
    """The lines of one section: from under its heading to the next heading printed."""
    if key not in sections:
        return []
    start = sections[key] + 1
    after = sorted(i for i in sections.values() if i > sections[key])
    stop = after[0] if after else back_cover_start(lines)
    # a lone bullet glyph (a list's end mark in some reports) is not text
    return [line for line in lines[start:stop]
            if not _is_heading(line.text, key) and re.search(r"[A-Za-z0-9]", line.text)]


def _is_heading(text: str, key: str) -> bool:
    """A heading printed again (reports often print "Areas for improvement" twice)."""
    return any(k == key and p.match(text.strip()) for k, p in SECTIONS)


def _outcome(source: str, lines: Sequence[Line], sections: dict[str, int]) -> SendOutcome:
    box = _span(lines, sections, "outcome")
    printed = join_lines([line.text for line in box])
    found = [key for key, pattern in OUTCOMES if pattern.search(printed)]
    if len(found) != 1:
        raise InputError(source, "has an inspection outcome box that cannot be read (it states "
                         + ("none of the three outcomes" if not found else "more than one outcome")
                         + ")")
    next_years = _NEXT.search(printed)
    monitoring = _MONITORING.search(printed)
    return SendOutcome(
        key=found[0], printed=printed, page=box[0].page if box else None,
        next_inspection_years=_count(next_years[1]) if next_years else None,
        monitoring_months=_count(monitoring[1]) if monitoring else None,
        priority_action_plan=bool(_PLAN.search(printed)),
    )


def _count(word: str) -> int | None:
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word.lower())


# -- findings -------------------------------------------------------------------------


Starts = Layout | None  # a PDF's line spacing (columns)


def _findings(lines: Sequence[Line], sections: dict[str, int], starts: Starts) -> list[Finding]:
    width = _wrap_width(lines)
    items: list[tuple[str, str, int | None]] = []
    for key in ("partnership", "experiences", "effective", "do-better"):
        span = _span(lines, sections, key)
        if key == "experiences":  # a heading wrapped over two lines
            span = [line for line in span if not line.text.rstrip().endswith("in this area?")]
        bulleted = key in {"effective", "do-better"} and any(line.bullet == 1 for line in span)
        chunks = _bullets(span) if bulleted else paragraphs(span, width, starts)
        items += [(key, join_lines([line.text for line in chunk]), chunk[0].page)
                  for chunk in chunks]
    return [Finding(n, text, key, page, False)
            for n, (key, text, page) in enumerate(((k, t, p) for k, t, p in items if t), start=1)]


def _wrap_width(lines: Sequence[Line]) -> float:
    lengths = [len(line.text) for line in lines if len(line.text) > 30]
    return quantiles(lengths, n=20)[-1] if len(lengths) >= 2 else 90.0


def _bullets(span: list[Line]) -> list[list[Line]]:
    items: list[list[Line]] = []
    for line in span:
        if line.bullet == 1 or not items:
            items.append([line])
        else:
            items[-1].append(line)
    return items


def paragraphs(span: list[Line], width: float, starts: Starts = None) -> list[list[Line]]:
    """Unnumbered paragraphs. In a PDF a line starts one where it stands further below
    the line above than half a line more, or by 0.3 pt more than its neighbours stand
    apart (some reports space paragraphs by half a point), or where the line above ends
    a sentence and stops short of the margin by more than this line's first word. At the
    top of a page, and in a text rendering, a line ends one where it ends a sentence and
    the next line's first word would have fitted on it (counted in characters); in a
    rendering that does not wrap (lines far longer than a page's), every line is one. A
    bullet stays with its paragraph."""
    unwrapped = width > 150
    spacings = [spacing_of(starts, line.page, line.text) for line in span] if starts else []
    items: list[list[Line]] = []
    ended = True
    for index, line in enumerate(span):
        if ended and not (items and line.bullet):
            items.append([line])
        else:
            items[-1].append(line)
        following = span[index + 1].text if index + 1 < len(span) else ""
        first_word = following.split(" ", 1)[0]
        ends = bool(_SENTENCE_END.search(line.text))
        fits = len(line.text) + 1 + len(first_word) <= width - 2
        ended = ends and (unwrapped or fits)
        if spacings and index + 1 < len(span) and span[index + 1].page == line.page:
            ended = _breaks(spacings, span, index + 1, ended)
    return items


def _breaks(spacings: list, span: list[Line], at: int, guess: bool) -> bool:
    """Whether a paragraph starts at ``span[at]``, from the PDF's spacing (``guess``
    where the line was not found there)."""
    here = spacings[at]
    if here is None:
        return guess
    neighbours = [spacings[i].gap for i in (at - 1, at + 1)
                  if 0 < i < len(span) and spacings[i] is not None
                  and span[i].page == span[at].page and span[i - 1].page == span[i].page]
    return (here.after_short or here.gap > 1.5 * here.height
            or bool(neighbours) and here.gap > min(neighbours) + 0.3)


# -- recommendations ---------------------------------------------------------------------


def _priority_actions(text: SourceText, lines: Sequence[Line],
                      sections: dict[str, int]) -> list[Recommendation]:
    if "priority" not in sections:
        return []
    first_page = lines[sections["priority"]].page
    rows = table(text, "Responsible body", "Areas for priority action", _TABLE_END, first_page)
    actions = []
    for row in rows or []:
        body, action = row.cells()
        action = join_lines(action.splitlines())
        if action:
            actions.append(Recommendation(0, action, printed=False, kind="priority-action",
                                          responsible=body or None, page=row.page))
    return actions


def _improvements(lines: Sequence[Line], sections: dict[str, int],
                  starts: Starts) -> list[Recommendation]:
    span = _span(lines, sections, "improvement")
    width = _wrap_width(lines)
    numbered = [line for line in span if re.match(r"^\d{1,2}\.\s", line.text)]
    chunks = _numbered(span) if numbered else paragraphs(span, width, starts)
    items = []
    for chunk in chunks:
        words = re.sub(r"^\d{1,2}\.\s+", "", join_lines([line.text for line in chunk]))
        if words:
            items.append(Recommendation(0, words, printed=False, kind="area-for-improvement",
                                        page=chunk[0].page))
    return items


def _numbered(span: list[Line]) -> list[list[Line]]:
    items: list[list[Line]] = []
    for line in span:
        if re.match(r"^\d{1,2}\.\s", line.text) or not items:
            items.append([line])
        else:
            items[-1].append(line)
    return items


# -- tables: partnership details and inspection team ------------------------------------


_LABEL = re.compile(r"^Name of (?:ICB|authority)\s*:\s*", re.I)
# Two boards in one cell: "Surrey Heartlands ICB and Frimley ICB", "... ICB; NHS ... ICB"
_BOARDS = re.compile(r"(?:(?<=\bICB)|(?<=\bBoard))\s*(?:;|,|\band\b)\s*", re.I)


def _details(text: SourceText, lines: Sequence[Line],
             sections: dict[str, int]) -> tuple[str | None, tuple[str, ...]]:
    """The local authority and the integrated care board(s) the details table names in
    its first row."""
    if "details" not in sections:
        return None, ()
    first_page = lines[sections["details"]].page
    end = re.compile(r"^Information about this inspection", re.I)
    rows = (table(text, "Local authority", "Integrated care board", end, first_page)
            or table(text, "Local authority", "Integrated care boards", end, first_page))
    if not rows:
        return None, ()
    council, icb = rows[0].cells()
    council = _LABEL.sub("", council).strip()
    boards = _BOARDS.split(_LABEL.sub("", join_lines(icb.splitlines())))
    return council or None, tuple(board.strip() for board in boards if board.strip())


_ROLE = re.compile(r"^(?P<name>.+?),?\s+(?:HMI,?\s+)?(?P<role>(?:Ofsted|CQC)\b.*)$", re.I)


def _team(text: SourceText, lines: Sequence[Line],
          sections: dict[str, int]) -> list[SendInspector]:
    """Both inspectorates' inspectors, read by column: Ofsted's left, the CQC's right."""
    if "team" not in sections:
        return []
    rows = table(text, "Ofsted", "Care Quality Commission",
                 re.compile(r"^(?:If you are not happy|The Office for Standards)", re.I),
                 lines[sections["team"]].page)
    team: list[SendInspector] = []
    page = lines[sections["team"]].page
    for body in ("ofsted", "cqc"):
        entries: list[str] = []
        for row in rows or []:
            for line in row.left if body == "ofsted" else row.right:
                if _ROLE.match(line) or not entries:
                    entries.append(line)
                else:  # a name or role wrapped onto a second line
                    entries[-1] += " " + line
        team += [found for entry in entries if (found := _inspector(entry, body, page))]
    return team


def _inspector(cell: str, body: str, page: int | None) -> SendInspector | None:
    found = _ROLE.match(cell.strip())
    if found is None:
        return None
    name = re.sub(r"^(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+|\s+HMI$", "", found["name"].strip(" ,"))
    role = cell.strip()[len(found["name"]):].strip(" ,")
    return SendInspector(name, body, "lead" in found["role"].lower(), cell.strip(), role, page)


# -- audit: every section printed was read ---------------------------------------------

_READ = (
    ("effective", "What is the area partnership doing that is effective?",
     lambda r: any(f.area == "effective" for f in r.findings)),
    ("do-better", "What does the area partnership need to do better?",
     lambda r: any(f.area == "do-better" for f in r.findings)),
    ("experiences", "What is it like to be a child or young person with SEND",
     lambda r: any(f.area == "experiences" for f in r.findings)),
    ("priority", "Areas for priority action",
     lambda r: any(x.kind == "priority-action" for x in r.recommendations)),
    ("improvement", "Areas for improvement",
     lambda r: any(x.kind == "area-for-improvement" for x in r.recommendations)),
    ("team", "Inspection team",
     lambda r: r.area_send is not None and any(i.lead for i in r.area_send.team)),
)


_PRINTED = (
    ("partnership", "Information about the local area partnership"),
    ("experiences", "What is it like to be a child or young person with SEND in this area?"),
    ("effective", "What is the area partnership doing that is effective?"),
    ("do-better", "What does the area partnership need to do better?"),
    ("improvement", "Areas for improvement"),
    ("team", "Inspection team"),
)


def area_send_problems(lines: Sequence[Line], title_at: int, report: Report) -> list[ParseProblem]:
    """A section the report prints but nothing was read from is a violation, naming it;
    priority actions that name no responsible body likewise."""
    sections = section_starts(lines, title_at)
    problems = [
        ParseProblem("Violation", key, f"No '{heading}' section was found (every area SEND "
                     "report prints one): its heading is not one the parser knows.")
        for key, heading in _PRINTED if key not in sections]
    problems += [
        ParseProblem("Violation", heading, f"The section '{heading}' is printed but nothing "
                     "was read from it.")
        for key, heading, read in _READ if key in sections and not read(report)]
    for item in report.recommendations:
        if item.kind == "priority-action" and not item.responsible:
            problems.append(ParseProblem(
                "Violation", f"recommendation {item.number}",
                f"Area for priority action {item.number} was read without its responsible body."))
    return problems
