"""What a report printed against what was read: every loss is caught.

After a report is parsed, its source lines are read again for the structure the
document shows of itself (the numbers that open its paragraphs, the rows of its
judgement table, the rows of its account of the previous inspection, its publication
line) and compared with the parsed report. Each difference becomes a ``ParseProblem``
naming the part; the counts seen are kept as ``PrintedCounts``. Both reach the graph
(``okg:parseViolation``, ``okg:parseWarning``, ``okg:printedParagraphCount`` ...),
where the shapes report them, so ``validate`` never says "Conforms" over a loss.

A number the document does not print at all (the numbering steps over it), a number
printed with no text, a blank page and a missing publication line are warnings: real
reports have each. A paragraph printed but not read, numbers missing between two
printed ones, a number printed twice (a warning where the parser kept both
paragraphs), numbering that goes backwards, a judgement row
not read as printed and a dates line that does not print the days read are violations.
"""

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from ..frameworks import first_grade, match_area, whole_grade
from ..model import Line, ParseProblem, PrintedCounts, Report, SourceText
from .area_send import area_send_problems
from .headers import find_title, header_field
from .textutil import join_lines

_OPENING = re.compile(r"^(\d{1,3})\.\.?(?:\s*(?=[A-Z\u2018\u201c'\"(])|\s*$)")  # "46.. Most"
_GRADE_END = re.compile(
    r"(?:requires?\s+improvement(?:\s+to\s+be\s+good)?|good|inadequate|outstanding"
    r"|not\s+judged)\.?\s*$", re.I)
_SIF_ROW = re.compile(r"(?:(?<=\s)|^)(\d\.\d|\d(?=\.))\.?\s*(?=[A-Z])")
_ILACS_ROW = re.compile(
    r"(?:The\s+)?(?:experiences?\s+and\s+progress\s+of|impact\s+of\s+leaders)"
    r"|Overall\s+effectiveness", re.I)
_ENDS_SENTENCE = re.compile(r"[.:;!?)\u201d\u2019\"']$")
_PREVIOUS = re.compile(r"judgements? for the local authority (?:were|was)", re.I)
_LABEL = re.compile(r"([A-Z][^:.]{2,120}?):\s*", re.I)
_TABLE_LINES = 60  # the judgement table stands within this many lines of the title
# A heading or contents entry naming a list of recommendations, in any framework.
_RECOMMENDATION_HEADING = re.compile(
    r"^\W*(?:recommendations|what needs to improve|what does the (?:local authority|lscb) need"
    r"|areas for (?:priority|improvement)|priority (?:and immediate )?actions?"
    r"|immediately:|within (?:three|six) months:)", re.I)
Opening = tuple[int, int, bool]  # line index, number, whether the number stands alone


def audited(parse: Callable[[SourceText], Report], text: SourceText) -> Report:
    """``parse(text)``, audited: the one call the pipeline makes."""
    return audit_report(text, parse(text))


def audit_report(text: SourceText, report: Report) -> Report:
    """``report`` with the problems found and the counts seen added."""
    lines = text.lines
    title_at = find_title(lines) or 0
    if report.framework == "area-send":
        return replace(report, parse_problems=report.parse_problems + tuple(
            area_send_problems(lines, title_at, report) + _dates(lines, report)),
            printed=PrintedCounts(_pages(lines), 0, 0, 0))
    openings = _openings(lines, title_at)
    problems = _numbering(openings, report) + _recommendation_numbers(report)
    rows, row_problems = _judgement_rows(lines, title_at, report)
    previous_rows, previous_problems = _previous_rows(lines, report)
    problems += row_problems + previous_problems + _publication(report) + _empty_pages(lines)
    problems += _dates(lines, report) + _published_after_visit(report)
    problems += _section_grades(lines, title_at, report)
    counts = PrintedCounts(
        pages=_pages(lines),
        paragraphs=printed_paragraphs(openings),
        judgement_rows=rows,
        previous_rows=previous_rows,
        recommendation_section=any(_RECOMMENDATION_HEADING.match(line.text) for line in lines),
    )
    return replace(report, parse_problems=report.parse_problems + tuple(problems), printed=counts)


