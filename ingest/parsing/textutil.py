"""Small text helpers shared by the parsers: dates, joining wrapped lines."""

import re
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

MONTHS = {
    name: number
    for number, name in enumerate(
        "january february march april may june july august september october november "
        "december".split(),
        start=1,
    )
}
# The dash characters a rendering prints between the ends of a range or a period ("2017-18"
# with a hyphen, an en dash, an em dash, a minus sign or a box-drawing line, U+2500): the
# body of a character class ("[{DASH}]"), the one definition every pattern reading such a
# dash uses (parsing, citations, the evidence's dates and quantities).
DASH = "\\-\u2013\u2014\u2212\u2500"
# Months in full or abbreviated ("Sept", "Oct."): the first three letters say which.
_MONTH = (
    r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
)
_RANGE = re.compile(
    rf"(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:{_MONTH})?\s*(\d{{4}})?\s*(?:to|until|[{DASH}]|and)\s*"
    rf"(\d{{1,2}})(?:st|nd|rd|th)?\s*{_MONTH}\s*(\d{{4}})",
    re.I,
)
_DATE = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\s+(\d{{4}})", re.I)
_MONTH_YEAR = re.compile(rf"{_MONTH}\s+(\d{{4}})", re.I)


_BY_PREFIX = {name[:3]: number for name, number in MONTHS.items()}


def _month(name: str) -> int:
    return _BY_PREFIX[name[:3].lower()]


def _spelled(text: str) -> str:
    """Numeric dates, day first as in the UK ("1/06/2015"), with the month in words."""
    names = list(MONTHS)

    def spell(match: re.Match) -> str:
        day, month, year = int(match[1]), int(match[2]), match[3]
        return f"{day} {names[month - 1]} {year}" if 1 <= month <= 12 else match[0]

    return re.sub(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", spell, text)


def date_range(text: str) -> tuple[date, date] | None:
    """Start and end of a range such as "8 May to 31 May 2018" or "3 to 14 Oct 2022"."""
    match = _RANGE.search(_spelled(text))
    return _range_of(match) if match else None


_LEADING_DATE = re.compile(rf"^\W*{_DATE.pattern}", re.I)


def date_span(text: str) -> tuple[date, date] | None:
    """First and last day of an inspection as a header prints it: a range, or a single
    date ("Inspection date: 12 September 2016") at the start of ``text`` as both."""
    found = date_range(text)
    if found:
        return found
    match = _LEADING_DATE.match(_spelled(text))
    if not match:
        return None
    day, month, year = match.groups()
    single = date(int(year), _month(month), int(day))
    return single, single


Spell = tuple[date, date]
# What joins two spells on site on a dates line: "... and 7 August 2019 to 8 August 2019".
_NEXT_SPELL = re.compile(r"\s*(?:,|;|and|&)\s*", re.I)


def date_spells(text: str) -> tuple[Spell, ...]:
    """Every spell on site a dates line prints, in order: one range (or a single date) at
    the start, and each further range or day joined to it by "and" (inspections paused
    and resumed: "5 to 9 December 2022 and 14 to 15 February 2023"). Empty where the
    line prints no date that can be read."""
    spelled = _spelled(text)
    first = _RANGE.search(spelled)
    if first is None:
        single = date_span(text)
        return (single,) if single else ()
    spells = [_range_of(first)]
    position = first.end()
    while joined := _NEXT_SPELL.match(spelled, position):
        following = _RANGE.match(spelled, joined.end()) or _DATE.match(spelled, joined.end())
        if following is None:
            break
        spells.append(_range_of(following) if following.re is _RANGE else _day_of(following))
        position = following.end()
    return tuple(spells)


def _range_of(match: re.Match) -> Spell:
    day1, month1, year1, day2, month2, year2 = match.groups()
    end = date(int(year2), _month(month2), int(day2))
    start_month = _month(month1) if month1 else end.month
    start_year = int(year1) if year1 else end.year
    if not year1 and start_month > end.month:  # "28 December to 8 January 2016"
        start_year -= 1
    return date(start_year, start_month, int(day1)), end


def _day_of(match: re.Match) -> Spell:
    day, month, year = match.groups()
    single = date(int(year), _month(month), int(day))
    return single, single


def single_date(text: str) -> date | None:
    match = _DATE.search(_spelled(text))
    if not match:
        return None
    day, month, year = match.groups()
    return date(int(year), _month(month), int(day))


def month_year(text: str) -> str | None:
    """"December 2015" as "2015-12"."""
    match = _MONTH_YEAR.search(text)
    return f"{int(match[2]):04d}-{_month(match[1]):02d}" if match else None


def join_lines(pieces: Sequence[str]) -> str:
    """Join wrapped lines into one paragraph, mending words hyphenated at a line end."""
    return _joined(tuple(pieces))


_HYPHENATED = re.compile(r"[a-z]-$")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def _joined(pieces: tuple[str, ...]) -> str:
    """Cached: a paragraph's text is asked for several times (its text, its marker, its
    citations) while it is parsed; a profile of ingest showed joins at 7% of reading."""
    parts: list[str] = []
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if parts and _HYPHENATED.search(parts[-1]) and piece[:1].islower():
            parts[-1] += piece
        else:
            parts.append(piece)
    return _SPACES.sub(" ", " ".join(parts)).strip()
