"""One piece of text -> its typed quantities: role, measure and date for each number."""

import re
from dataclasses import replace

from ...model import Quantity
from ...parsing.textutil import DASH
from .dates import AGO, PERIOD, Span, ago_key, date_spans, is_relative_key
from .measures import match_measure
from .quantities import NUMBER, NUMBER_WORD, PERCENT_RANGE, Reading, read_numbers
from .text import sentences

# Ofsted's contact details and licence, where a parser left a back cover on a finding.
_BOILERPLATE = re.compile(r"@|www\.|https?:|telephone|textphone|crown copyright|\u00a9", re.I)
_BREAK = re.compile(r".*(?:[,;:(]|\bwhile\b|\bwhereas\b|\bbut\b)", re.S)
_COMPANION = re.compile(
    r"\s*(?:children(?: and young people)?\s*|of the (?:total )?looked after population\s*)?"
    r"\((?:a rate of|or|which is|that is|equivalent to)?\s*",
    re.I)
# A figure of elsewhere the authority is compared with: "the national average is",
# "the England rate of", "the figure for England of", "statistical neighbour and England
# averages of", "the national threshold stood at"
# ... and a threshold or target set for every authority by the government ("the government
# threshold of 487 days", "the Department for Education target", "the adoption scorecard
# threshold"): not the authority's own figure
_ELSEWHERE = (r"(?:national|England|English|England's|statistical neighbours?['\u2019]?"
              r"|(?:[A-Z][\w-]*['\u2019]s )?neighbours['\u2019]?|regional|region['\u2019]s"
              r"|comparators?|similar (?:areas|authorities|local authorities)"
              # (the ninth round) "the comparable authority average (13%)"
              r"|(?:comparable|comparator|similar|neighbouring) (?:local )?"
              r"(?:authority|authorities|areas?|councils?)(?:['\u2019]s?)?"
              r"|(?:central )?government(?:['\u2019]s)?|Department for Education(?:['\u2019]s)?"
              r"|DfE(?:['\u2019]s)?|(?:adoption )?scorecard)")
_ELSEWHERE_END = re.compile(rf"{_ELSEWHERE}\s*$", re.I)  # "statistical neighbours (21%)"
_ALONE_IN_BRACKETS = re.compile(r"(?:\s+(?:in|for|at) [^()]*?)?\s*\)")  # "(18% in 2014-15)"
_NATIONALLY = re.compile(r"\)?\s*(?:nationally|in England|across England"
                         r"|(?:in|for|among) (?:its |their )?statistical neighbours"
                         r"|in comparator (?:local )?authorities)\b", re.I)
# "the second largest Kashmiri population (1,658) in England": the authority's rank, its own
_RANKED = re.compile(r"\b(?:largest|smallest|highest|lowest|biggest|most|least|best|worst)\s+"
                     r"[^,;.()\d]*\(?\s*$", re.I)
# a hedge between a figure's words and its value ("of only 12", "at around 40%")
_HEDGE = r"(?:only\s+|just\s+|approximately\s+|around\s+|about\s+)?"
_FIGURE = (r"(?:averages?|levels?|figures?|rates?|proportions?|thresholds?|targets?|benchmarks?"
           r"|requirements?|expectations?|guidance)")
_NATIONAL_HERE = re.compile(
    rf"(?:{_ELSEWHERE}(?: and (?:the )?{_ELSEWHERE})?\s+(?:[\w-]+\s+)?{_FIGURE}"
    rf"(?:\s+(?:for|in) (?:England|[\d/{DASH}]+))?"
    # (the ninth round) "the England average at 31 March 2014 of 13%"
    r"(?:\s+(?:at|as at|on) (?:\d{1,2} )?(?:[A-Z][a-z]+ )?(?:19|20)\d{2}(?=\s+of\b))?"
    rf"|{_FIGURE} (?:for|in|across) England"
    # "comparator authorities performing at 82%"
    rf"|{_ELSEWHERE}(?:\s+[\w-]+)?(?:\s+(?:performing|performed|standing|stood))?\s+at"
    # (the seventh round) "the average of statistical neighbours being only 9%", "that for
    # similar authorities of 9%"
    # (the thirteenth round) "the most up-to-date average figure available for similar local
    # authorities of 81%"
    rf"|\b(?:{_FIGURE}|that)(?: available)? (?:of|for|in) (?:the )?{_ELSEWHERE}"
    r"(?:\s+(?:areas|authorities))?)"
    r"(?:,?\s+(?:is|was|are|were|being|of|at|stands at|stood at|standing at|which (?:is|was)"
    # "the England level rose to 17%", "the recommended national level of between 50 and 70"
    r"|(?:has |have )?(?:rose|risen|fell|fallen|increased|decreased|dropped|reduced) to)"
    rf"(?:\s+between)?|\s+[{DASH}])?"
    r"\s*(?:only |approximately |around |about |just |also |now |currently )?$", re.I)
# "higher than both the England and the statistical neighbour average, at 16% each" (not
# "below the national average, at 6.3%": the authority's own): an average told after a
# comma is national only with "each" after it
_EACH = re.compile(r"\s+each\b", re.I)
_NATIONAL_COMMA_AT = re.compile(
    rf"{_ELSEWHERE}(?: and (?:the )?{_ELSEWHERE})?\s+(?:[\w-]+\s+)?{_FIGURE},\s+at\s+$", re.I)
# "an improvement on 2014-15, when 33 orders were granted": the earlier value
_FROM_WHEN = re.compile(
    r"\b(?:from|on|compared (?:with|to)|than)\s+(?:the\s+)?(?:(?:previous|last|preceding)\s+"
    rf"(?:year|quarter|month|period)(?: of [\d/{DASH}]+)?|[\d/{DASH}]+)\s*,?\s+when\s+"
    # "from the previous period of 2011-14, when the average time was 54 days longer"
    r"(?:the (?:[a-z]+ ){1,3}(?:was|were|stood at)\s+)?"
    rf"{_HEDGE}$"
    # "better than (an improvement on) the three-year average for 2012-15, which was 591 days"
    r"|\b(?:on|than|compared (?:with|to)|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:for|in)\s+"
    rf"[\d/{DASH}]+\s*,\s+which\s+(?:was|were|stood at)\s+(?:only\s+|just\s+)?$", re.I)
_LISTED = re.compile(r"\s*(?:,\s*|,?\s+and\s+)")  # "averages of 66% and 68%"
_COMPARED = re.compile(r"(?:compared (?:with|to)|compares (?:with|to)|against"
                       r"|(?<!less )(?<!more )(?<!fewer )than)\s*(?:the\s+|an?\s+)?"
                       r"(?:(?:average|figure|rate|level)\s+of\s+)?(?:only\s+|just\s+)?$",
                       re.I)  # not "less than 18 months"
_NATIONAL_AFTER = re.compile(
    r"^[^.;(]*?(?:national|in England|\bthe country\b|England as a whole|nationally"
    r"|(?:for|in|among|across) (?:similar|comparable|comparator|neighbouring) (?:local )?"
    r"(?:authorities|areas|councils)|(?:for|in|among) (?:its |their )?statistical neighbours)",
    re.I)
_NOT_ONLY_A_DATE = re.compile(r"\d|\b(?:than|same|compared|average|national|England|rate|from"
                              r"|up|down)\b", re.I)
_ANOTHER_FIGURE = re.compile(
    rf"\d|\b(?:than|compared|nationally|{_ELSEWHERE}|averages?|previous|last|years?|period"
    r"|quarter|months?)\b", re.I)
# a date opening an item ("In June 2013, Ofsted ...", "At 31 March 2018, 306 children"),
# not one at the end of a sentence that states no number ("The chair has been in post since
# June 2013.")
_OPENS = re.compile(r"\W*(?:[\w'-]+\W+){0,3}")
_BRACKETED_DATE = re.compile(r"\s*\((?:at |on |as at |in |for )?", re.I)
# "and" ends a clause where a new one starts ("77% and for 2015-16 so far 79%"), not
# inside a noun phrase ("children and young people", "bed and breakfast")
_CLAUSE_END = re.compile(
    # (the ninth round) not an abbreviation in brackets: "two serious case reviews (SCRs) have
    # been completed at the time of the inspection"
    r"\((?![A-Z][A-Za-z]{0,7}[A-Z]s?\))|,\s|;|\band\b(?=\s+(?:in|for|at|on|during|by|from|since|over|is|was|are|were|has"
    r"|have|had|the|this|that|it|its|\d|January|February|March|April|May|June|July|August"
    r"|September|October|November|December)\b)")
_FROM = re.compile(
    r"(?:\bfrom|compared (?:with|to)|compares (?:with|to)|similar to|the same as"
    r"|(?:improvement|increase|reduction|decrease|rise|fall) on)(?: the| an?)?"
    # (the eighth round) "declined to 220 days from the 2013-14 average of 213 days"
    rf"(?:(?<=the) (?:19|20)\d{{2}}(?: ?[/{DASH}] ?(?:19|20)?\d{{2}})?"
    # (the ninth round) "an improvement on the 2014 figure of 84.7%"
    r"(?= (?:average|figure|rate|level|total)))?"
    # "a reduction from an average of 48 weeks in 2012-13 to 39 weeks"
    r"(?: (?:figure|number|rate|average|level|total|high|peak) of)?"
    r"\s*(?:approximately\s+|around\s+|about\s+|only\s+|just\s+)?$",
    re.I)
# "from" states an earlier value only where the sentence tells of a change
_CHANGE = re.compile(r"increas|reduc|decreas|\bris[ei]|risen|\brose\b|\bfall|\bfell|\bdown\b|\bup\b"
                     r"|doubl|halv|worsen|deteriorat|climb"
                     r"|improv|declin|chang|compared|compares|similar|same as|grown|grew|drop"
                     r"|went|moved",
                     re.I)
