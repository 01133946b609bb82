"""Numbers a sentence states as quantities, with their units.

A number is a quantity unless the words around it make it something else: part of a
date or period, an age ("aged 16", "18-year-olds"), a reference ("paragraph 12",
"Year 11", "section 47"), money, an ordinal, or "one" used as a pronoun ("one of").
Number words ("nine", "twenty-five") are read by ``number_parser``.
"""

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .dates import Span

_SMALL = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
          r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen")
_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_BELOW_100 = rf"(?:(?:{_TENS})(?:[- ](?:{_SMALL}))?|(?:{_SMALL}))"
_WORD = rf"{_BELOW_100}(?: hundred(?:(?: and)? {_BELOW_100})?)?"
# "no serious case reviews", "of whom none live outside the area": zero, said in words
# A zero is evidence where "no" counts things a report counts (see docs/evidence.md); "no
# evidence", "no delay" and the like state no number.
_ZERO_NOUN = (r"children|child|young people|young person|serious|special guardianship|adoptions?"
              r"|care leavers?|privately|private|unaccompanied|houses?|complaints?|referrals?"
              r"|allegations?|families|placements?|disruptions?|adopters?|foster carers?"
              r"|notifications?|reviews?|cases?|episodes?|requests?")
_HYPHENED = r"(?:day|week|month)\b(?!-old)"  # "three-day courses", not "six-month-old"
NUMBER = re.compile(
    rf"(?<![\w.,£$/-])(?:(?P<digits>\d{{1,3}}(?:[, ]\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"(?![\d/:]|-(?!{_HYPHENED})|\.\d|,\d)|(?P<word>\b(?:{_WORD})\b)(?!\w|-(?!{_HYPHENED}))"
    rf"|(?P<zero>\bnone\b(?! of)|\bzero\b(?! tolerance)|\bno\b(?= (?:{_ZERO_NOUN})\b)))",
    re.I,
)
_UNIT = re.compile(
    r"(?P<percent>\s?%+|\s?per ?cent\b)"
    r"|(?P<rate>\.? per 10,?000\b(?: children(?: and young people)?)?)"
    r"|\s(?:working |calendar |school |consecutive )?(?P<duration>days?|weeks?|months?|years?)\b"
    r"|-(?P<hyphened>day|week|month)\b",
    re.I,
)
_REFERENCE_BEFORE = re.compile(
    r"(?:\bparagraphs?|\brecommendations?|\bsections?|\b(?-i:Years?)|\bkey stages?|\bstages?"
    r"|\blevels?|\btiers?|\bphases?|\bpages?|\bsteps?|\barticles?|\bregulations?"
    r"|\bstandards?|\bchapters?|\bparts?|\bschedules?|\bno\.|\b(?-i:Number)|\bappendix|\bannex"
    r"|\baged?(?: (?:under|over|between|from))?|\bages(?: of)?|\bage of|\bpriority|\bpoint"
    r"|\bwave|\bcohort|\bgroup|\bband|£|\$"
    r"|\b(?:become|becomes|became|turn|turns|turned|turning|reach|reaches|reaching"
    r"|until they are))\s*\(?$"
    r"|\baged? \d{1,2}\s*(?:and|to|or|-|\u2013)\s*$"
    r"|\b(?:paragraphs?|recommendations?|sections?|(?-i:Years?)|key stages?|stages?|levels?|tiers?"
    r"|phases?|pages?) (?:\d+|[a-z]+),? (?:and|or|to|-)\s*$",
    re.I,
)
_AGE_AFTER = re.compile(
    r"^(?:\s*(?:and|to|or|-|\u2013)\s*\d{1,2})?[- ]?years?[- ](?:olds?|of age)\b|^\+"
    r"|^\s(?:months?|years?|weeks?) (?:to|ending|up to)\b"  # "the 12 months to 31 March"
    r"|^\s(?:thirds?|quarters?|fifths?|halves|tenths?)\b|^(?:st|nd|rd|th)\b"
    r"|^\s?(?:million|billion|bn|m|k)\b|^\s?(?:am|pm|hours?|minutes?)\b"
    r"|^\s?(?:miles?|km|kilometres?|metres?)\b"  # a distance
    r"|^\s(?:days?|weeks?|months?|years?) ago\b",  # a time, told relative to now
    re.I,
)
_PRONOUN_BEFORE = re.compile(r"\b(?:no|any|the|this|that|each|every|which|such)\s+$", re.I)
_PRONOUN_AFTER = re.compile(
    r"^\s+(?:of|another|or|to|and|in|at|for|who|which|that|off|point|time|stage|way"
    r"|hand|side|place|day)\b", re.I)
_FOOTNOTE = re.compile(r"[a-z,;]\s$")
_FOOTNOTE_AFTER = re.compile(r"\s(?!(?:January|February|March|April|May|June|July|August"
                             r"|September|October|November|December)\b)[A-Z][a-z]")
_FOR_OVER = re.compile(r"\bfor\s+(?:over|under|below|above)\s*$", re.I)  # a duration
_AGE_END = re.compile(r"s?\s*(?:[.,;)]|$|(?:and|or|who|which|that|have|has|had|are|were|is|was"
                      r"|in|living|to|from|with|into|but)\b)")