def _pages(lines: Sequence[Line]) -> int | None:
    pages = [line.page for line in lines if line.page is not None]
    return max(pages) if pages else None


# -- numbered paragraphs ---------------------------------------------------------------


def _openings(lines: Sequence[Line], title_at: int) -> list[Opening]:
    """(line index, number, bare) of every line that opens a numbered paragraph, in order
    (bare: the number stands alone on its line):
    after a finished sentence or a short line (a heading), never a wrapped line such as
    "... at the age of" / "16. This ...". The judgement table's numbered rows (the title
    page, or rows ending in a grade near the title) are left out."""
    found = []
    for index in range(_body_start(lines, title_at), len(lines)):
        text = lines[index].text.strip()
        match = _OPENING.match(text)
        if not match or not _after_break(lines[index - 1].text if index else ""):
            continue
        if index - title_at < _TABLE_LINES and _GRADE_END.search(text) and len(text) < 150:
            continue  # a judgement table row: "1. Children who need help ... Good"
        found.append((index, int(match[1]), text == match[0].strip()))
    return found


def _body_start(lines: Sequence[Line], title_at: int) -> int:
    page = lines[title_at].page if lines else None
    if page is None:
        return title_at + 1
    return next((i for i in range(title_at, len(lines)) if lines[i].page != page), len(lines))


def _after_break(previous: str) -> bool:
    previous = previous.strip()
    return not previous or bool(_ENDS_SENTENCE.search(previous)) or len(previous) < 60


def _numbers(openings: list[Opening]) -> list[int]:
    return [number for _, number, _ in openings]


def _numbering(openings: list[Opening], report: Report) -> list[ParseProblem]:
    read = _read_from_document(openings, report)
    # Numbers the parser took as left out by the report: printed with no text (a bare
    # number, and nothing read for it), or not printed where the parser met them.
    bare = {n for _, n, alone in openings if alone} - {n for _, n, alone in openings if not alone}
    blank = set(report.skipped_numbers) & bare
    problems = _order(openings, report) + [
        ParseProblem("Warning", f"paragraph {n}", f"Paragraph {n} is printed with no text")
        for n in sorted(blank - set(read))]
    for position, lost in enumerate(_lost_per_run(_runs(openings), read, blank)):
        problems += [_not_read(first, last, position) for first, last in _ranges(lost)]
    problems += _gaps(openings, set(read) | set(report.skipped_numbers))
    unprinted = set(report.skipped_numbers) - set(_numbers(openings))
    return problems + [_skip_problem(n, report) for n in sorted(unprinted)]


def _runs(openings: list[Opening]) -> list[list[Opening]]:
    """The numbered runs of the document: a report appended to another (an LSCB review)
    may number its paragraphs from 1 again. A run starts again at 1 or 2 followed by the
    next two numbers; a stray low number (a list in the text) stays in the run it is in."""
    runs: list[list[Opening]] = [[]]
    for at, opening in enumerate(openings):
        number = opening[1]
        last = runs[-1][-1][1] if runs[-1] else 0
        following = _numbers(openings[at + 1 : at + 3])
        if number <= 2 < last and following == [number + 1, number + 2]:
            runs.append([])
        runs[-1].append(opening)
    return [run for run in runs if run]


def _lost_per_run(runs: list[list[Opening]], read: Counter, blank: set[int]) -> list[list[int]]:
    """For each run, the numbers it prints that were not read: a number printed in two
    runs needs two paragraphs read with it (the first run takes the first)."""
    used: Counter = Counter()
    lost = []
    for run in runs:
        missing = []
        for number in sorted(set(_numbers(run))):
            if used[number] < read[number] or number in blank:
                used[number] += 1
            else:
                missing.append(number)
        lost.append(missing)
    return lost


def printed_paragraphs(openings: list[Opening]) -> int:
    """How many numbered paragraphs the document prints: distinct numbers in each run."""
    return sum(len(set(_numbers(run))) for run in _runs(openings))


