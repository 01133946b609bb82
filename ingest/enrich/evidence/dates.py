"""Dates and periods a statement refers to: "at 31 March 2018", "in 2017-18", "in the
last 12 months". Each becomes a plain key: an ISO date, "YYYY-MM", "YYYY", a period
"2017-2018" (printed "2017-18", "2017/18", "2017-8" or "2017 to 2018"), an ISO interval
("April to December 2015", "from 1 April to 30 September 2015"), or, for a period told
relative to the inspection, one of the keys of ``RELATIVE_KEYS``, which the graph resolves
against the inspection's dates. ``datetime.strptime`` reads the few printed forms."""

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime

from ...parsing.textutil import DASH

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October"
          r"|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)")
_NUMBER_WORD = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_A_NUMBER = rf"(?:{_NUMBER_WORD}|an?)"  # "a year before this inspection"
# "1/04/12", "31/01/2014": a day printed in figures, read only as an end of a period
_NUMERIC_DAY = r"\d{1,2}/\d{1,2}/(?:\d{2}|\d{4})\b"
# "and this inspection", "to the time of the inspection": a period running up to the inspection
_TO_INSPECTION = r"(?:and|to|until) (?:the time of )?(?:this|the) inspection\b"
_UNIT = r"(?:days?|weeks?|months?|years?)"
_RELATIVE = (
    rf"(?:between|from) (?:\d{{1,2}} )?{_MONTH} \d{{4}} {_TO_INSPECTION}"
    rf"|between {_NUMERIC_DAY} and {_NUMERIC_DAY}|from {_NUMERIC_DAY} (?:to|until) {_NUMERIC_DAY}"
    rf"|(?:from )?\d{{1,2}} {_MONTH}(?: \d{{4}})? ?(?:to|until|[{DASH}]) ?"
    rf"\d{{1,2}} {_MONTH} \d{{4}}"
    rf"|between \d{{1,2}} {_MONTH}(?: \d{{4}})? and \d{{1,2}} {_MONTH} \d{{4}}"
    # (the sixteenth round) "between April 2014 and the end of January 2015": the months
    rf"|between {_MONTH} \d{{4}} and (?:the end of )?{_MONTH} \d{{4}}"
    rf"|(?:from )?{_MONTH}(?: \d{{4}})? ?(?:to|until|[{DASH}]) ?{_MONTH} \d{{4}}"
    rf"|between {_MONTH}(?: \d{{4}})? and {_MONTH} \d{{4}}"
    # (the tenth round) "in the last six-month period": the period named by its length
    rf"|(?:last|past|previous) {_NUMBER_WORD}[ {DASH}](?:day|week|month|year) period\b"
    # (the eleventh round) "the last two-and-a-half years": 30 months; "the last decade"
    rf"|(?:last|past|previous) {_NUMBER_WORD}[- ]and[- ]a[- ]half[- ]years?\b"
    r"|(?:last|past|previous) decade\b"
    # not "past 18 years of age" (an age)
    rf"|(?:last|past|previous) (?:{_NUMBER_WORD} )?{_UNIT}\b(?! of age\b| old\b)"
    rf"|preceding {_NUMBER_WORD} {_UNIT}"
    # "a year before this inspection", "the year leading up to the inspection"; (the
    # fifteenth round) the length told as a period ("the twelve month period prior to the
    # inspection", "the 12-month period before this inspection") and "to" ("the 12 months
    # to inspection")
    rf"|(?:{_A_NUMBER}[ {DASH}]|the ){_UNIT}(?: period)? (?:before|prior to|preceding"
    r"|leading up to|to) (?:this |the )?inspection\b"
    r"|since the (?:last|previous) inspection"
    rf"|since (?:\d{{1,2}} )?(?:{_MONTH} )?\d{{4}}"
    r"|(?<=at )the time of (?:(?:the|this) )?inspection"
    # (the thirteenth round) "During the inspection, 19 children ...", "at the start (point)
    # of this inspection": the time of the inspection; "During" only opening a sentence,
    # before a comma (not "during the last inspection", "During the inspection the
    # inspectors saw ...", an example seen, nor "cases tracked during the inspection, ...")
    r"|(?:(?<=^during )|(?<=[.;:]\sduring ))(?:the|this) inspection(?=,)"
    # (the fourteenth round) "At the point of inspection, ...": the article may be left out
    r"|(?<=at )the (?:start|point) of (?:(?:the|this) )?inspection\b"
    r"|(?<=at )the (?:time of the )?(?:last|previous) inspection"
    r"|\b(?:this|the current) year\b(?! (?:11|1[0-3]|[1-9])\b)"
    # (the sixteenth round) "This academic year, 40 new referrals": the year so far (not
    # "this academic year 2014-15", which prints it)
    r"|\b(?:this|the current) (?:academic|school|financial) year\b(?!,?\s*\(?(?:19|20)\d\d)"
    # "the year to date", "year-to-date figures" (not "the year to date as at the end of
    # 2014-15": that year; a bare "(year to date)" is left as the fourth sample reads it)
    r"|\b(?:the year to date|year-to-date)\b(?!,?\s+(?:as\s+)?at\b)"
)
# The keys of periods told relative to the inspection: one list, each key once. Every
# relative phrase is read as one of them (``_relative_key``); all but the previous
# inspection end at this inspection's last day on site (``okg:periodEnd``).
RELATIVE_KEYS: dict[str, str] = {
    "last-N-days|weeks|months|years": "the N days (weeks, months, years) before the "
    "inspection: \"in the last 12 months\", \"the past year\" (last-12-months), \"last "
    "year\", \"two years before this inspection\" (last-2-years)",
    "this-year": "the year so far: \"this year\", \"the year to date\", \"year-to-date "
    "figures\"",
    "since-the-last-inspection": "from the previous inspection to this one",
    "since-YYYY, since-YYYY-MM, since-YYYY-MM-DD": "from that date to the inspection",
    "time-of-the-inspection": "\"at the time of this (the) inspection\", \"at the time of "
    "inspection\", \"during the inspection\", \"at the start (point) of this inspection\"",
    "previous-inspection": "\"at the last (previous) inspection\", \"at the time of the last "
    "inspection\": the previous "
    "inspection's time, which this report does not date (no okg:periodEnd)",
}
_RELATIVE_FORM = re.compile(
    r"last-\d+-(?:days|weeks|months|years)|this-year|since-the-last-inspection"
    r"|since-\d{4}(?:-\d{2}(?:-\d{2})?)?|time-of-the-inspection|previous-inspection")