_THAN = re.compile(r"\b(?:better|worse|higher|lower|more|fewer|less|quicker|faster|slower"
                   r"|longer|shorter)\s+than\b[^,;]*,\s+which\s+(?:was|were|stood at)\s+"
                   r"(?:only\s+|just\s+)?$", re.I)
_OUTSIDE = "children-looked-after-outside-area"
_PLACEMENTS = frozenset({"residential-homes", "foster-placements"})
# counts of events: in findings the measure only where a period is told ("Of 63 children who
# ceased to be looked after in the six months before the inspection")
_OVER_A_PERIOD = frozenset({"ceased-looked-after"})
# "12 (7%)", "48 (or 19.5%)": a count and its share in brackets, one fact in one clause
_PAIRED = re.compile(r"\s*\((?:or |a rate of )?[\d.,]+\s*(?:%|per cent)\)")
_DATE_BETWEEN = re.compile(r"\s*(?:as at|at|on|in)\s*$", re.I)
# "150, of whom 53 (35%) live out of the authority area, live with foster families": the
# number's own clause goes on after the aside
_ASIDE = re.compile(r",\s*of whom [^,;.]*,", re.I)
# "All 11 live outside", "Of this 171, 46% live outside": a count told again, so the share
# outside the area is of that group, not of all the children looked after
_RESTATED = re.compile(r"^\W*(?:All|Of (?:this|these) [\d,]+\s*,)\s*$")
_OF_WHOM = re.compile(r"\bof (?:whom|these|them)\s*$", re.I)
# "11 live in residential special schools, of whom all (100%) live out of the area"
_OF_WHOM_ALL = re.compile(r"\bof (?:whom|these|them) all\s*\(?\s*$", re.I)
# "one serious case review has been completed and one is underway": the same kind, left out
_UNDERWAY = re.compile(r"\s+(?:is|are)\s+(?:also\s+)?(?:underway|ongoing|in progress)\b", re.I)
_AND_ONE = re.compile(r"\s+[a-z' ]{0,60}?\s+and\s+", re.I)
# "For this period ... 208 days": a period the sentence before names
_BACK_REFERENCE = re.compile(r"\b(?:this|that|the same) (?:period|time|year)\b|\bat that point\b",
                             re.I)
# "There were no exclusions during this period": the period of the sentence before
_THIS_PERIOD = re.compile(r"\b(?:this|that|the same) period\b", re.I)
# "This is better than ...", "Of these, ...": a sentence telling more of the one before
_REFERS_BACK = re.compile(
    r"^\W*(?:(?:However|But|And|Also|Overall|Nevertheless|Again|In addition|Furthermore"
    r"|Moreover|Similarly|At [\d.]+(?:%| per cent| days)),?\s+)?"
    r"(?:(?:This|These|That|Those|It|Both)\s+(?:figures?|rates?|numbers?|proportions?"
    r"|percentages?|performance|data|represents?|compares?|equates?|means|is|was|are|were"
    r"|remains?|has|have|had|shows?|reflects?|indicates?|includes?|[a-z]+ed)\b"
    r"|(?:Of|[\w-]+ of|Among|Within) (?:these|this|them|those|whom)\b"
    r"|(?:\w+ )?(?:over|during|in|for) (?:the same|this|that) (?:period|time|year)\b"
    r"|(?:\w+ )?at (?:that|this) (?:point|time|date)\b"
    # (the twelfth round) "All 60 children have achieved adoption": the group told again
    r"|All\s+(?:[\d,]+|(?-i:[a-z]+))\s+(?:of\s+(?:these|the|them)\s+)?(?:children|young people"
    r"|care leavers|families|adopters|carers)\b)", re.I)
# "Family finding is underway for the other six": the rest of a group the sentence before
# counted, of its date
_REST_OF_GROUP = re.compile(r"\bthe (?:other|remaining)\s+$", re.I)
# "1,629 contacts and 257 referrals in 2014/15": numbers in one coordinated phrase share
# the date printed after the last of them
_COORDINATED = re.compile(r"\s+(?:[a-z'-]+\s+){0,3}(?:and|or)\s+", re.I)
# "Five of the six young people who turned 18 during 2015": a part takes its group's date
# ... also a share in brackets, "Almost all (97%) of the 99 children who responded to the
# survey in December 2014" (the ninth round)
_PART_OF = re.compile(r"\)?\s+(?:out\s+)?of\s+(?:the\s+|these\s+|those\s+)?(?:current\s+)?", re.I)


def read_quantities(text: str, lead: str = "", lead_date: str | None = None,
                    prose: bool = False, before: str | None = None) -> tuple[Quantity, ...]:
    """The quantities ``text`` states. ``lead`` is the lead-in of the list it sits in and
    ``lead_date`` the date that lead-in gives ("In the last 12 months:"); ``prose`` for a
    finding's sentence (see ``match_measure``), and ``before`` the date of the sentence
    before it (``sentence_date``), which a sentence that refers back takes ("This is
    better than ...", "Of these, ...")."""
    if not (NUMBER.search(text) or PERCENT_RANGE.search(text)) or _BOILERPLATE.search(text):
        return ()  # most sentences state no number: leave them before reading dates
    spans = date_spans(text)
    readings = read_numbers(text, spans)
    bounds = sentences(text)
    spans = [s for s in _whole_periods(text, spans)
             if not _before_another_date(text, s, spans, bounds, before)
             and not (s.key.isdigit() and _UNTIL_YEAR.search(text, 0, s.start))]
    quantities: list[Quantity] = []
    heads: list[str] = []
    for index, reading in enumerate(readings):
        sentence = next((b for b in bounds if b[0] <= reading.start < b[1]), (0, len(text)))
        head_from = max(sentence[0], readings[index - 1].end if index else 0)
        tail_to = min(sentence[1], readings[index + 1].start if index + 1 < len(readings)
                      else len(text))
        head, tail = text[head_from:reading.start], text[reading.end:tail_to]
        companion = index and _companion(text, readings[index - 1], reading, spans)
        quantity = _quantity(reading, (head, text[sentence[0]:reading.start]), tail,
                             lead + " " + text[:reading.start], prose)
        aside = _ASIDE.match(text, reading.end)
        if aside and quantity.measure is None:  # "150, of whom 53 live out of the area, live
            tail_after = text[aside.end():sentence[1]]  # with foster families"
            quantity = replace(quantity, measure=_quantity(
                reading, (head, text[sentence[0]:reading.start]), " " + tail_after,
                lead + " " + text[:reading.start], prose).measure)
        if quantity.measure == _OUTSIDE and (_RESTATED.match(text[sentence[0]:reading.start])
                                             or _OF_WHOM_ALL.search(head)):
            quantity = replace(quantity, measure=None)  # "All 11 live outside": of a subgroup
        if quantity.measure == _OUTSIDE and any(
                q.measure in _PLACEMENTS and q.start >= sentence[0] for q in quantities) \
                or quantity.words.lower() == "neither":
            # (the eighth round) "19 live in residential children's homes, and 16 (84%) live
            # out of the authority area": a share of that placement, not of all the children;
            # "Two live with parents, and neither live out of the area": none of that pair
            quantity = replace(quantity, measure=None)
        if quantity.measure is None and quantity.unit == "count" and quantities \
                and quantities[-1].measure and _UNDERWAY.match(tail) \
                and _AND_ONE.fullmatch(text, readings[index - 1].end, reading.start):
            # "one serious case review has been completed and one is underway"
            quantity = replace(quantity, measure=quantities[-1].measure)
        if companion and quantities:
            quantity = _as_companion(quantity, quantities[-1])
            if _OF_WHOM.search(heads[-1]) and quantity.measure == _OUTSIDE:
                quantity = replace(quantity, measure=None)  # "of whom 16 (62%) live outside"
            elif quantities[-1].measure is None:  # "168 (or 55%) live outside the area"
                quantities[-1] = replace(quantities[-1], measure=quantity.measure
                                         or _measure_after_share(text, readings, index,
                                                                 (sentence, tail_to), prose))
        heads.append(head)
        if quantities and _listed_national(quantities[-1], quantity,
                                           text[readings[index - 1].end:reading.start]):
            quantity = replace(quantity, role="national")  # "averages of 66% and 68%"
        elif quantities and _listed_previous(quantities[-1], quantity,
                                             text[readings[index - 1].end:reading.start], tail):
            quantity = replace(quantity, role="previous")  # "with 22 in 2013 and 25 in 2014"
        date_to = tail_to
        paired = _PAIRED.match(text, reading.end)
        if paired and index + 1 < len(readings) and readings[index + 1].end <= paired.end():
            date_to = min(sentence[1], readings[index + 2].start if index + 2 < len(readings)
                          else len(text))  # "12 (7%) returned between ...": one clause
        quantity = _dated(quantity, text, (reading, date_to), (sentence, bounds), spans,
                          (lead_date, prose, before))
        if quantity.role == "previous" and quantity.ref_date is None \
                and (ago := AGO.match(text, reading.end)):
            # (the sixteenth round) "from 22 young people 12 months ago to two": the 22
            quantity = replace(quantity, ref_date=ago_key(ago.group("ago")))
        if quantity.role == "national" and quantity.ref_date is None and quantities \
                and quantities[-1].role == "national" and quantities[-1].ref_date \
                and _LISTED_FIGURE.fullmatch(text, readings[index - 1].end, reading.start):
            # (the ninth round) "the 2013-14 England average of 11% and comparable authority
            # average of 11%": one coordinated phrase, named by its period
            quantity = replace(quantity, ref_date=quantities[-1].ref_date)
        if companion and quantities and quantity.ref_date is None:
            quantity = replace(quantity, ref_date=quantities[-1].ref_date)  # the same fact
        elif quantity.ref_date is None and quantities and quantities[-1].ref_date \
                and quantities[-1].unit == "count" and quantities[-1].start >= sentence[0] \
                and _CHANGE_IN_BRACKETS.search(text, 0, reading.start) \
                and _CHANGE_IN_BRACKETS_END.match(text, reading.end):
            # (the eleventh round) "12,500 more children in 2017 than in 2011 (a 31% increase)":
            # the change of the count before it, the same fact, of its date
            quantity = replace(quantity, ref_date=quantities[-1].ref_date)
        if prose and quantity.measure in _OVER_A_PERIOD and quantity.ref_date is None:
            quantity = replace(quantity, measure=None)  # "five who have ceased to be ...": a group
        if _DIFFERENCE.match(text, reading.end):
            quantity = _difference_dated(quantity, quantities, readings[:index], sentence)
        quantities.append(quantity)
    if not prose:
        quantities = _sourced(text, quantities, spans)
    if not prose:
        quantities = _this_number(text, bounds, quantities)
    quantities = _respectively(text, readings, quantities)
    quantities = _change_spanned(text, readings, quantities)
    quantities = _told_again_changed(text, readings, quantities)
    quantities = _change_after_current(text, readings, quantities)
    quantities = _number_of_units(text, readings, quantities)
    compared = _compared(_compared_units(text, readings,
                                         _rates(_shared_dates(text, readings, quantities))))
    return tuple(_national_dated(text, readings, compared, spans))