_IN_A_NAME = re.compile(r"(?:[\w,;)]\s*|['\"\u2018\u201c])$")  # capitalised mid-sentence
_UNDER_OVER = re.compile(r"\b(?:under|over|below|above)\s*$", re.I)
_ONE_TO = re.compile(r"\bone[- ]to[- ]$", re.I)  # "one to one": an idiom, not a count
_NAME_AFTER = re.compile(r"^\s+[A-Z][a-z]")  # "One Adoption North": a name
_LISTED = re.compile(r",\s*|\s+(?:and|or|to)\s+")  # "six, 12 and 18 months"
_AT_BEFORE = re.compile(r"\b(?:at|aged?)\s+$", re.I)  # "reviewed at six months": a point


@dataclass(frozen=True)
class Reading:
    start: int
    end: int  # after the unit
    value: float
    unit: str
    words: str
    base: int | None


def read_numbers(text: str, dates: list[Span]) -> list[Reading]:
    """The quantities in ``text`` in order, leaving out numbers inside ``dates``."""
    found: list[Reading] = []
    for match in NUMBER.finditer(text):
        if any(span.start <= match.start() < span.end for span in dates):
            continue
        if found and match.start() < found[-1].end:
            continue  # the "10,000" of "per 10,000 children"
        reading = _reading(text, match)
        if reading is not None:
            found.append(reading)
    return [r for group in _lists(text, found) for r in _list_readings(text, group)]


def _lists(text: str, readings: list[Reading]) -> list[list[Reading]]:
    """Readings in runs printed as one list ("six, 12 and 18 months")."""
    groups: list[list[Reading]] = []
    for reading in readings:
        if groups and _LISTED.fullmatch(text[groups[-1][-1].end:reading.start]):
            groups[-1].append(reading)
        else:
            groups.append([reading])
    return groups


def _list_readings(text: str, group: list[Reading]) -> list[Reading]:
    """A list's unit is printed once, after its last number: "at six, 12 and 18 months"
    gives each its months, and points in time after "at" are no quantities."""
    unit = group[-1].unit
    if len(group) > 1 and unit in ("days", "weeks", "months", "years"):
        group = [r if r.unit != "count" else replace(r, unit=unit) for r in group]
    if unit in ("days", "weeks", "months", "years") and _AT_BEFORE.search(
            text[max(0, group[0].start - 8):group[0].start]):
        return []
    return group


def _reading(text: str, match: re.Match) -> Reading | None:
    before, after = text[: match.start()], text[match.end():]
    unit_match = _UNIT.match(after)
    unit, base = _unit(unit_match)
    if unit not in ("percent", "rate-per-10000") and _REFERENCE_BEFORE.search(before[-30:]) \
            or _AGE_AFTER.search(after):
        return None  # "Year 11", "aged 16", but "the largest group (46%)"
    digits = match.group("digits")
    if digits and (re.match(r"0\d", digits) or _FOOTNOTE.search(before[-20:])
                   and _FOOTNOTE_AFTER.match(after) and len(digits) <= 2):
        return None  # "0300 123 1231"; "enquiries do not 1 The areas ...": a footnote's mark
    word = match.group("word")
    if word and word[0].isupper() and _IN_A_NAME.search(before):
        return None  # "the 'One Family Approach'", "One Council, One family": a name
    if word and word.lower() == "one" and (
            _PRONOUN_BEFORE.search(before[-12:]) or _PRONOUN_AFTER.search(after)
            or _ONE_TO.search(before[-8:]) or word == "One" and _NAME_AFTER.match(after)):
        return None
    if _is_age(before, after, unit, match.group("digits")):
        return None  # "under 18 years", "those over 21.": an age
    value = _value(match)
    if value is None:
        return None
    end = match.end() + (unit_match.end() if unit_match else 0)
    return Reading(match.start(), end, value, unit, text[match.start():end], base)


def _is_age(before: str, after: str, unit: str, digits: str | None) -> bool:
    if not _UNDER_OVER.search(before[-8:]) or _FOR_OVER.search(before[-14:]):
        return False  # "for over two years" is a duration
    small = digits is not None and float(digits.replace(",", "")) <= 25
    return unit == "years" or unit == "count" and small and bool(_AGE_END.match(after))


def _unit(match: re.Match | None) -> tuple[str, int | None]:
    if match is None:
        return "count", None
    if match.group("percent"):
        return "percent", None
    if match.group("rate"):
        return "rate-per-10000", 10000
    duration = (match.group("duration") or match.group("hyphened")).lower()
    return (duration if duration.endswith("s") else duration + "s"), None


def _value(match: re.Match) -> float | None:
    if match.group("zero"):
        return 0.0
    if match.group("digits"):
        return float(re.sub(r"[, ]", "", match.group("digits")))
    return _word_value(match.group("word").lower())


@lru_cache(maxsize=512)
def _word_value(words: str) -> float | None:
    """"twenty-five" -> 25.0 (number_parser rebuilds its tables on each call: cached)."""
    from number_parser import parse_number

    parsed = parse_number(words)
    return float(parsed) if parsed is not None else None