_WORDS = {w: str(n) for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
PHRASE = re.compile(
    rf"(?P<relative>{_RELATIVE})"
    rf"|(?P<yearto>\b(?:the )?(?:(?:last|past|previous) )?(?:12|twelve) months?"
    # (the sixteenth round) "the three years to the end of September 2015": the span
    rf"|\bthe (?:two|three|four|five|[2-5]) years|\bthe (?:three|six|nine|[369]|18) months"
    rf"|\bthe (?:financial )?year)\s+(?:to|ending|up to(?: and including)?)\s+(?:the end of\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH},?\s+\d{{4}}"
    rf"|(?P<monthend>\b(?:the )?end of {_MONTH},? \d{{4}})"
    # "the three-year average at the end of 2013-14": the three years that end with it
    r"|(?P<threeyears>\b(?:three|3)[- ]year (?:average|period|rolling average)\s+(?:at the end of"
    rf"|for|to|ending(?: in)?)\s+(?:19|20)\d{{2}} ?[/{DASH}] ?\d{{2}}\b)"
    # "the end of quarter four 2013-14": the last day of a quarter of the financial year
    r"|(?P<quarterend>\b(?:the )?end of quarter (?:one|two|three|four|[1-4]),? (?:19|20)\d{2}"
    rf" ?[/{DASH}] ?\d{{2,4}}\b)"
    rf"|(?P<day>\d{{1,2}}(?:st|nd|rd|th)? {_MONTH},? \d{{4}})"
    rf"|(?P<monthday>{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}})"
    rf"|(?P<month>{_MONTH},? \d{{4}})"
    # (the fifteenth round) "between 2011-12 and 2013-14 an average of 8%": an average over
    # the span from the first year's start to the last's end, 2011-2014 (not a change told
    # "between 2010-13 and 2012-14, from 288 to 286 days": two periods, one for each value)
    rf"|(?P<between>\bbetween (?:19|20)\d{{2}} ?[/{DASH}] ?\d{{2}} and (?:19|20)\d{{2}}"
    rf" ?[/{DASH}] ?\d{{2}}\b(?=,?\s+(?:an?\s+|the\s+)?average\b))"
    # a period: "2017-18", "2014\u0335\u201315" (a rendering's combining stroke after the year),
    # "2017 to 2018", "2011 to 14"; not "from 22% in 2011 to 39% in 2013" or "the total for
    # 2014 to 44" (a year, then a number: see ``_is_period``)
    r"|(?P<period>\b(?:between (?:19|20)\d{2} and (?:19|20)\d{2}"
    rf"|(?:19|20)\d{{2}}[\u0300-\u036f]*(?: ?[/{DASH}] ?| to | until )(?:(?:19|20)\d{{2}}"
    r"|\d{1,2}(?![\d%]|\.\d| ?per\b)))\b)"
    r"|(?P<year>(?<![\d,.])(?<!Act )(?:19|20)\d{2}(?!\d|,\d|%| per))",
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
    spans = []
    for match in PHRASE.finditer(text):
        if match.lastgroup == "threeyears" and not _one_year(match.group()):
            # "the three-year average for 2012-15": the three years are printed
            period = PERIOD.search(match.group())
            assert period is not None
            spans.append(Span(match.start() + period.start(), match.end(),
                              _typed_key("period", period.group()), False))
            continue
        if match.lastgroup == "period" and not _is_period(match.group()):
            year = match.group()[:4]  # "in 2014 to 44": the year, and a number after it
            spans.append(Span(match.start(), match.start() + 4, year, False))
            continue
        spans.append(Span(match.start(), match.end(), _key(match), match.lastgroup == "relative"))
    return spans


PERIOD = re.compile(rf"(?:19|20)\d{{2}} ?[/{DASH}] ?\d{{2}}\b")


def _one_year(printed: str) -> bool:
    """"... at the end of 2013-14": the period printed is one year."""
    first, second = re.findall(r"\d+", PERIOD.search(printed).group())  # type: ignore[union-attr]
    return (int(first) + 1) % 100 == int(second)


def _is_period(printed: str) -> bool:
    """"2011 to 14" and "2017-18" are periods: a year and a later one within ten years
    ("2014 to 44" is a year and a number)."""
    first, second = re.findall(r"\d+", printed)[:2]
    end = int(first[: 4 - len(second)] + second)
    return 0 < end - int(first) <= 10


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
    if kind == "yearto":  # "the 12 months to 31 March 2013": the year that ends then
        end = _last_month(printed)
        months = _span_months(printed)
        if end.month == 3 and months % 12 == 0:  # financial years, keyed as "2012-13" is
            return f"{end.year - months // 12}-{end.year}"
        # ending in another month, the months as an interval ("the year up to December
        # 2015": 2015-01/2015-12, as the hand-read samples write it; "the three years to
        # the end of September 2015": 2012-10/2015-09)
        opening = end.year * 12 + end.month - months  # months since year 0, 0-based
        opened = date(opening // 12, opening % 12 + 1, 1)
        return f"{opened.strftime('%Y-%m')}/{end.strftime('%Y-%m')}"
    if kind == "threeyears":  # "three-year average at the end of 2013-14": 2011-2014
        last = int(re.findall(r"(?:19|20)\d{2}", printed)[-1])
        return f"{last - 2}-{last + 1}"
    if kind == "quarterend":  # quarters of the financial year: April-June is the first
        quarter = _WORDS.get(printed.split()[-2].rstrip(","), printed.split()[-2].rstrip(","))
        opens = int(re.search(r"(?:19|20)\d{2}", printed).group())  # type: ignore[union-attr]
        return {"1": f"{opens}-06-30", "2": f"{opens}-09-30", "3": f"{opens}-12-31",
                "4": f"{opens + 1}-03-31"}[quarter]
    if kind == "monthend":  # "the end of March 2016": its last day
        end = _last_month(printed)
        return end.replace(day=calendar.monthrange(end.year, end.month)[1]).date().isoformat()
    if kind == "month":
        return _last_month(printed).strftime("%Y-%m")
    if kind == "between":  # "between 2011-12 and 2013-14": 2011-2014
        first, last = PERIOD.findall(printed)
        return _typed_key("period", first).split("-")[0] + "-" + _typed_key(
            "period", last).split("-")[1]
    if kind == "period":
        first, second = re.split(rf"[\u0300-\u036f]* ?[/{DASH}] ?| to | until | and ",
                                 re.sub(r"^between ", "", printed, flags=re.I))
        second = first[: 4 - len(second)] + second  # "2008-9": 2009
        return f"{first}-{second}"  # both years whole: "2011-12" would be December 2011
    if kind == "year":
        return printed
    return _relative_key(printed.lower())


def _span_months(printed: str) -> int:
    """How many months "the 12 months (the year, the three years) to ..." spans."""
    told = re.match(r"\D*?\b(\w+) (years|months?)\b", printed, re.I)
    if told is None:
        return 12  # "the year to July 2014", "the financial year ending March 2015"
    number = told.group(1).lower()
    count = int(_WORDS.get(number, number))
    return count * 12 if told.group(2).lower() == "years" else count


def _last_month(printed: str) -> datetime:
    """The month and year that end ``printed`` ("... March 2016"), as its first day."""
    month, year = re.sub(r"[,.]", "", printed).split()[-2:]
    return datetime.strptime(f"{month[:3]} {year}", "%b %Y")


# (the sixteenth round, the third reader's convention) "from 22 young people 12 months ago":
# a previous value told "N months (a year) ago" is of the last N months
AGO = re.compile(rf"\s+(?:[a-z'-]+\s+){{0,3}}?(?P<ago>(?:{_NUMBER_WORD}|an?)\s+{_UNIT})\s+ago\b",
                 re.I)


def ago_key(printed: str) -> str:
    """"12 months", "a year" (told "ago") -> the key of the last months: last-12-months."""
    return _relative_key("last " + re.sub(r"^an?\s+", "", printed.lower()))


def _relative_key(printed: str) -> str:
    """A relative phrase -> its key of ``RELATIVE_KEYS``."""
    if printed.endswith(" period"):  # "the last six-month period": the last six months
        printed = re.sub(rf"[{DASH}]", " ", printed[: -len(" period")])
    words = printed.split()
    numeric = re.findall(_NUMERIC_DAY, printed)
    if len(numeric) == 2:  # "between 1/04/12 and 31/01/14": an ISO interval of days
        return "/".join(_numeric_day(day) for day in numeric)
    if re.match(rf"(?:between|from) .* {_TO_INSPECTION}$", printed):
        # "between March 2013 and this inspection": since March 2013
        start = re.sub(rf"^(?:between|from) | {_TO_INSPECTION}$", "", printed)
        return "since-" + _typed_key(_kind_of(start), start)
    days = re.findall(rf"\d{{1,2}} {_MONTH}(?: \d{{4}})?", printed, re.I)
    if len(days) == 2:  # "from 1 April to 30 September 2015": an ISO interval of days
        year = days[1].split()[-1]
        first = days[0] if len(days[0].split()) == 3 else f"{days[0]} {year}"
        return f"{_typed_key('day', first)}/{_typed_key('day', days[1])}"
    months = re.findall(rf"{_MONTH}(?: \d{{4}})?", printed, re.I)
    if len(months) == 2 and not printed.startswith("since"):
        # "between April 2014 and March 2015", "April to December 2015": an ISO interval
        year = months[1].split()[-1]
        first = months[0] if months[0].split()[-1].isdigit() else f"{months[0]} {year}"
        return f"{_typed_key('month', first)}/{_typed_key('month', months[1])}"
    if printed.startswith("since") and not re.search(r"inspection$", printed):
        return "since-" + _typed_key(_kind_of(" ".join(words[1:])), " ".join(words[1:]))
    if re.search(r"(?:last|previous) inspection$", printed):
        return "since-the-last-inspection" if words[0] == "since" else "previous-inspection"
    if "time of" in printed or re.fullmatch(
            r"(?:the (?:start|point) of )?(?:(?:the|this) )?inspection", printed):
        return "time-of-the-inspection"
    printed = re.sub(r" (?:academic|school|financial) year$", " year", printed)
    if printed in ("last year", "this year", "the current year", "the year to date",
                   "year-to-date"):
        return "last-12-months" if printed == "last year" else "this-year"
    if printed.endswith("decade"):
        return "last-10-years"
    count = next((_WORDS.get(w, w) for w in re.split(r"[- ]", printed)
                  if w.isdigit() or w in _WORDS), "1")
    if re.search(r"and[- ]a[- ]half[- ]years?$", printed):
        return f"last-{int(count) * 12 + 6}-months"  # "two-and-a-half years": 30 months
    unit = next(w for w in re.split(rf"[ {DASH}]", printed)
                if re.fullmatch(r"(?:day|week|month|year)s?", w))
    unit = unit if unit.endswith("s") else unit + "s"
    if (count, unit) == ("1", "years"):
        count, unit = "12", "months"  # "the past year": the 12 months before
    return f"last-{count}-{unit}"


def _numeric_day(printed: str) -> str:
    """"1/04/12" -> 2012-04-01: day, month, year (two figures: this century), as Ofsted
    prints them."""
    day, month, year = printed.split("/")
    return date(int(year) + (2000 if len(year) == 2 else 0), int(month), int(day)).isoformat()


def _kind_of(printed: str) -> str:
    return next(k for k, v in PHRASE.search(printed).groupdict().items() if v)  # type: ignore[union-attr]


def is_relative_key(key: str) -> bool:
    """A key of ``RELATIVE_KEYS`` (not a date, month, year or period)."""
    return bool(_RELATIVE_FORM.fullmatch(key))