# (the twelfth round) "In 2012-13, 31 SGOs were made ..., and this has increased to 46 in
# 2013-14": the count before is the earlier value of what the later one counts
_THIS_CHANGED_TO = re.compile(
    r"[^.;:\d()]*?\b(?:this|that|the number|the figure)\s+(?:has|have|had)\s+(?:since\s+)?"
    r"(?:increased|risen|grown|fallen|decreased|dropped|reduced|declined)\s+to\s+"
    r"(?:approximately\s+|around\s+|about\s+)?$", re.I)


# (the twelfth round) "The average number of days between a child entering care and being
# placed with their adoptive family is 559.": a count of days
_NUMBER_OF_UNITS = re.compile(r"\bthe\s+(?:average\s+)?number\s+of\s+(days|weeks|months)\b"
                              r"[^.;:\d()]*\s(?:is|was|stands at|stood at|remains|remained)\s+"
                              r"(?:approximately\s+|around\s+|about\s+|now\s+)?$", re.I)


def _number_of_units(text: str, readings: list[Reading], quantities: list[Quantity]
                     ) -> list[Quantity]:
    """A bare number told as "the number of days ... is N" is N days."""
    result = list(quantities)
    for index, quantity in enumerate(result):
        start = text.rfind(".", 0, readings[index].start) + 1
        named = _NUMBER_OF_UNITS.search(text, start, readings[index].start)
        if quantity.unit == "count" and named:
            result[index] = replace(quantity, unit=named.group(1).lower())
    return result


def _told_again_changed(text: str, readings: list[Reading], quantities: list[Quantity]
                        ) -> list[Quantity]:
    """"31 SGOs were made in 2012-13, and this has increased to 46": the 31 the earlier
    value, the 46 of its measure."""
    result = list(quantities)
    for index in range(1, len(result)):
        earlier, later = result[index - 1], result[index]
        if earlier.unit == later.unit and earlier.role == later.role == "current" \
                and _THIS_CHANGED_TO.fullmatch(text, readings[index - 1].end,
                                               readings[index].start):
            result[index - 1] = replace(earlier, role="previous")
            result[index] = replace(later, measure=later.measure or earlier.measure)
    return result


# (the thirteenth round) "is currently 36 weeks, improving from 47 weeks for 2011-12 to 41
# weeks for 2012-13": a change told after the current value, both its values earlier
_CURRENTLY = re.compile(r"\b(?:currently|now|at present|presently)\s+(?:at\s+|stands\s+at\s+)?"
                        r"(?:approximately\s+|around\s+|about\s+)?$", re.I)
_CHANGE_FROM = re.compile(r"\s*(?:%|per cent|days|weeks|months|years)?\s*,\s*(?:having\s+)?"
                          r"(?:improving|improved|reducing|reduced|decreasing|decreased|falling"
                          r"|fallen|rising|risen|increasing|increased|down|up)\s+from\s+", re.I)
_CHANGE_TO = re.compile(r"[^.;:()]*?\s+to\s+", re.I)


def _change_after_current(text: str, readings: list[Reading], quantities: list[Quantity]
                          ) -> list[Quantity]:
    """"Currently 36 weeks, improving from 47 weeks ... to 41 weeks": the value the change
    ends at, told after the current one, is earlier too (previous)."""
    result = list(quantities)
    for index in range(2, len(result)):
        now, start, end = result[index - 2], result[index - 1], result[index]
        told, began, ended = readings[index - 2], readings[index - 1], readings[index]
        if now.role == "current" and start.role == "previous" and end.role == "current" \
                and now.unit == start.unit == end.unit \
                and _CURRENTLY.search(text, 0, told.start) \
                and _CHANGE_FROM.fullmatch(text, told.end, began.start) \
                and _CHANGE_TO.fullmatch(text, began.end, ended.start):
            result[index] = replace(end, role="previous")
    return result


# "from four to two months", "(from three to 12)": a change told from one value to the next;
# (the fourteenth round) "from 1 (6%) to 28 (9.5%)": each value with its share in brackets
_FROM_TO = re.compile(r"\s*(?:%|per cent|days|weeks|months|years)?\s*\)?\s+to\s+", re.I)
# "from 335", "from only 12": the earlier value of a change told right after
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:only\s+|just\s+)?$", re.I)
_IN_BRACKETS = re.compile(r"\s*\(\s*")
_SPAN_KEY = re.compile(r"last-|since-|this-year$")


def _change_spanned(text: str, readings: list[Reading], quantities: list[Quantity]
                    ) -> list[Quantity]:
    """(the ninth round) "The average wait has reduced from four to two months over the past
    18 months", "an increase in the last year (from three to 12)": a period told relative to
    the inspection in the sentence of a change from one value to the next is how long the
    change took, not the time of either value; both are left undated. (The fourteenth round)
    So are a value's share in brackets ("from 1 (6%) to 28 (9.5%) since April 2014"), and
    the comparators of a later sentence that took the period from it ("This is higher than
    comparators (2%)")."""
    result = list(quantities)
    spans = date_spans(text)
    printed = {span.key for span in spans}
    for index in range(1, len(quantities)):
        before, quantity = quantities[index - 1], quantities[index]
        key = quantity.ref_date
        first = index - 1
        if first >= 1 and quantities[first - 1].role == "previous" \
                and quantities[first - 1].ref_date == before.ref_date \
                and _IN_BRACKETS.fullmatch(text, readings[first - 1].end, readings[first].start):
            first -= 1  # "from 1 (6%)": the count and its share
        if before.role != "previous" or quantity.role != "current" or key not in printed \
                or not _SPAN_KEY.match(key or "") or before.ref_date not in (None, key) \
                or not _FROM_TO.fullmatch(text, readings[index - 1].end, readings[index].start) \
                or not _FROM_BEFORE.search(text[max(0, readings[first].start - 12):
                                                 readings[first].start]):
            continue
        last = index
        if index + 1 < len(quantities) and quantities[index + 1].role == "current" \
                and quantities[index + 1].ref_date == key \
                and _IN_BRACKETS.fullmatch(text, readings[index].end, readings[index + 1].start):
            last += 1  # "to 28 (9.5%)"
        for changed in range(first, last + 1):
            result[changed] = replace(result[changed], ref_date=None)
        told = [span.start for span in spans if span.key == key]
        for later in range(last + 1, len(quantities)):
            opening = text.rfind(". ", 0, readings[later].start)
            if quantities[later].role == "national" and quantities[later].ref_date == key \
                    and all(start < opening for start in told):
                result[later] = replace(result[later], ref_date=None)
    return result


# "well above statistical neighbours and England averages (52% and 49%, respectively)": the
# comparators' figures, in brackets after their names
# One value of a bracketed list and what joins it to the next ("(52% and 49%, respectively)"):
# the list's values before a reading, and the whole list up to "respectively".
_LISTED_VALUE = (r"[\d.,]+\s*(?:%|per cent|per 10,000(?: children)?|days|weeks|months)?\s*"
                 r"(?:,\s*|,?\s+and\s+)")
_LIST_OPENED = re.compile(rf"\(\s*(?:{_LISTED_VALUE})*", re.I)
_RESPECTIVELY = re.compile(rf"\s*(?:{_LISTED_VALUE}?)+,?\s*respectively\s*\)", re.I)
# "the national and comparable authority average rates for placing older children (8% and 5%
# respectively)": the figures named, then what they are of
_QUALIFIED = re.compile(rf"\b{_FIGURE}(\s+(?:for|of|in)\s+[^\d,;:()]{{1,60}})$", re.I)


def _measure_after_share(text: str, readings: list[Reading], index: int,
                         clause: tuple[tuple[int, int], int], prose: bool) -> str | None:
    """(the ninth round) "27 children (13%) left care with permanence secured through an
    SGO": the count's clause goes on after its share in brackets, so the count takes the
    measure those words name (the share keeps its own: a share of the children leaving care
    is no count of orders)."""
    (sentence, tail_to), count = clause, readings[index - 1]
    opened, closed = text.rfind("(", 0, readings[index].start), text.find(")", readings[index].end)
    if not prose or count.unit != "count" or opened < count.end or closed < 0 \
            or closed >= tail_to:  # (the area list's shares name their measures themselves)
        return None
    words = text[count.end:opened] + text[closed + 1:tail_to]
    return match_measure(f"{_BREAK.sub('', text[sentence[0]:count.start])}#{words}", count.unit,
                         text[:count.start], prose)


