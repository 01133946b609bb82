"""Readers for the header of a report, shared by every framework's parser: title,
authority name, dates, inspectors, predecessor authority."""

import re
from collections.abc import Sequence
from dataclasses import replace

from ..errors import InputError
from ..frameworks import first_grade
from ..model import Inspector, Line, Predecessor
from .textutil import Spell, date_spells, join_lines, month_year, single_date

_TITLE = re.compile(r"^(?:area\s+send\s+)?(re-?\s*inspection|inspection|review) of\b", re.I)
# "Inspection of <Place> Children and Families Trust", "... Children's Trust",
# "... Children First": a trust that runs a council's children's services.
TRUST_TITLE = re.compile(
    r"^Inspection of (?P<trust>(?:the\s+)?(?P<place>.+?)\s+"
    r"(?:Children and Families Trust|Children's (?:Services )?Trust|Children First))\b",
    re.I,
)

_LEAD = re.compile(
    r"^(?:Lead inspectors?(?:\s+on\s+site)?\s*:|Reporting inspector\s*:?)\s*(.+)$", re.I)
_TEAM = re.compile(
    r"^(?:Lead|Deputy lead|Team|Shadow|Senior)?\s*inspectors?(?:\s+on\s+site)?\s*:\s*(.+)$",
    re.I,
)
# An inspector's role as reports print it after the name: "HMI", "Senior HMI", "(OI)",
# "His Majesty's Inspector", "Her Majesty's Inspector" (see docs/reading.md).
_ROLE = (
    r"\(?(?:(?:Senior\s+)?HMIs?(?:\s+designate)?|OI|AI"
    r"|(?:Associate|Ofsted|Senior|Regulatory)\s+Inspector"
    r"|(?:His|Her)\s+Majesty[\u2019']s\s+(?:Senior\s+)?Inspectors?)\)?"
)
_ENDS_WITH_ROLE = re.compile(rf"^(?P<name>.*?)[\s,]*(?P<role>{_ROLE})$", re.I)
_ROLE_ONLY = re.compile(rf"^(?:{_ROLE})$", re.I)
_NEXT_LABEL = re.compile(r"^[A-Z][\w' ]{2,40}:")
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


def inspection_spells(source: str, lines: Sequence[Line]) -> tuple[Spell, ...]:
    """Every spell on site the "Inspection dates:" line prints (most print one)."""
    found = header_field(lines, r"inspection dates?")
    spells = date_spells(found[1]) if found else ()
    if not spells:
        raise InputError(source, "has no inspection dates that can be read")
    return spells


def publication_date(lines: Sequence[Line]):
    found = header_field(lines, r"report published")
    return single_date(found[1]) if found else None


def inspection_team(lines: Sequence[Line]) -> tuple[str | None, list[str]]:
    """The lead inspector and every inspector named, in the order the report gives."""
    leads = lead_inspectors(lines)
    names: list[str] = []
    for index, line in enumerate(lines):
        if match := _TEAM.match(line.text):
            for person in _people(_field(lines, index, match[1])):
                if person.name not in names:
                    names.append(person.name)
    return (leads[0].name if leads else None), names


def lead_inspectors(lines: Sequence[Line]) -> tuple[Inspector, ...]:
    """Each lead inspector the first "Lead inspector(s):" line names (with the lines it
    wraps onto), with the role printed after the name: "Rebecca Quested, His Majesty's
    Inspector, and Matthew Reed, His Majesty's Inspector" is two people."""
    for index, line in enumerate(lines):
        if match := _LEAD.match(line.text):
            value = _field(lines, index, match[1])
            printed = f"{line.text[: match.start(1)]}{value}".strip()
            return tuple(replace(person, page=line.page, printed=printed)
                         for person in _people(value))
    return ()


def _field(lines: Sequence[Line], index: int, value: str) -> str:
    """A header field's value with the lines it wraps onto: a line after one ending in a
    comma or "and", that is not another "Label:" line."""
    pieces = [value.strip()]
    for line in lines[index + 1 : index + 4]:
        wraps = bool(re.search(r"(?:,|\band)$", pieces[-1])) or (
            len(pieces[-1]) >= _WRAPPED and _names_only(line.text))
        if not wraps or _NEXT_LABEL.match(line.text):
            break
        pieces.append(line.text.strip())
    return " ".join(pieces)


_WRAPPED = 60  # characters: a line this long may have wrapped at the margin mid-list
_NAME = re.compile(rf"^(?:Dr )?[A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*){{0,3}}(?: (?:{_ROLE}))?$")


def _names_only(text: str) -> bool:
    """Whether a line holds nothing but names (a list of inspectors wrapped onto it)."""
    pieces = [piece.strip(" .") for piece in re.split(r",|\band\b", text) if piece.strip(" .")]
    return bool(pieces) and all(_NAME.match(piece) for piece in pieces)


def _people(text: str) -> list[Inspector]:
    """The people a list of names names, each with the role printed after it (a role
    standing alone between commas belongs to the name before it)."""
    people: list[Inspector] = []
    for piece in re.split(r",|;|/|\band\b", text):
        piece = re.sub(r"\s+", " ", piece).strip(" .")
        if not piece:
            continue
        if _ROLE_ONLY.match(piece):
            if people and people[-1].role is None:
                people[-1] = Inspector(people[-1].name, _role(piece))
            continue
        ended = _ENDS_WITH_ROLE.match(piece)
        name, role = (ended["name"], _role(ended["role"])) if ended else (piece, None)
        name = name.strip(" .,")
        if re.search(r"[A-Za-z]{2}", name):
            people.append(Inspector(name, role))
    return people


def _role(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ()")
