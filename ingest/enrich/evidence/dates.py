"""Dates and periods a statement refers to: "at 31 March 2018", "in 2017-18", "in the
last 12 months". Each becomes a plain key: an ISO date, "YYYY-MM", "YYYY", a period
"2017-18", or, for periods told relative to the inspection, the phrase as a slug
("last-12-months", "since-the-last-inspection"), which the graph resolves against the
inspection's dates. ``datetime.strptime`` reads the few printed forms."""

import re
from dataclasses import dataclass
from datetime import datetime

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October"
          r"|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)")
_NUMBER_WORD = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_UNIT = r"(?:days?|weeks?|months?|years?)"
_RELATIVE = (
    rf"between {_MONTH} \d{{4}} and {_MONTH} \d{{4}}"
    rf"|(?:last|past|previous) (?:{_NUMBER_WORD} )?{_UNIT}"
    rf"|{_NUMBER_WORD} {_UNIT} (?:before|prior to|preceding) (?:this |the )?inspection"
    r"|since the (?:last|previous) inspection"
    rf"|since (?:\d{{1,2}} )?(?:{_MONTH} )?\d{{4}}"
    r"|(?<=at )the time of (?:the|this) inspection"
    r"|(?<=at )the (?:last|previous) inspection"
)
PHRASE = re.compile(
    rf"(?P<relative>{_RELATIVE})"
    rf"|(?P<day>\d{{1,2}}(?:st|nd|rd|th)? {_MONTH},? \d{{4}})"
    rf"|(?P<monthday>{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}})"
    rf"|(?P<month>{_MONTH},? \d{{4}})"
    r"|(?P<period>\b(?:19|20)\d{2} ?[-/\u2013] ?(?:\d{2}|(?:19|20)\d{2})\b)"
    r"|(?P<year>(?<![\d,.])(?:19|20)\d{2}(?!\d|,\d|%| per))",
    re.I,
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    key: str
    relative: bool  # told relative to the inspection


def date_spans(text: str) -> list[Span]:
    """Every date or period phrase in ``text``, in order, with its key."""
    return [Span(m.start(), m.end(), _key(m), m.lastgroup == "relative")
            for m in PHRASE.finditer(text)]


def _key(match: re.Match) -> str:
    kind, printed = match.lastgroup, " ".join(match.group().split())
    try:
        return _typed_key(kind, printed)
    except ValueError:  # "31 June 2016": a date no calendar has, kept as printed
        return _slug(printed)


def _slug(printed: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", re.sub(r"^the ", "", printed.lower())).strip("-")


def _typed_key(kind: str | None, printed: str) -> str:
    if kind == "day":
        day, month, year = re.sub(r"(?<=\d)(?:st|nd|rd|th)|[,.]", "", printed).split()
        return datetime.strptime(f"{day} {month[:3]} {year}", "%d %b %Y").date().isoformat()
    if kind == "monthday":  # "March 31 2015"
        month, day, year = re.sub(r"(?<=\d)(?:st|nd|rd|th)|[,.]", "", printed).split()
        return datetime.strptime(f"{day} {month[:3]} {year}", "%d %b %Y").date().isoformat()
    if kind == "month":
        month, year = re.sub(r"[,.]", "", printed).split()
        return datetime.strptime(f"{month[:3]} {year}", "%b %Y").strftime("%Y-%m")
    if kind == "period":
        first, second = re.split(r" ?[-/\u2013] ?", printed)
        return f"{first}-{second[-2:]}"
    if kind == "year":
        return printed
    return _slug(printed)