def _respectively(text: str, readings: list[Reading], quantities: list[Quantity]
                  ) -> list[Quantity]:
    result = list(quantities)
    for index, reading in enumerate(readings):
        opened = text.rfind("(", 0, reading.start)
        if opened < 0 or ")" in text[opened:reading.start] \
                or not _LIST_OPENED.fullmatch(text, opened, reading.start) \
                or not _RESPECTIVELY.match(text, opened + 1):
            continue
        before = text[:opened].rstrip()
        named = _QUALIFIED.search(before)  # (the ninth round) "... average rates for placing
        before = before[:named.start(1)] if named else before  # older children (8% and 5% ...)"
        if _NATIONAL_HERE.search(before) or _ELSEWHERE_END.search(before):
            result[index] = replace(result[index], role="national")
    return result


_DURATIONS = frozenset({"days", "weeks", "months", "years"})
# no noun after a number: "compared with 606 for similar authorities and 647 nationally"
_NO_NOUN = re.compile(r"\s*(?:[,.;)]|$|(?:for|in|among|across|nationally|and|which|with"
                      r"|respectively|compared|than)\b)", re.I)


def _compared_units(text: str, readings: list[Reading], quantities: list[Quantity]
                    ) -> list[Quantity]:
    """"Children take 541 days compared with 606 for similar authorities and 647
    nationally": a previous or national value printed without a unit, where no noun follows
    it, is in the unit of the duration told before it (not where a count follows that it is
    compared with: "more than 15 months has reduced from 10 in March 2015 to five")."""
    result = list(quantities)
    for index, quantity in enumerate(quantities):
        told = [q for q in quantities[:index] if q.role == "current"] or [
            # (the ninth round) "a statistical neighbour average of 211 days and an England
            # average of 217": listed after a figure of its own role, where none is current
            q for q in quantities[:index] if q.role == quantity.role]
        later = [q for q in quantities[index + 1:] if q.role == "current" and q.unit == "count"]
        if quantity.role == "current" or quantity.unit != "count" or not told or later \
                or told[-1].unit not in _DURATIONS \
                or not _NO_NOUN.match(text, readings[index].end):
            continue
        result[index] = replace(quantity, unit=told[-1].unit)
    return result


# "... live in Hounslow. (ONS mid-year estimates 2012.)", "... (Census 2011).": a source and
# its year in brackets closing a list item
_SOURCE_BEFORE = re.compile(r"\(\s*(?:[A-Za-z][\w'-]*\s+){1,6}$")
_SOURCE_AFTER = re.compile(r"\s*(?:data|figures|estimates)?\s*\.?\s*\)\W*$", re.I)


def _sourced(text: str, quantities: list[Quantity], spans: list[Span]) -> list[Quantity]:
    """An area item closed by its source and year in brackets ("(ONS mid-year estimates
    2012.)", "(Census 2011)") is of that year: its figures with no date of their own
    (told before, not previous values) take it."""
    last = spans[-1] if spans else None
    if last is None or not last.key or is_relative_key(last.key) \
            or not _SOURCE_AFTER.fullmatch(text, last.end) \
            or not (source := _SOURCE_BEFORE.search(text, 0, last.start)) \
            or _NOT_ONLY_A_DATE.search(source.group()):  # "(the same as in 2011-12)"
        return quantities
    return [replace(q, ref_date=last.key) if q.ref_date is None and q.role != "previous"
            else q for q in quantities]


def _national_dated(text: str, readings: list[Reading], quantities: list[Quantity],
                    spans: list[Span]) -> list[Quantity]:
    """"a rate of 14% in 2012-13 was above the national average of 11%", "28.9% (the
    national average is 18%)": a national figure with no date of its own, compared with a
    current value told before it, is of that value's time, unless a date is printed after
    it in its sentence ("statistical neighbours at 10% and England 11% for 2012-13")."""
    result = list(quantities)
    bounds = sentences(text)
    for index, quantity in enumerate(quantities):
        target = quantity.compares_to
        if quantity.role != "national" or quantity.ref_date is not None or target is None \
                or target > index:
            continue
        end = next((b[1] for b in bounds if b[0] <= readings[index].start < b[1]), len(text))
        if any(readings[index].end <= span.start < end for span in spans):
            continue
        result[index] = replace(quantity, ref_date=quantities[target].ref_date)
    return result


# "three fewer children than in 2014-15", "120 days longer than": a difference, dated by the
# value it is told with, not by the period it is measured against
_DIFFERENCE = re.compile(
    r"\s+(?:[\w'-]+\s+){0,2}?(?:fewer|more|less|higher|lower|longer|shorter|better|worse"
    r"|quicker|faster|slower)\b(?:\s+[\w'-]+){0,3}?\s+than\b", re.I)


def _difference_dated(quantity: Quantity, earlier: list[Quantity], readings: list[Reading],
                      sentence: tuple[int, int]) -> Quantity:
    """A difference without a date of its own takes the date of the last current value
    before it in its sentence ("Seven children were adopted in 2015-16, three fewer than
    in 2014-15")."""
    if quantity.ref_date is not None:
        return quantity
    told = [q for q, r in zip(earlier, readings, strict=True)
            if r.start >= sentence[0] and q.role == "current" and q.ref_date]
    return replace(quantity, ref_date=told[-1].ref_date) if told else quantity


# "in the first six months of 2014-15", "three months into the year 2016-17": a part of a
# period the keys cannot express, so it dates nothing (not the whole year, nor the months)
# ... and "in quarter one of 2015-16", "quarter 3 of 2014-15" (not "the end of quarter four
# 2013-14": a day)
_PART_OF_PERIOD = re.compile(
    r"\b(?:the\s+(?:first|last|final|second|third)\s+(?:[\w-]+\s+)?(?:days?|weeks?|months?"
    # (the twelfth round) also "in the first quarter in 2014-15"
    r"|quarters?|half|term)\s+(?:of|in)|[\w-]+\s+(?:days?|weeks?|months?)\s+into"
    r"|(?<!end of )quarter\s+(?:[1-4]|one|two|three|four)(?:\s+of|,)?)\s+(?:the\s+|this\s+)?"
    r"(?:(?:current|reporting|financial|academic|school|calendar)\s+)*(?:year\s+)?", re.I)


def _whole_periods(text: str, spans: list[Span]) -> list[Span]:
    """The date spans, those of a part of a period ("the first six months of 2014-15")
    and any relative phrase inside that part ("the last six months of") keyed "": they
    stand where a date is printed, but date nothing."""
    parts = [m.span() for m in _PART_OF_PERIOD.finditer(text)
             if any(s.start == m.end() or m.start() < s.start < m.end() < s.end for s in spans)]
    # (the ninth round) "in the first three months of this year": a period the part's
    # words run into
    return [replace(s, key="") if any(start <= s.start <= end for start, end in parts)
            or _FIGURES_FOR_A_PART.match(text, s.end) else s for s in spans]


# "funding until 2023 of two extra teams": when something ends, not when it is counted
_UNTIL_YEAR = re.compile(r"\b(?:until|till)\s+$", re.I)
# (the twelfth round) "the 2014-15 figures for the first five months of the year": figures
# of a part of the period
_FIGURES_FOR_A_PART = re.compile(r"\s+(?:figures?|data)\s+for\s+the\s+(?:first|last)\s+"
                                 r"(?:[\w-]+\s+)?(?:months?|weeks?|quarters?)\s+of\b", re.I)
_PRECEDING = re.compile(r"(?:the\s+)?(?:previous|preceding)\s", re.I)


def _before_another_date(text: str, span: Span, spans: list[Span],
                         bounds: list[tuple[int, int]], before: str | None = None) -> bool:
    """"75% in April to December 2015, from 66.7% during the previous year": "the previous
    year" is the year before the date its sentence prints (or the sentence before it:
    "Eleven children were adopted in 2015-16. In the previous year, 20 ..."), not the 12
    months before the inspection, and dates nothing."""
    if not span.key.startswith("last-") or not _PRECEDING.match(text, span.start):
        return False
    if before and not is_relative_key(before):
        return True
    sentence = next((b for b in bounds if b[0] <= span.start < b[1]), (0, len(text)))
    return any(not is_relative_key(other.key) and sentence[0] <= other.start < sentence[1]
               for other in spans)


# "this compares with 22 adoption orders in 2013 and 25 in 2014": earlier values listed, each
# with its own date
_DATED_AND = re.compile(rf"(?:\s+[a-z'-]+){{0,3}}\s+(?:in|at|for|during)\s+[\w/{DASH}]+"
                        r"(?:\s+\d{4})?\s*,?\s+and\s+", re.I)
_OWN_DATE = re.compile(r"\s+(?:in|at|for|during)\s+(?:[A-Za-z]+\s+)?(?:19|20)\d{2}\b", re.I)


def _listed_previous(before: Quantity, quantity: Quantity, gap: str, tail: str) -> bool:
    return before.role == "previous" and quantity.role == "current" \
        and before.unit == quantity.unit and bool(_DATED_AND.fullmatch(gap)) \
        and bool(_OWN_DATE.match(tail))


def _listed_national(before: Quantity, quantity: Quantity, gap: str) -> bool:
    return before.role == "national" and before.unit == quantity.unit \
        and bool(_LISTED.fullmatch(gap) or _LISTED_ELSEWHERE.fullmatch(gap))


# "statistical neighbours at 10% and England 11%": a second comparator named before its figure
_LISTED_ELSEWHERE = re.compile(rf"\s*,?\s+and\s+(?:the\s+)?{_ELSEWHERE}\s+", re.I)
_LISTED_FIGURE = re.compile(
    rf"\s*,?\s+and\s+(?:the\s+|an?\s+)?{_ELSEWHERE}\s+(?:[\w-]+\s+)?{_FIGURE}\s+of\s+", re.I)