def _read_from_document(openings: list[Opening], report: Report) -> Counter:
    """The numbers read as the document prints them, each with how many bodies read it (a
    review numbering from 1 again reads its numbers a second time): findings numbered by
    their place in bulleted lists, where the report numbers its paragraphs, do not count."""
    recommendations = {(r.body, r.number) for r in report.recommendations if r.printed}
    printed = set(_numbers(openings)) - {n for _, n in recommendations}
    findings = {(f.body, f.number) for f in report.findings}
    if printed and findings and not printed & {n for _, n in findings}:
        findings = set()
    # a numbered paragraph saying a list of recommendations is empty is read as that
    empty = {(e.body, e.number) for e in report.empty_lists if e.number is not None}
    return Counter(number for _, number in findings | recommendations | empty)


def _not_read(first: int, last: int, run: int = 0) -> ParseProblem:
    part = f"paragraph {first}" if first == last else f"paragraphs {first}-{last}"
    where = f" (in the numbering that starts again, run {run + 1})" if run else ""
    return ParseProblem(
        "Violation", part, f"{part.capitalize()}{where} {'is' if first == last else 'are'} "
        "printed but not read: the text is lost or merged into another paragraph")


def _gaps(openings: list[Opening], accounted: set[int]) -> list[ParseProblem]:
    """Numbers missing before the first printed opening or between two printed openings
    that were neither read nor skipped by the report itself (a report leaves out one
    number at most): text lost in reading."""
    problems = []
    numbers = [0] + _numbers(openings) if openings else []
    for before, after in zip(numbers, numbers[1:], strict=False):
        missing = [n for n in range(before + 1, after) if n not in accounted]
        for first, last in _ranges(missing):
            part = f"paragraph {first}" if first == last else f"paragraphs {first}-{last}"
            goes = f"starts at {after}" if before == 0 else f"goes from {before} to {after}"
            problems.append(ParseProblem(
                "Violation", part, f"{part.capitalize()} cannot be found: the numbering "
                f"{goes}"))
    return problems


def _order(openings: list[Opening], report: Report) -> list[ParseProblem]:
    """Numbers printed twice in a row, or going back by a few (two paragraphs swapped);
    a new run further back (an appended report, a numbered list) is not flagged here."""
    problems: list[ParseProblem] = []
    last = 0
    for _, number, _ in openings:
        part = _describe(number, report)
        if number == last:  # kept twice by the parser (finding/N-2): a warning, else a loss
            kept = number in report.repeated_numbers
            problems.append(ParseProblem(
                "Warning" if kept else "Violation", part,
                f"{part.capitalize()} is printed twice"
                + (": both paragraphs are kept, the second as N-2" if kept else "")))
        elif number in report.out_of_order_numbers and number < last:
            problems.append(ParseProblem(
                "Warning", part,
                f"{part.capitalize()} is printed after number {last}: read as a paragraph "
                "of its own, but the order is unusual"))
        elif last - 3 <= number < last:
            problems.append(ParseProblem(
                "Violation", part,
                f"{part.capitalize()} is printed after number {last}: the numbering "
                "goes backwards"))
        last = number
    return problems


def _skip_problem(number: int, report: Report) -> ParseProblem:
    after = _describe(number + 1, report)
    if number == 1:
        return ParseProblem("Warning", "number 1",
                            f"Number 1 is not printed: the numbering starts at {after}")
    before = _describe(number - 1, report)
    return ParseProblem(
        "Warning", f"number {number}",
        f"Number {number} is not printed: the numbering goes from {before} to {after}")


def _describe(number: int, report: Report) -> str:
    if any(r.number == number and r.printed for r in report.recommendations):
        return f"recommendation {number}"
    if any(f.number == number for f in report.findings):
        return f"paragraph {number}"
    return f"paragraph {number}"


