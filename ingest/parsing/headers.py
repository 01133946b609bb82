"""Readers for the header of a report, shared by every framework's parser: title,
authority name, dates, inspectors, predecessor authority."""

import re
from collections.abc import Sequence

from ..errors import InputError
from ..frameworks import first_grade
from ..model import Line, Predecessor
from .textutil import date_span, join_lines, month_year, single_date

_TITLE = re.compile(r"^(?:area\s+send\s+)?(re-?\s*inspection|inspection|review) of\b", re.I)
# "Inspection of <Place> Children and Families Trust", "... Children's Trust",
# "... Children First": a trust that runs a council's children's services.
TRUST_TITLE = re.compile(
    r"^Inspection of (?P<trust>(?:the\s+)?(?P<place>.+?)\s+"
    r"(?:Children and Families Trust|Children's (?:Services )?Trust|Children First))\b",
    re.I,
)

_LEAD = re.compile(r"^Lead inspectors?\s*:\s*(.+)$", re.I)
_TEAM = re.compile(
    r"^(?:Lead|Deputy lead|Team|Shadow|Senior)?\s*inspectors?\s*:\s*(.+)$", re.I
)


def find_title(lines: Sequence[Line], within: int = 40) -> int | None:
    for index, line in enumerate(lines[:within]):
        if _TITLE.match(line.text):
            return index
    return None


def join_title(lines: Sequence[Line], at: int) -> str:
    """The title, which a PDF may wrap over two or three lines."""
    pieces = [lines[at].text]
    for line in lines[at + 1 : at + 7]:
        if re.match(r"^(inspection dates?|report published|lead inspector)", line.text, re.I):
            break
        pieces.append(line.text)
    return " ".join(pieces)


_CAME_INTO_BEING = re.compile(r"came into (?:being|existence) on (\d{1,2} \w+ \d{4})", re.I)
_PREDECESSOR = re.compile(
    r"predecessor local authority,? (?P<name>[A-Z][\w' ]+?),? (?:was|were) judged (?P<grade>.+?)"
    r" in (?P<when>(?:[A-Z][a-z]+ )?\d{4})",
)


def predecessor(lines: Sequence[Line], within: int = 120) -> Predecessor | None:
    """The authority this one replaced, as the report's summary states it."""
    text = join_lines([line.text for line in lines[:within]])
    found = _PREDECESSOR.search(text)
    if not found:
        return None
    formed = _CAME_INTO_BEING.search(text)
    grade = first_grade(found["grade"])
    when = found["when"]
    return Predecessor(
        name=found["name"].strip(),
        formed=single_date(formed[1]) if formed else None,
        grade=grade.key if grade else None,
        judged=month_year(when) or when[-4:],
    )


def name_above(lines: Sequence[Line], title_at: int) -> str | None:
    """The authority named on the lines above the title, which may wrap over two
    ("Stockport Metropolitan Borough" / "Council"); page numbers are not part of it."""
    above = [
        line.text
        for line in lines[max(title_at - 2, 0) : title_at]
        if line.page == lines[title_at].page and re.search(r"[A-Za-z]", line.text)
    ]
    return " ".join(above) or None


def header_field(lines: Sequence[Line], label: str, within: int = 60) -> tuple[int, str] | None:
    """The index and value of a "Label: value" line near the top (value may wrap once)."""
    pattern = re.compile(rf"^{label}\s*:?\s*(.*)$", re.I)
    for index, line in enumerate(lines[:within]):
        match = pattern.match(line.text)
        if match:
            following = lines[index + 1].text if index + 1 < len(lines) else ""
            return index, f"{match[1]} {following}"
    return None


def inspection_dates(source: str, lines: Sequence[Line]):
    found = header_field(lines, r"inspection dates?")
    dates = date_span(found[1]) if found else None
    if dates is None:
        raise InputError(source, "has no inspection dates that can be read")
    return dates


def publication_date(lines: Sequence[Line]):
    found = header_field(lines, r"report published")
    return single_date(found[1]) if found else None


def inspection_team(lines: Sequence[Line]) -> tuple[str | None, list[str]]:
    """The lead inspector and every inspector named, in the order the report gives."""
    lead = None
    names: list[str] = []
    for line in lines:
        if lead is None and (match := _LEAD.match(line.text)):
            lead = _person(match[1])
        if match := _TEAM.match(line.text):
            for name in re.split(r",|;|\band\b", match[1]):
                name = _person(name)
                if name and name not in names:
                    names.append(name)
    return lead, names


def _person(text: str) -> str:
    """A name without roles such as "(OI)" or "HMI"."""
    text = re.sub(r"\((?:[^)]*)\)|\bHMI\b|\b(?:Her|His) Majesty's Inspectors?", "", text)
    return re.sub(r"\s+", " ", text).strip(" .,")