def parts_dated(quantities: tuple[Quantity, ...], group: tuple[Quantity, ...],
                sentence: str = "") -> tuple[Quantity, ...]:
    """"In 2013-14, 13 children had a plan for adoption changed. One child returned to
    live with their family and 12 remained with their foster carers.": counts with no date
    of their own that add up to a dated count of the sentence before are its parts, of
    its date. A sentence opening with a count and its verb, no noun ("In 2014-15, 22
    households were approved. Twenty were approved under the new process, with 12 ..."),
    counts a part of the sentence before's dated group: its undated figures take its date."""
    opened = _BARE_COUNT.match(sentence)
    first = next((q for q in quantities if opened and q.start == opened.start(1)), None)
    if first and first.unit == "count" and first.role == "current" and not first.ref_date:
        dated = [q.ref_date for q in group if q.role == "current" and q.unit == "count"
                 and q.ref_date and first.value <= q.value]
        if dated:
            return tuple(replace(q, ref_date=dated[-1])
                         if q.role == "current" and not q.ref_date else q for q in quantities)
    told = _PART_OPENS.match(sentence)
    again = next((q for q in quantities if told and q.start == told.start(1)), None)
    if again and again.unit == "count" and not again.ref_date and any(
            q.role == "current" and q.unit == "count" and q.ref_date and q.value == again.value
            for q in group):
        # (the ninth round) "... from one in 2013-14 to eight in 2014-15. Four of the eight
        # foster-to-adopt carers have children placed": a part of the group told again
        date = next(q.ref_date for q in reversed(group) if q.role == "current"
                    and q.unit == "count" and q.ref_date and q.value == again.value)
        return tuple(replace(q, ref_date=date) if q.role == "current" and not q.ref_date
                     else q for q in quantities)
    parts = [q for q in quantities if q.role == "current" and q.unit == "count"]
    if len(parts) < 2 or any(q.ref_date for q in parts):
        return quantities
    whole = sum(q.value for q in parts)
    dated = [q.ref_date for q in group
             if q.role == "current" and q.unit == "count" and q.ref_date and q.value == whole]
    if not dated:
        return quantities
    return tuple(replace(q, ref_date=dated[-1]) if q in parts else q for q in quantities)


# "Twenty were approved under ...": a count with no noun, of the group the sentence before told
# "Four of the eight carers ...": a part of a group the sentence before counted, told again
_PART_OPENS = re.compile(rf"\W*(?:{NUMBER_WORD}|\d+)\s+(?:out\s+)?of\s+(?:the|these|those)\s+"
                         rf"({NUMBER_WORD}|[\d,]+)\b", re.I)
_BARE_COUNT = re.compile(rf"\W*({NUMBER_WORD}|\d+)\s+(?:were|are|was|is|had|have|has)\b", re.I)


_PERIOD_KEY = re.compile(r"((?:19|20)\d{2})(?:-(?:19|20)\d{2})?")


def earlier_values(group: tuple[Quantity, ...], group_sentence: str, quantities:
                   tuple[Quantity, ...], sentence: str, told_before: str = ""
                   ) -> tuple[Quantity, ...]:
    """(the ninth round) "The number ... has fallen. In 2010-11, 7% of looked after children
    had been cautioned. The figure for 2014-15 is 1%."; "In 2013-14, 123 enquiries resulted
    in 29 approvals. In 2014-15 the number of enquiries increased to 205, ...": after a
    sentence telling of a change (``told_before``), two sentences opening with a year or
    period each, the later telling the values of a later one in the same units, give that
    change: the earlier sentence's values (``group``) are the previous ones. Not where only
    the later sentence tells the change ("In 2014-15, matches included three sibling groups.
    In 2015-16, this figure increased to 10": a hand-read sample reads both current). Else
    ``group`` as it is."""
    def opening_year(text: str, told: tuple[Quantity, ...]) -> int | None:
        current = [q for q in told if q.role == "current"]
        spans = [s for s in date_spans(text) if _OPENS.fullmatch(text, 0, s.start)]
        if not current or not spans or len(current) != len(told) \
                or any(q.ref_date != spans[0].key for q in current):
            return None
        year = _PERIOD_KEY.fullmatch(spans[0].key)
        return int(year.group(1)) if year else None

    earlier, later = opening_year(group_sentence, group), opening_year(sentence, quantities)
    if earlier is None or later is None or earlier >= later \
            or {q.unit for q in group} != {q.unit for q in quantities} \
            or not _CHANGE.search(told_before):
        return group
    return tuple(replace(q, role="previous") for q in group)


def sentence_date(sentence: str, quantities: tuple[Quantity, ...], before: str | None
                  ) -> str | None:
    """The date a finding's sentence is about, for the sentence after it: its current
    values' date, else the last date it prints, else (where it refers back) the date
    of the sentence before. A sentence whose current values have no date ("... has
    deteriorated in the past year and the average is now at 637 days") is of none: "This
    is below ..." after it refers to those values, not to the period it names."""
    current = [q.ref_date for q in quantities if q.role == "current"]
    dated = [date for date in current if date]
    if dated:
        return dated[-1]
    if current:
        return None
    if quantities and _REFERS_BACK.search(sentence):
        return before  # (the twelfth round) "This is an increase from 25 in 2014-15": of the
        # group the sentence before dated, not of the earlier value's year
    spans = _whole_periods(sentence, date_spans(sentence))
    if spans:
        return spans[-1].key or None
    return before if _REFERS_BACK.search(sentence) else None


def _shared_dates(text: str, readings: list[Reading], quantities: list[Quantity]
                  ) -> list[Quantity]:
    result = list(quantities)
    for index in range(len(result) - 2, -1, -1):
        quantity, after = result[index], result[index + 1]
        gap = text[readings[index].end:readings[index + 1].start]
        if quantity.ref_date is None and after.ref_date and quantity.role == after.role \
                and (_COORDINATED.fullmatch(gap) or _PART_OF.fullmatch(gap)
                     or _OF_WHOM_AFTER.fullmatch(gap) and not _NOW_IN.search(text[:readings[
                         index].start].rsplit(".", 1)[-1])
                     and all(q.ref_date == after.ref_date for q in result[index + 2:])
                     or quantity.role == "current" and _ONE_CLAUSE.fullmatch(gap)):
            result[index] = replace(quantity, ref_date=after.ref_date)
    for index in range(1, len(result)):  # "53 in 2013-14, of whom 26 were adopted"
        quantity, group = result[index], result[index - 1]
        if quantity.ref_date is None and group.ref_date and group.role == "current" \
                and quantity.role == "current" and group.unit == "count" \
                and _OF_GROUP_BEFORE.fullmatch(text, readings[index - 1].end,
                                               readings[index].start):
            result[index] = replace(quantity, ref_date=group.ref_date)
    return result


# "A total of 130 practitioners attended seven roadshows in 2014": one clause, one event, of
# the date that closes it (not across a comparison, a change or a relative clause)
_ONE_CLAUSE = re.compile(
    r"\s+(?:(?!(?:than|compared|from|to|with|against|of|whom|which|who|that|while|whereas|but"
    r"|and|or|by|per|on|in|at|for|since|during|over|between|average|national|England)\b)"
    r"[a-z'-]+\s+){1,5}", re.I)
# "There are 23 care leavers, of whom 12 are ... (at the end of quarter four 2013-14)": the
# group and its part told with one date
# the words that tell a figure as of now, wherever a rule needs them
_NOW_WORDS = r"(?:currently|now|at present)"
_NOW_IN = re.compile(rf"\b{_NOW_WORDS}\b", re.I)
_OF_WHOM_AFTER = re.compile(r"\s+[a-z' -]{0,40}?,\s+of whom\s+", re.I)
# "... to 53 in 2013-2014, of whom 26 were adopted": a part of the count told just before,
# of its date
_OF_GROUP_BEFORE = re.compile(r"[^,;.()]*?,\s+(?:of|out of)\s+(?:whom|which|these|them)\s+"
                              rf"{_HEDGE}",
                              re.I)


# "This number had increased to 243", "The number at 31 March 2011 was zero": the subject
# is the number the sentence before counts (not "the number of ...", which names its own)
_THIS_NUMBER = re.compile(r"\W*(?:this|the) number\b(?!\s+of\b)[^;:]*$", re.I)


def _this_number(text: str, bounds: list[tuple[int, int]], quantities: list[Quantity]
                 ) -> list[Quantity]:
    """In the area list, a count whose sentence opens "This number" counts what the last
    count with a measure in the sentences before it counts."""
    result = list(quantities)
    for index, quantity in enumerate(result):
        if quantity.unit != "count" or quantity.measure is not None:
            continue
        start = next((b[0] for b in bounds if b[0] <= quantity.start < b[1]), 0)
        if not start or not _THIS_NUMBER.match(text, start, quantity.start) \
                or any(start <= q.start < quantity.start for q in result):
            continue  # the sentence's first number only
        named = [q for q in result[:index] if q.unit == "count" and q.measure
                 and q.start < start]
        if named:
            result[index] = replace(quantity, measure=named[-1].measure)
    return result


_CHANGE_IN_BRACKETS = re.compile(r"\(\s*an?\s+$")
_CHANGE_IN_BRACKETS_END = re.compile(
    r"\s*(?:%|per cent)?\s*(?:increase|rise|decrease|reduction|fall|drop)\s*\)", re.I)


def _rates(quantities: list[Quantity]) -> list[Quantity]:
    """"288 children ... on a child protection plan (a rate of 46 per 10,000 children)":
    a rate the words do not name is the rate of the last named count before it."""
    result = list(quantities)
    for index, rate in enumerate(result):
        if rate.unit != "rate-per-10000" or rate.measure is not None:
            continue
        counts = [q for q in result[:index] if q.unit == "count" and q.role == rate.role]
        named = [q for q in counts if q.measure]
        if named:
            result[index] = replace(rate, measure=named[-1].measure)
    return result


def _companion(text: str, before: Reading, reading: Reading, spans: list[Span]) -> bool:
    """"401 (65 per 10,000 children)", "168 (or 55%)": the same fact in another unit, also
    where the first one's date stands between ("190 as at 31 March 2016 (a rate of 52")."""
    gap = text[before.end:reading.start]
    for span in spans:
        if before.end <= span.start and span.end <= reading.start:
            gap = _DATE_BETWEEN.sub("", text[before.end:span.start]) + text[span.end:reading.start]
    return bool(_COMPANION.fullmatch(gap)) and before.unit != reading.unit