def _recommendation_numbers(report: Report) -> list[ParseProblem]:
    """A printed recommendation list whose numbers skip (each body's list on its own)."""
    problems = []
    for body in sorted({r.body for r in report.recommendations if r.printed}):
        numbers = sorted(r.number for r in report.recommendations
                         if r.printed and r.body == body)
        for before, after in zip(numbers, numbers[1:], strict=False):
            if after > before + 1:
                who = "the LSCB's" if body == "lscb" else "the"
                problems.append(ParseProblem(
                    "Violation", f"recommendation {before + 1}",
                    f"Recommendation {before + 1} is missing from {who} recommendations: "
                    f"their numbers go from {before} to {after}"))
    return problems


def _ranges(numbers: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for number in numbers:
        if runs and number == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    return runs


# -- judgement table -------------------------------------------------------------------


def _judgement_rows(lines: Sequence[Line], title_at: int, report: Report):
    """How many graded rows the table prints, and each row not read as printed."""
    if report.framework == "lscb":
        return 0, []
    block = join_lines(_table_lines(lines, title_at))
    scheme = "ilacs" if report.framework.startswith("ilacs") else "sif"
    rows = _ilacs_rows(block) if scheme == "ilacs" else _sif_rows(block)
    read = {j.area: j.grade for j in report.judgements}
    problems = []
    for label, text in rows:
        problems += _row_problems(label, text, read, scheme)
    return len(rows) + (scheme == "sif"), problems + _row_numbering([r[0] for r in rows], scheme)


def _table_lines(lines: Sequence[Line], title_at: int) -> list[str]:
    taken = []
    for line in lines[title_at + 1 : title_at + _TABLE_LINES]:
        if line.text.lower().startswith(("executive summary", "contents", "section 1")):
            break
        taken.append(line.text)
    return taken


def _sif_rows(block: str) -> list[tuple[str, str]]:
    """(row number, row text) of the numbered rows after the overall judgement."""
    starts = [m for m in _SIF_ROW.finditer(block)]
    starts = _table_run(starts)
    rows = []
    for index, match in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(block)
        text = block[match.end() : end]
        cut = _GRADE_WORD.search(text)
        rows.append((match[1], text[: cut.end()] if cut else text[:150]))
    return rows


_GRADE_WORD = re.compile(
    r"requires?\s+improvement(?:\s+to\s+be\s+good)?|\bgood\b|inadequate|outstanding"
    r"|not\s+judged", re.I)


def _table_run(starts: list) -> list:
    """The numbered rows of the table: from the first row numbered 1 to 3, while each
    next number is one a table row can follow with (2 -> 2.1 or 3; 2.1 -> 2.2 or 3)."""
    run: list = []
    for match in starts:
        key = tuple(int(part) for part in match[1].split("."))
        if not run:
            if len(key) == 1 and key[0] <= 3:
                run.append(match)
            continue
        last = tuple(int(part) for part in run[-1][1].split("."))
        following = {(last[0] + 1,), (last[0] + 2,), (*last[:1], (last[1:] or (0,))[0] + 1)}
        if key not in following:
            break
        run.append(match)
    return run


def _ilacs_rows(block: str) -> list[tuple[str, str]]:
    starts = list(_ILACS_ROW.finditer(block))
    rows = []
    for index, match in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(block)
        text = block[match.start() : end]
        cut = _GRADE_WORD.search(text)
        rows.append((text[:80].strip(), text[: cut.end()] if cut else text[:150]))
        if match[0].lower().startswith("overall") or (cut and text[cut.end():].strip(" .")):
            break  # the table ends: its last row, or prose after a grade
    return rows


def _row_problems(label: str, text: str, read: dict, scheme: str) -> list[ParseProblem]:
    area = match_area(text[:150], scheme)
    shown = label if scheme == "sif" else f"'{area.label if area else label}'"
    name = f"judgement row {shown}"
    if re.search(r"not\s+judged", text, re.I):
        return []
    cell = _GRADE_WORD.search(text)
    printed = whole_grade(text[: cell.start()], cell[0], text[cell.end():]) if cell else None
    if printed is None:
        taken = read.get(area.key) if area else None
        told = (f", yet {taken} was read for {area.label}: another row's grade"
                if area and taken else "")
        return [ParseProblem("Violation", name,
                             f"The {name} has no grade that can be read{told}")]
    if area is None:
        return [ParseProblem("Violation", name, f"The {name} names no service area known here")]
    got = read.get(area.key)
    if got is None:
        return [ParseProblem("Violation", name, f"The {name} ({area.label}) was not read")]
    if got != printed.key:
        return [ParseProblem(
            "Violation", name,
            f"The {name} ({area.label}) prints {printed.label} but {got} was read")]
    return []


def _row_numbering(labels: list[str], scheme: str) -> list[ParseProblem]:
    """SIF rows are numbered 1, 2, 2.1, 2.2, 3: a missing top-level number is a lost row."""
    if scheme != "sif" or not labels:
        return []
    tops = sorted({int(label.split(".")[0]) for label in labels})
    missing = [n for n in range(1, tops[-1] + 1) if n not in tops]
    return [ParseProblem("Violation", f"judgement row {n}",
                         f"The judgement row {n} is not printed or cannot be read")
            for n in missing]


# -- previous inspection ---------------------------------------------------------------


def _previous_rows(lines: Sequence[Line], report: Report):
    """Rows of the "judgements for the local authority were:" list, and those not read."""
    for index, line in enumerate(lines):
        if _PREVIOUS.search(line.text):
            window = join_lines([lines[i].text for i in range(index + 1, index + 14)])
            return _compare_previous(_labelled(window), report)
    return 0, []


def _labelled(window: str) -> list[tuple[str, str]]:
    """(label, what follows up to the next label) for each service area named."""
    matches = list(_LABEL.finditer(window))
    rows = []
    seen = set()
    for _index, match in enumerate(matches):
        area = match_area(match[1], "sif")
        if area is None or area.key in seen:
            continue
        seen.add(area.key)
        rows.append((area.key, window[match.end() : match.end() + 60]))
    return rows


def _compare_previous(rows: list[tuple[str, str]], report: Report):
    read = {j.area: j.grade for j in (report.previous.judgements if report.previous else ())}
    problems = []
    for area, text in rows:
        part = f"previous inspection row '{area}'"
        printed = _GRADE_WORD.match(text.lstrip(" -\u2022*"))
        grade = first_grade(printed[0]) if printed else None
        if grade is None:
            problems.append(ParseProblem(
                "Violation", part, f"The {part} has no grade that can be read"))
        elif area not in read:
            problems.append(ParseProblem("Violation", part, f"The {part} was not read"))
        elif read[area] != grade.key:
            problems.append(ParseProblem(
                "Violation", part, f"The {part} prints {grade.label} but {read[area]} was read"))
    return len(rows), problems + _previous_lacks(rows)


# The areas a single inspection framework inspection judges: a list of the previous
# inspection's judgements that names some of them names them all.
_SIF_AREAS = ("overall", "help-and-protection", "looked-after", "adoption", "care-leavers",
              "leadership")


def _previous_lacks(rows: list[tuple[str, str]]) -> list[ParseProblem]:
    """A previous inspection's list that lost a row (its text layer damaged) says so."""
    named = {area for area, _ in rows}
    if not named & set(_SIF_AREAS):
        return []
    return [ParseProblem(
        "Violation", f"previous inspection row '{area}'",
        f"The previous inspection's list of judgements names {len(named)} areas but not "
        f"'{area}', which every inspection of its framework judges: a row is missing")
        for area in _SIF_AREAS if area not in named]


# -- pages -----------------------------------------------------------------------------


def _empty_pages(lines: Sequence[Line]) -> list[ParseProblem]:
    """Pages of a PDF that gave no text at all, before its last page that did."""
    pages = {line.page for line in lines if line.page is not None}
    if not pages:
        return []
    # A warning: reports do have blank pages. Paragraphs lost with a page are
    # violations of their own (their numbers go missing).
    return [ParseProblem("Warning", f"page {n}",
                         f"Page {n} has no text (a blank page, or one that cannot be read)")
            for n in range(1, max(pages)) if n not in pages]


# -- dates -------------------------------------------------------------------------------


def _dates(lines: Sequence[Line], report: Report) -> list[ParseProblem]:
    """Each day read as the first or last day on site stands as a number of its own on
    the dates line (a garbled "xx June 2014" must not become the 14th)."""
    found = header_field(lines, r"inspection dates?")
    if found is None:
        return []
    text = found[1]
    problems = []
    for which, day in (("first", report.start), ("last", report.end)):
        if not re.search(rf"(?<!\d)0?{day.day}(?!\d)", text):
            problems.append(ParseProblem(
                "Violation", "inspection dates",
                f"The inspection dates line does not print the {which} day read "
                f"({day.isoformat()}): {text.strip()!r}"))
    return problems


# -- cross-checks the report offers ------------------------------------------------------

_SECTION_HEADING = re.compile(
    r"^(?:The experiences and progress of|Leadership, management|The graded judge?ment)")
_HEADING_GRADE = re.compile(
    r"(?:(?::|\bis that it|\bare|\bis|\brequires?)\s+|\s+)"
    r"(?P<grade>(?:requires?\s+improvement(?:\s+to\s+be\s+good)?|good|inadequate"
    r"|outstanding))\.?$", re.I)


def _section_grades(lines: Sequence[Line], title_at: int, report: Report) -> list[ParseProblem]:
    """SIF reports state each judgement twice: in the table and in the heading of its
    section ("The graded judgement about adoption performance is that it is good"). A
    heading whose whole grade phrase differs from the table's is a violation naming both."""
    if report.framework not in {"sif", "sif-lscb"}:
        return []
    table = {j.area: j for j in report.judgements}
    problems = []
    for index in range(_body_start(lines, title_at), len(lines)):
        if not _SECTION_HEADING.match(lines[index].text):
            continue
        heading = _heading_with_grade(lines, index)
        if heading is None or (heading.endswith(".") and not heading.startswith("The graded")):
            continue  # a sentence, such as the previous inspection's list ("...: inadequate.")
        found = _HEADING_GRADE.search(heading)
        area = match_area(heading[: found.start()], "sif") if found else None
        read = table.get(area.key) if area else None
        grade = first_grade(found["grade"]) if found else None
        if area is None or read is None or grade is None or read.grade in (None, grade.key):
            continue
        problems.append(ParseProblem(
            "Violation", f"judgement of {area.key}",
            f"The judgement table prints {_label(read.grade)} for {area.label}"
            f"{_on_page(read.page)} but its section heading prints {grade.label}"
            f"{_on_page(lines[index].page)}: {heading!r}"))
    return problems


def _heading_with_grade(lines: Sequence[Line], index: int) -> str | None:
    """A section heading with the lines it wraps onto, up to the grade that ends it."""
    pieces = [lines[index].text.strip()]
    for line in lines[index + 1 : index + 4]:
        if _HEADING_GRADE.search(" ".join(pieces)) or _OPENING.match(line.text):
            break
        pieces.append(line.text.strip())
    joined = " ".join(pieces)
    return joined if len(joined) <= 200 and _HEADING_GRADE.search(joined) else None


def _on_page(page: int | None) -> str:
    return "" if page is None else f" (page {page})"


def _label(grade: str) -> str:
    from ..frameworks import GRADE_BY_KEY

    return GRADE_BY_KEY[grade].label if grade in GRADE_BY_KEY else grade


def _published_after_visit(report: Report) -> list[ParseProblem]:
    """A report cannot be published before its last day on site."""
    if report.published is None or report.published >= report.end:
        return []
    return [ParseProblem(
        "Violation", "publication date",
        f"The report's publication date ({report.published.isoformat()}, its 'Report "
        f"published' line) is before its last day on site ({report.end.isoformat()}, its "
        "'Inspection dates' line)")]


# -- publication -----------------------------------------------------------------------


def _publication(report: Report) -> list[ParseProblem]:
    # A warning: some 2014 reports print no "Report published" line at all.
    if report.framework in {"sif", "sif-lscb", "lscb"} and report.published is None:
        return [ParseProblem(
            "Warning", "publication date",
            "The report states no publication date that can be read ('Report published')")]
    return []