def _quantity(reading: Reading, heads: tuple[str, str], tail: str, lead: str, prose: bool
              ) -> Quantity:
    """``heads``: the words since the number before, and since the sentence's start."""
    head, sentence_head = heads
    clause_head = _BREAK.sub("", head)
    role = _role(clause_head, tail, sentence_head)
    if role == "current" and (
            reading.unit == "days" and _BARE_TARGET.search(clause_head)
            and not _OWN_TARGET.search(clause_head[-60:])
            or reading.unit in ("days", "weeks") and _THE_BEFORE.search(clause_head[-8:])
            and _THE_TARGET_AFTER.match(tail)
            or reading.unit in ("days", "weeks") and _AS_STATUTORY.match(tail)):
        role = "national"  # (the tenth round) "just over the target of 426 days"; (the
        # twelfth) "exceeding the 26 week target"; (the sixteenth) "as required by statutory
        # guidance"
    measure = match_measure(f"{clause_head}#{tail}", reading.unit, lead, prose)
    return Quantity(value=reading.value, unit=reading.unit, words=reading.words,
                    start=reading.start, role=role, measure=measure, base=reading.base)


# (the fourteenth round) "Fernley was one of only 36 authorities meeting its target": a count
# of England's authorities the authority is placed among, not a figure of its own
_ONE_OF = re.compile(r"\bone of (?:only |just )?$", re.I)
_AUTHORITIES_AFTER = re.compile(r"\s+(?:other\s+)?(?:local\s+)?(?:authorities|councils)\b", re.I)


def _role(head: str, tail: str, sentence_head: str) -> str:
    bracketed = sentence_head.rstrip().endswith("(") and sentence_head.rstrip()[:-1]
    if _ONE_OF.search(head) and _AUTHORITIES_AFTER.match(tail):
        return "national"
    if _THRESHOLD_AFTER.match(tail) or _TIMESCALE_OF.search(head) \
            or _NATIONAL_BEFORE.search(head) and _TARGET_AFTER.match(tail):
        # "within the 121 day threshold", "the expected timescale of 26 weeks", "the
        # national 26-week target"
        return "national"
    than_at = _THAN_ELSEWHERE_AT.search(sentence_head)
    if _AND_ELSEWHERE_AT.search(sentence_head[-80:]) or _FOR_ELSEWHERE_AT.search(
            sentence_head[-60:]) or than_at and re.search(r"\d", sentence_head[:than_at.start()]):
        return "national"  # "better than comparators, at 12%, and the England level, at 14%"
    if _FIGURE_OF.search(head) and _SET_BY.match(tail):
        return "national"  # "the target of 487 days set by the Department for Education"
    if _NATIONAL_HERE.search(head) and not _own_level(head, tail, sentence_head) \
            or (_COMPARED.search(head) and _NATIONAL_AFTER.search(tail)) \
            or (bracketed and _ALONE_IN_BRACKETS.match(tail) and bool(
                _NATIONAL_HERE.search(bracketed) or _ELSEWHERE_END.search(bracketed)
                or _ELSEWHERE_FOR_END.search(bracketed))) \
            or _NATIONALLY.match(tail) and not _RANKED.search(sentence_head) \
            or (_NATIONAL_COMMA_AT.search(sentence_head) and _EACH.match(tail)):
        # "the England average (83%)", "58% nationally", "the England average, at 16%"
        return "national"
    if _THE_BEFORE.search(head[-8:]) and _ELSEWHERE_FIGURE_AFTER.match(tail):
        return "national"  # (the thirteenth round) "the 38% average achieved by similar areas"
    if _THAN_ELSEWHERE_PAIR.search(sentence_head):
        return "national"  # (the twelfth round) "than for similar areas (6% as compared with 5%)"
    if _PREVIOUS_POSITION.search(head):
        return "previous"  # "From a previous position of no disrupted placements, ..."
    if _IN_PREVIOUS_YEAR.match(tail) and _THIS_YEAR.search(sentence_head):
        return "previous"  # (the eleventh round) "six in the year to date and nine in the
        # previous year": the same count, a year before
    if (_FROM.search(head) or _FROM_WHEN.search(sentence_head)) \
            and (_CHANGE.search(sentence_head) or _THAN.search(sentence_head)):
        return "previous"
    return "current"


_IN_PREVIOUS_YEAR = re.compile(r"(?:\s+[\w-]+){0,3}?\s+in\s+the\s+(?:previous|preceding)\s+year\b",
                               re.I)
_THIS_YEAR = re.compile(r"\b(?:year[- ]to[- ]date|this\s+year|the\s+current\s+year)\b", re.I)


# "is below statistical neighbours and national performance at 6.9%": the authority's own
# level, told against the others ("statistical neighbours at 44%" alone are theirs)
_AUTHORITY_AT = re.compile(
    r"\b(?:below|above|than|exceeds?|exceeding|in line with|outperform\w*)\s+(?:the\s+|both\s+)?"
    r"(?:[\w'\u2019-]+\s+){1,5}?at\s+(?:only |approximately |around |about |just |also )?$", re.I)


def _own_level(head: str, tail: str, sentence_head: str) -> bool:
    """"The number of exclusions is below statistical neighbours and national performance
    at 6.9%": the only figure of a sentence about the authority, told against the others,
    is its own; not where the sentence states another figure or opens on one told before
    ("81% ..., below statistical neighbours at 91%", "This is better than comparators at
    50%", "... at 17% and 38% respectively")."""
    return bool(_AUTHORITY_AT.search(head)) and not re.search(r"\d", sentence_head) \
        and not re.match(r"\W*(?:This|These|That|Those|It|Both)\b", sentence_head) \
        and not re.search(r"\d|\brespectively\b", tail)


# "74 days within the 121 day threshold": a threshold set for every authority
_FIGURE_OF = re.compile(rf"\b{_FIGURE}\s+of\s*$", re.I)
_SET_BY = re.compile(rf"\s*(?:set|required|expected) by (?:the )?{_ELSEWHERE}", re.I)
# (the sixteenth round) "within 15 working days of the strategy meeting, as required by
# statutory guidance": a time bound set for every authority
_AS_STATUTORY = re.compile(r"[^.;%\d]{0,60}?,?\s+as\s+"
                           r"(?:required|set out|expected)\s+(?:by|in)\s+(?:the\s+)?statutory"
                           r"\s+guidance\b", re.I)
_THRESHOLD_AFTER = re.compile(r"\s*(?:national\s+|government\s+)?(?:threshold|timescale)\b", re.I)
# "slightly above the expected timescale of 26 weeks": a timescale set for every authority
_TIMESCALE_OF = re.compile(r"\b(?:expected|required|statutory|national|government)\s+"
                           r"(?:[\w-]+\s+)?(?:timescales?|thresholds?)\s+(?:of|is|was)\s*$", re.I)


# (the tenth round) "just over the target of 426 days", "exceeds the threshold target of 121
# days": a time in days named only as the target or threshold is the one the government
# sets every authority (not "its own target of 20 days", "the local target of 300 days")
# ... (the sixteenth round) also "a target of 487 days"
_BARE_TARGET = re.compile(r"\b(?:the|a) (?:threshold |timeliness |scorecard )?"
                          r"(?:targets?|thresholds?)\s+of\s+(?:only |just )?$", re.I)
_OWN_TARGET = re.compile(r"\b(?:its|their|own|local|internal|council|authority|service)\b"
                         r"|['\u2019]s?\s+(?:[\w-]+\s+)?(?:targets?|thresholds?)\s", re.I)
# (the tenth round) "lower than the national average for care leavers (39%)": a comparator's
# figure named with what it is of, its value alone in brackets after
_ELSEWHERE_FOR_END = re.compile(
    rf"{_ELSEWHERE}\s+(?:[\w-]+\s+)?{_FIGURE}\s+(?:for|of|among)\s+(?:[\w'-]+\s+){{0,3}}"
    r"[\w'-]+\s*$", re.I)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_NATIONAL_BEFORE = re.compile(r"\b(?:national|government)\s+$", re.I)
_TARGET_AFTER = re.compile(r"\s*(?:target|threshold|timescale)\b", re.I)
# (the twelfth round) "exceeding the 26 week target", "within the 26-week timeframe" (not "a
# three-month timeframe")
_THE_TARGET_AFTER = re.compile(r"\s*(?:target|timeframe)\b", re.I)
# "..., and the England level, at 14%"; "data for statistical neighbours, at 9.7%": a
# comparator's figure told after a comma (not "below the national average, at 6.3%")
# (after another comparator's figure: not "in line with statistical neighbours and the
# national average, at 15%", the authority's own)
_AND_ELSEWHERE_AT = re.compile(
    rf"[\d%],\s+and (?:the )?{_ELSEWHERE}\s+(?:[\w-]+\s+)?{_FIGURE},\s+at\s+$", re.I)
_FOR_ELSEWHERE_AT = re.compile(rf"\b(?:for|of) {_ELSEWHERE},\s+at\s+$", re.I)
# "is low, at 6%, better than comparators, at 12%": after the authority's own figure
_THAN_ELSEWHERE_AT = re.compile(
    rf"\b(?:than|with) (?:the |both )?{_ELSEWHERE}(?:\s+{_FIGURE})?,\s+at\s+$", re.I)


# (the twelfth round) "more ... than for similar areas (6% as compared with 5%)": the pair
# in brackets gives the authority's figure and the comparator's
_THAN_ELSEWHERE_PAIR = re.compile(
    rf"\bthan\s+(?:for\s+|in\s+|the\s+|that of\s+|those of\s+)?"
    rf"(?:{_FIGURE}\s+(?:for|of|in)\s+)?{_ELSEWHERE}[^().;]*"
    r"\(\s*[\d.]+\s*(?:%|per cent)?\s*(?:as\s+)?(?:compared (?:with|to)|against)\s*$", re.I)
# (the thirteenth round) "a vast improvement on its previous three-year average of 524 days"
# (the thirteenth round) "worse than the 38% average achieved by similar local authorities",
# "the 41% rate for England": a comparator's figure named after its value
_ELSEWHERE_FIGURE_AFTER = re.compile(
    rf"\s*(?:[\w-]+\s+)?{_FIGURE}\s+(?:achieved\s+by|reported\s+by|for|of|in|among|across)\s+"
    rf"(?:the\s+|its\s+|their\s+)?(?:{_ELSEWHERE})\b", re.I)
_PREVIOUS_POSITION = re.compile(
    r"\b(?:from|on) (?:a|the|its|their) (?:previous|former|earlier) (?:[\w-]+ )?(?:position|level"
    r"|figure|rate|number|baseline|average|total) of\s*(?:only |just )?$", re.I)


def _as_companion(quantity: Quantity, before: Quantity) -> Quantity:
    return replace(quantity, role=before.role, measure=quantity.measure or before.measure)


def _dated(quantity: Quantity, text: str, place: tuple[Reading, int],
           where: tuple[tuple[int, int], list[tuple[int, int]]], spans: list[Span],
           listed: tuple[str | None, bool, str | None]) -> Quantity:
    """Previous values: the first date after them in their sentence. Others: a date in
    their own clause, else the date opening their sentence, else the one opening their
    item ("At 31 March 2018, 306 children ... Of this number: 168 ...") or the period
    the sentence before names where this one refers back to it ("For this period"), else
    their list's. Findings are prose: a date opening a paragraph dates its first sentence,
    not the rest."""
    reading, tail_to = place
    sentence, bounds = where
    lead_date, prose, before = listed
    inside = [s for s in spans if sentence[0] <= s.start < sentence[1]]
    after = [s for s in inside if s.start >= reading.end]
    within: list[Span] = []
    if quantity.role == "previous" and _PREVIOUS_POSITION.search(text, sentence[0], reading.start):
        # "From a previous position of no disruptions, there have been two since October
        # 2013": a starting point, of the date in its own clause only
        clause_end = _CLAUSE_END.search(text, reading.end, sentence[1])
        stop = clause_end.start() if clause_end else sentence[1]
        found = next((s.key for s in after if s.start < stop), None)
    elif pair := _paired_periods(text, inside, reading, quantity.role):
        found = pair
    elif quantity.role == "previous":
        earlier = [s for s in inside if s.end <= reading.start]
        own = [s for s in earlier if _NAMES_FIGURE.fullmatch(text, s.end, reading.start)]
        chosen = (own[-1] if own else after[0] if after else earlier[-1]
                  if earlier and _FROM_WHEN.search(text[sentence[0]:reading.start]) else None)
        # (the eighth round) "fell to 85%, from 89% in the previous year": the year before
        # the current figure's, not the 12 months before the inspection
        found = None if chosen is None or chosen.key.startswith("last-") \
            and _PRECEDING.match(text, chosen.start) else chosen.key
    else:
        # "declined to 220 days from the 2013-14 average of 213 days": the period names the
        # later figure, not this one
        after = [s for s in after if not _names_later_figure(text, s)]
        paired = _PAIRED.match(text, reading.end)
        clause_end = _CLAUSE_END.search(text, paired.end() if paired else reading.end, tail_to)
        stop = clause_end.start() if clause_end else tail_to
        difference = _DIFFERENCE.match(text, reading.end, stop)
        stop = difference.end() if difference else stop  # "three fewer than in 2014-15"
        within = [s for s in after if s.start < stop]
        bracket = _BRACKETED_DATE.match(text, reading.end)
        if bracket:  # "now (at 31 March 2013)": the date in brackets after the number
            within = [s for s in after if s.start == bracket.end()][:1] or within
        clause = (_clause_start(text, sentence, reading.start, inside), sentence[1])
        lead = [s for s in inside if clause[0] <= s.start and s.end <= reading.start
                and _is_lead(text, clause, s)] \
            or [s for s in inside if s.end <= reading.start and _is_lead(text, sentence, s)]
        if _TOLD_NOW.search(text, max(clause[0], reading.start - 40), reading.start) \
                or _NOW_AFTER.match(text, reading.end):
            # "has decreased in 2014 by 8 percentage points and is currently 86%": now, not
            # of the date another clause prints (a date opening the sentence still dates it)
            lead = [s for s in lead if _OPENS.fullmatch(text, sentence[0], s.start)]
        closing = _closing_bracket(text, (sentence[0], sentence[1], tail_to), reading, inside,
                                   quantity.role)
        if quantity.role == "national" or not lead:
            within = within or closing
        opening = [s for s in _opening(text, spans, bounds)
                   if s.start < bounds[0][1] and (sentence[0] < bounds[0][1] or _states_a_number(
                       text, bounds[0], spans)) or sentence[0] <= s.start < sentence[1]]
        back = _referred_back(text, sentence, bounds, spans) or (
            before if _REFERS_BACK.search(text, sentence[0], sentence[1])
            or _THIS_PERIOD.search(text, sentence[0], sentence[1])
            or _REST_OF_GROUP.search(text, max(sentence[0], reading.start - 20), reading.start)
            else None)
        named = [s for s in inside if s.end <= reading.start
                 and (_NAMED_BEFORE.fullmatch(text, s.end, reading.start)
                      or _FOR_DATE.search(text, max(0, s.start - 5), s.start)
                      and _FOR_DATE_VALUE.fullmatch(text, s.end, reading.start)
                      or _DATED_FIGURE.fullmatch(text, s.end, reading.start)
                      and _BEFORE_DATED_FIGURE.search(text, max(0, s.start - 12), s.start))]
        named += [s for s in inside if s.end <= reading.start
                  and _DATE_OF.fullmatch(text, s.end, reading.start)
                  and _FIGURE_AT.search(text, max(0, s.start - 40), s.start)]
        within = within or named[-1:]  # "the 2011 to 2014 three-year period (669 days)"
        found = (within[0].key if within else lead[0].key if lead else back if back
                 else None if quantity.role == "national"
                 else opening[0].key if opening and not prose
                 else lead_date)
    closing_period = [s for s in inside if s.key.startswith("last-")
                      and re.fullmatch(r"\W*", text[s.end:sentence[1]])
                      and not _PRECEDING.match(text, s.start)]
    if found is None and quantity.role == "current" and len(inside) == 1 and closing_period \
            and not _NOT_ONE_TIME.search(text, sentence[0], sentence[1]) \
            and not _CHANGE.search(text, sentence[0], sentence[1]) \
            and not _RELATIVE_CLAUSE.search(text, reading.end, closing_period[0].start) \
            and not re.fullmatch(r"\W*(?:out\s+)?of\s+", text[sentence[0]:reading.start], re.I):
        # (not the group opening it: "Of 287 children looked after, 32 went missing in ...")
        found = closing_period[0].key  # "..., with 20% of this group of 15 ..., in the past year."
    if not prose and not within and found is not None and _NOW.match(
            text, reading.end, tail_to) and (found.startswith(("last-", "since-")) or "/" in found
                                               or re.fullmatch(r"\d{4}-\d{4}", found)):
        found = None  # "In the last 12 months: ... 14 children are currently placed": not of it
    if _DEFINITION.match(text, sentence[0], sentence[1]) and not within:
        found = None  # "These are schools that look after children for 295 days or fewer"
    return replace(quantity, ref_date=found or None)  # "": a part of a period, no date


# (the fifteenth round) "improved between 2010-13 and 2012-14, from 288 to 286 days",
# "increased from 70 to 94 between 2012-13 and 2013-14": a change between two periods, the
# earlier value the first's, the later the second's
_PAIR_OPENS = re.compile(r"\bbetween\s+$", re.I)
_PAIR_TO = re.compile(r"\bto\s+$", re.I)


def _paired_periods(text: str, inside: list[Span], reading: Reading, role: str) -> str | None:
    """The period of a value of a change told "between" two periods, the sentence's only
    dates."""
    if len(inside) != 2 or role not in ("previous", "current"):
        return None
    first, second = inside
    if not (PERIOD.fullmatch(text, first.start, first.end)
            and PERIOD.fullmatch(text, second.start, second.end)
            and re.fullmatch(r"\s+and\s+", text[first.end:second.start])
            and _PAIR_OPENS.search(text, max(0, first.start - 10), first.start)):
        return None
    if role == "previous" and _FROM_BEFORE.search(text, max(0, reading.start - 20),
                                                  reading.start):
        return first.key
    if role == "current" and _PAIR_TO.search(text, max(0, reading.start - 6), reading.start):
        return second.key
    return None


# "for the 2011 to 2014 three-year period (669 days)": a number in brackets after its period
_NAMED_BEFORE = re.compile(r"(?:\s+[\w-]+){0,3}\s*\(\s*")
# "bringing the current total for 2014 to 44", "the figure for 2013-14 was 30%": a value
# told right after the period it is for
_FOR_DATE = re.compile(r"\bfor\s+$", re.I)
_FOR_DATE_VALUE = re.compile(r"\s+(?:was|is|were|are|stood at|stands at|to|of|at)\s+"
                             rf"{_HEDGE}", re.I)
# "the 2012-13 figure of 44%", "the 2014 rate was 12%": a figure named by its period
_DATED_FIGURE = re.compile(r"\s+(?:[\w-]+\s+)?(?:figure|rate|average|level|total|performance"
                           r"|target"
                           r"|proportion|percentage)"
                           rf"(?:\s+figures?)?(?:\s+for\s+(?:the\s+)?{_ELSEWHERE})?"  # the ninth
                           r"\s+(?:of|was|is|at|stood at)\s+"
                           rf"{_HEDGE}", re.I)
_BEFORE_DATED_FIGURE = re.compile(r"\b(?:the|its|their|published|latest|in)\s+$", re.I)
# (the eighth round) "the 2013-14 average of 213 days", "the 2012 - 2015 target of 121 days":
# a period naming the figure told right after it dates that figure alone
_NAMES_FIGURE = re.compile(r"\s+(?:[\w-]+\s+)?(?:figure|rate|average|level|target|threshold)"
                           # (the ninth round) "the 2013-14 average figures for similar
                           # councils of 82%"
                           rf"(?:\s+figures?)?(?:\s+for\s+(?:the\s+)?{_ELSEWHERE})?"
                           rf"\s+of\s+{_HEDGE}",
                           re.I)


# (the ninth round) "the England average at 31 March 2014 of 13%": the figure's date between
# its name and its value
_DATE_OF = re.compile(rf"\s+of\s+{_HEDGE}")
_FIGURE_AT = re.compile(rf"\b{_FIGURE}\s+(?:as\s+)?at\s+$", re.I)


def _names_later_figure(text: str, span: Span) -> bool:
    """A period printed as the name of a figure after it ("from the 2013-14 average of")."""
    named = _NAMES_FIGURE.match(text, span.end)
    return bool(named and NUMBER.match(text, named.end())
                and re.search(r"\bthe\s+$", text[max(0, span.start - 5):span.start], re.I))


# a sentence comparing times, or telling of now or what is to come, is not all of the period
# that closes it
_NOT_ONE_TIME = re.compile(r"\b(?:compared|than|improvement|increase|decrease|reduction|decline"
                           r"|rise|from|currently|now|next|current)\b", re.I)
_RELATIVE_CLAUSE = re.compile(r"\b(?:which|who|whom|whose)\b", re.I)
# "14 children are currently placed for adoption" under "In the last 12 months:"
_NOW = re.compile(
    rf"\s+(?:[\w-]+\s+){{0,3}}?(?:is|are|was|were|has|have)\s+{_NOW_WORDS}\b", re.I)
# "These are residential special schools that look after children for 295 days or fewer per
# year": a definition (a footnote's text a rendering joined to an item), of no date
# ... also after a list's lead-in a rendering joined to it ("In the last 12 months: These are")
_DEFINITION = re.compile(r"(?:[^.:]*:)?\W*These are [a-z' -]+ (?:that|which|who)\b")


def _referred_back(text: str, sentence: tuple[int, int], bounds: list[tuple[int, int]],
                   spans: list[Span]) -> str | None:
    """The last date of the sentence before, where this one says "this period"."""
    if not _BACK_REFERENCE.search(text, sentence[0], sentence[1]):
        return None
    earlier = [b for b in bounds if b[1] <= sentence[0]]
    if not earlier:
        return None
    before = [s for s in spans if earlier[-1][0] <= s.start < earlier[-1][1]]
    return before[-1].key if before else None


def _closing_bracket(text: str, sentence: tuple[int, int, int], reading: Reading,
                     inside: list[Span], role: str) -> list[Span]:
    """The date in the first brackets after a number that hold only a date ("(Census
    2011)", "(as at August 2013)", "(within the last 12 months)", "(2013-14 data)") dates
    it, where nothing between tells of another figure or time (another quantity, "than",
    "national", "previous year"); a national figure takes it across such words ("compared
    with 26% in the country as a whole (Census 2011)")."""
    for span in inside:
        opened = text.rfind("(", reading.end, span.start)
        close = text.find(")", span.end, sentence[1])
        if opened < 0 or close < 0 or ")" in text[opened:span.start]:
            continue
        if _NOT_ONLY_A_DATE.search(text[opened + 1:span.start] + " " + text[span.end:close]):
            return []
        between = text[reading.end:opened]
        if role != "national" and _ANOTHER_FIGURE.search(between) and (
                opened > sentence[2] or _ANOTHER_FIGURE.search(re.sub(r"\d", "", between))):
            return []  # (a number no quantity, an age or "72 hours", is no other figure)
        return [span]
    return []


def _states_a_number(text: str, sentence: tuple[int, int], spans: list[Span]) -> bool:
    """(the twelfth round) Whether a sentence states a number outside its dates: "In June
    2013, Ofsted carried out a focused inspection." does not, and its date dates only itself,
    not the item's sentences after it."""
    return any(not any(s.start <= m.start() < s.end for s in spans)
               for m in NUMBER.finditer(text, sentence[0], sentence[1]))


def _opening(text: str, spans: list[Span], bounds: list[tuple[int, int]]) -> list[Span]:
    """The date opening an item: at most three words into its sentence, before any number
    ("In June 2013, Ofsted ...", "At 31 March 2018, 306 children"), not "The chair has been
    in post since June 2013."; it dates the item's first sentence and its own (not "The
    2011 census identified 150 ethnicities. ... The percentage ... is 21.4%": undated)."""
    for span in spans:
        start = next((b[0] for b in bounds if b[0] <= span.start < b[1]), 0)
        if _OPENS.fullmatch(text, start, span.start) and not NUMBER.search(text, 0, span.start):
            return [span]
    return []


def _clause_start(text: str, sentence: tuple[int, int], at: int, spans: list[Span]) -> int:
    """Where the clause of a number at ``at`` starts: at the last "and" before it that opens
    a clause with a date ("77% and for 2015-16 so far is at 79%", "15 children were adopted,
    and within the past 12 months, nine"), else after the last semicolon before it in
    its sentence ("...; in February 2014, 41 children were waiting"), else after a clause
    of concession opening the sentence ("Although numbers decreased to 15 in 2015-16, at
    the time of the inspection, 20 children ..."), else the sentence's start."""
    opened = [m.start() for m in _AND_DATE.finditer(text, sentence[0], at)
              if any(re.fullmatch(r"(?:the\s+)?", text[m.end():s.start]) for s in spans
                     if s.start >= m.end())]
    if opened:
        return opened[-1]
    semicolon = text.rfind(";", sentence[0], at)
    if semicolon >= 0:
        return semicolon + 1
    concession = _CONCESSION.match(text, sentence[0], at)
    return concession.end() if concession else sentence[0]


_AND_DATE = re.compile(r"\band\s+(?:in|for|within|during|over|at|since|by|on)\s+", re.I)
_CONCESSION = re.compile(r"\W*(?:Although|Though|Even though|While|Whilst|Despite)\b[^,;]*,\s*")
_TOLD_NOW = re.compile(rf"\b{_NOW_WORDS}\s+(?:[\w-]+\s+){{0,2}}$", re.I)
_NOW_AFTER = re.compile(rf"\s*{_NOW_WORDS}\b", re.I)


# "Of the 31 children adopted in 2014-15, eight ...": a group and its date opening a sentence
_OF_GROUP = re.compile(r"\W*(?:[^\d,;]{1,20},\s*)?(?:out\s+)?of\s+[^,;()]*", re.I)


# "from one in 2013", "from three care leavers in 2013": an earlier value told in words and
# its date
_FROM_VALUE = re.compile(
    rf"\bfrom\s+(?:only\s+|just\s+)?(?:{NUMBER_WORD})(?:\s+[a-z'-]+){{0,3}}?\s+"
    r"(?:in|at|on|during|for)\s+$", re.I)


# "At Key Stage 2", "Year 11": a reference's number, which states no quantity
_REFERENCES = re.compile(r"\b(?:key stage|stage|year|level)\s+\d{1,2}\b", re.I)


# "This is more than in each of the previous three years and represents 19%": the time of
# what is compared with, no date of the sentence's figures
_THAN_WHEN = re.compile(
    r"\bthan\s+(?:in\s+|during\s+|for\s+)?(?:(?:each|any|all) of\s+)?(?:the\s+)?$", re.I)


def _is_lead(text: str, sentence: tuple[int, int], span: Span) -> bool:
    """A date opening its sentence ("At 31 March 2018, ...") dates the whole sentence, and
    so does the date of a group opening it ("Of 63 children who ceased to be looked after
    in the last six months, 14 ...": the members are counted over the group's time). Numbers
    of references before it ("At Key Stage 2 ... in 2013 was 46%") do not count."""
    if _THAN_WHEN.search(text, max(sentence[0], span.start - 30), span.start):
        return False  # (the eighth round) "more than in each of the previous three years"
    if not re.search(r"\d", _REFERENCES.sub("", text[sentence[0]:span.start])):
        # (a number that is no quantity does not count: "At Key Stage 2 ... in 2013 was 46%")
        # not "improved from one in 2013 to nine": the date of the earlier value
        return not _FROM_VALUE.search(text, sentence[0], span.start)
    # (the ninth round) also a date naming the group's source: "Of the 99 respondents to the
    # 2014 looked after children survey, less than one third (31%) ..."
    return bool(_OF_GROUP.fullmatch(text, sentence[0], span.start)
                and re.match(r"(?:\s+[a-z'\u2019-]+){0,4}\s*,", text[span.end:]))


def _compared(quantities: list[Quantity]) -> list[Quantity]:
    """Previous values and national averages: the measure and index of the current value
    they are compared with, where the text states that current value."""
    result = list(quantities)
    for index, quantity in enumerate(quantities):
        if quantity.role == "current":
            continue
        target = _counterpart(quantities, index)
        if target is None:
            continue
        current = quantities[target]
        result[index] = replace(quantity, compares_to=target,
                                measure=quantity.measure or current.measure)
    return result


def _counterpart(quantities: list[Quantity], index: int) -> int | None:
    unit = quantities[index].unit
    earlier = [i for i in range(index - 1, -1, -1) if quantities[i].role == "current"]
    later = [i for i in range(index + 1, len(quantities)) if quantities[i].role == "current"]
    for candidates in (earlier, later):
        same = [i for i in candidates if quantities[i].unit == unit]
        if same:
            return same[0]
    return None
