"""Numbers a sentence states as quantities, with their units.

A number is a quantity unless the words around it make it something else: part of a
date or period, an age ("aged 16", "18-year-olds"), a reference ("paragraph 12",
"Year 11", "section 47"), money, an ordinal, or "one" used as a pronoun ("one of").
Number words ("nine", "twenty-five") are read by ``number_parser``.
"""

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ...parsing.textutil import DASH
from .dates import Span, is_relative_key

_SMALL = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
          r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen")
_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_BELOW_100 = rf"(?:(?:{_TENS})(?:[- ](?:{_SMALL}))?|(?:{_SMALL}))"
_WORD = rf"{_BELOW_100}(?: hundred(?:(?: and)? {_BELOW_100})?)?"
NUMBER_WORD = _WORD  # "nine", "twenty-five", "one hundred and seventeen"
# "no serious case reviews", "of whom none live outside the area": zero, said in words
# A zero is evidence where "no" counts things a report counts (see docs/evidence.md); "no
# evidence", "no delay" and the like state no number.
_ZERO_NOUN = (r"children|child|young people|young person|serious|special guardianship|adoptions?"
              r"|care leavers?|privately|private|unaccompanied|houses?|complaints?|referrals?"
              r"|allegations?|families|placements?|disruptions?|adopters?|foster carers?"
              r"|notifications?|reviews?|cases?|episodes?|requests?|breakdowns?|incidents?"
              r"|instances?|orders?|applications?|investigations?|enquiries|exclusions?|vacanc(?:y|ies)")
# "no recent cases", "no tenancy breakdowns", "no reported placement disruptions": one or
# two words may stand between "no" and its noun in the plural ("no available placement" is
# no count), but not one that makes "no" an adverb ("no longer", "no more")
# (the words between modify the noun: not a preposition, a conjunction or a "wh" word, so
# "no delay in children being seen", "no evidence of children at risk" count nothing)
_ZERO_GAP = (r"(?:(?!(?:longer|more|less|other than|in|of|or|and|nor|for|to|from|with|on|at"
             r"|by|about|as|the|a|an|where|when|which|that|who|whose|matter|delays?|evidence)\b)"
             r"[a-z][a-z-]* ){0,2}")
# "three-day courses", not "six-month-old"; also "26- week", where a line broke
_HYPHENED = rf"\s?(?:day|week|month)\b(?![{DASH}]old)"
NUMBER = re.compile(
    rf"(?<![\w.,£$/:%{DASH}])"
    r"(?:(?P<digits>\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    # "56,2002 children": a note's mark printed against a number grouped by commas
    r"(?:(?<=,\d{3})\d(?=\s+[a-z]))?"
    rf"(?![\d/:]|[{DASH}](?!{_HYPHENED})|\.\d|,\d)"
    rf"|(?P<word>\b(?:{_WORD})\b)(?!\w|[{DASH}](?!{_HYPHENED}))"
    # "none of which", "none of the 11 children placed": zero of a group told
    rf"|(?P<zero>\bnone\b(?! of (?!(?:them|whom|which)\b|(?:the|these|those) (?:\d+ )?(?:[\w-]+ )?"
    rf"(?:{_ZERO_NOUN})\b))|\bzero\b(?! tolerance)"
    # (not "no case of a child suffering harm", "no instance where": an absence, told of one)
    # nor "in no cases were ...", "saw no cases in which", "few or no placements"
    # (the eleventh round) nor "almost (nearly, virtually) no adoption disruptions": vague
    r"|(?<!\bfew or )(?<!\balmost )(?<!\bnearly )(?<!\bvirtually )"
    r"\bno\b(?! (?:case|instance|incident|example|episode|occasion)s? "
    r"(?:of|where|in which|(?:were|was) (?:seen|found))\b)"
    r"(?!(?<=\bin no) (?:case|instance|example|occasion)s?\b)"
    rf"(?= (?:{_ZERO_NOUN}|{_ZERO_GAP}(?:{_ZERO_NOUN})(?:(?<=s)|(?<=children)|(?<=people)))"
    r"\b(?![\'\u2019](?!s\b)))"
    # (the twelfth round) not "having no one with parental responsibility": no one in a
    # child's life, an absence told of a person, not a count
    r"|(?<!\bhave )(?<!\bhas )(?<!\bhad )(?<!\bhaving )\bno[- ]one\b"
    # (the eighth round) "Two live with parents, and neither live out of the area": none of a pair
    r"|(?<=\band )neither\b(?= (?:live|lives|lived|is|are|was|were)\b(?! (?:there|it)\b))"
    # "there have been no reversals of plans": no events of a kind over a period
    # (the ninth round) "There have not been any permanent exclusions", as "there have been no"
    r"|(?:(?<=there have been )no|(?<=there have not been )any|(?<=there has not been )any)\b"
    r"(?= (?:(?!(?:longer|more|less)\b)[a-z-]+ )?[a-z-]+s\b(?![\'\u2019]))"
    r"))",
    re.I,
)
_UNIT = re.compile(
    r"(?P<percent>\s?%+|\s?per ?cent\b|\s?percentage points?\b)"
    r"|(?P<rate>\.? per 10,?000\b(?: children(?: and young people)?)?)"
    # (the sixteenth round) "three and a half years": 3.5 years
    r"|\s(?P<half>and a half )?(?:or (?:more|longer|over) )?"
    r"(?:working |calendar |school |consecutive )?"
    r"(?P<duration>days?|weeks?|months?|years?)\b"
    rf"|[{DASH}]\s?(?P<hyphened>day|week|month)\b(?![{DASH}]old)",
    re.I,
)
_REFERENCE_BEFORE = re.compile(
    r"(?:\bparagraphs?|\brecommendations?|\bsections?|\b(?-i:Years?)|\bkey stages?|\bstages?"
    r"|\blevels?|\btiers?|\bphases?|\bpages?|\bsteps?|\barticles?|\bregulations?"
    r"|\bstandards?|\bchapters?|\bparts?|\bschedules?|\bno\.|\b(?-i:Number)|\bappendix|\bannex"
    r"|\baged?(?: (?:under|over|between|from))?|\bages(?: of)?|\bage of|\bpriority|\bpoint"
    r"|\bwave|\bcohort|\bgroup|\bband|\bquarter|\bgrade|£|\$|\b(?-i:Act)|\bbirth to"
    r"|\b(?:become|becomes|became|turn|turns|turned|turning|reach|reaches|reaching"
    r"|until they are))\s*\(?$"
    # (the eighth round) "aged eight to 12": the range's first age in words too
    rf"|\b(?:aged?|ages)(?: of| between| from)? (?:\d{{1,2}}|{_BELOW_100})"
    rf"\s*(?:and|to|or|[{DASH}])\s*$"
    r"|\b(?:paragraphs?|recommendations?|sections?|(?-i:Years?)|key stages?|stages?|levels?|tiers?"
    rf"|phases?|pages?) (?:\d+|{_BELOW_100}),? (?:and|or|to|-)\s*$",
    re.I,
)
_AGE_AFTER = re.compile(
    rf"^(?:\s*(?:and|to|or|[{DASH}])\s*\d{{1,2}})?[- ]?(?:years?|months?|weeks?|days?)[- ]"
    r"(?:olds?|of age)\b|^\+"
    r"|^\s(?:months?|years?|weeks?) (?:to|ending|up to)\s+(?:and including\s+)?(?:the end of\s+)?"
    r"(?:\d|(?-i:[A-Z])|(?:the |this )?inspection\b)"
    # "the 12 months to 31 March", not "seven to eight months to match children"
    r"|^\s(?:thirds?|quarters?|fifths?|halves|tenths?)\b|^(?:st|nd|rd|th)\b"
    r"|^\s?(?:million|billion|bn|m|k)\b"
    # (the twelfth round) "between five and eight hours": the range's first number too
    rf"|^(?:\s+(?:and|to|or)\s+(?:\d+|{_BELOW_100})|\s*[{DASH}]\s*\d+)?"
    r"(?:\s?(?:am|pm|hours?|minutes?)\b|\s?(?:miles?|km|kilometres?|metres?)\b)"  # a distance
    r"|^\s(?:days?|weeks?|months?|years?) ago\b"  # a time, told relative to now
    r"|^\s(?:days?|weeks?|months?) into\b"  # "three months into the year": a point in time
    rf"|^[\s{DASH}](?:stage|tier|step|phase|point|part|fold|star|bed|storey)\b"  # "two stage"
    # (the twelfth round) "a three year transformation programme": a plan's span, as
    # "three-year" is
    # (the thirteenth round) and a length naming a provision or a period: "a series of
    # six-week workshops", "a three-day session", "the 45-day assessment period"
    rf"|^[\s{DASH}](?:day|week|month|year)[\s{DASH}]+(?:[\w-]+\s+)?(?:programmes?|plans?"
    r"|strateg(?:y|ies)|projects?|pilots?|contracts?|workshops?|sessions?|period)\b"
    # (the twelfth round) "achieve one grade lower than expected": a difference of grades
    r"|^\s(?:grades?|levels?)\s+(?:lower|higher|above|below|better|worse|less|more)\b",
    re.I,
)
# (the fifteenth round) "five good GCSEs", "5 GCSE grades A*-C", "5 A*-C GCSEs", "five
# good passes at GCSE": the qualification level an attainment indicator names, no count
# of anything the report measures (the convention every two-reader sample reads)
_QUALIFICATION = re.compile(
    rf"^\s+(?:good\s+)?(?:A\*?\s?(?:[{DASH}]|to)\s?C\s+)?(?:GCSEs|GCSE\s+(?:grades|passes)|passes\s+(?:at|in)\s+GCSE)\b")
# "from 200 at 31 March" (a year lost to a page's foot): a day of a month, no count
_DAY_OF_MONTH = re.compile(r"^\s(?:January|February|March|April|May|June|July|August|September"
                           r"|October|November|December)\b")
# "the current year 11 pupils": a school year, where "Year" is not capitalised
_SCHOOL_YEAR = re.compile(r"\byear\s+$")
_PUPILS = re.compile(r"^\s+(?:pupils?|students?)\b", re.I)
# (the eighth round) "one quarter of year 11 looked after children", "by the end of year 6":
# a school year after "of"
# (the twelfth round) also after "in", and the years of a list: "in years 12, 13 and 14",
# "(65% in year 12, 55% in year 13)"
_OF_YEAR = re.compile(r"\b(?:of|in)\s+years?\s+(?:\d{1,2}\s*(?:,|and|or|to)\s*)*$")
# "over the next 12 months", "in the coming year": a time to come, no quantity
_TO_COME = re.compile(r"\b(?:the\s+)?(?:next|coming|forthcoming)\s+$", re.I)
# "for the last three academic years": a span of school years, no quantity
_LAST_BEFORE = re.compile(r"\b(?:last|past|previous)\s+$", re.I)
_SCHOOL_YEARS = re.compile(r"^\s+(?:academic|school|financial)\s+years\b", re.I)
# "leave care at 18", "advisers at 16 have", "reviewed at six months": an age or a point
# in time, where "at" follows no word of a level ("remains low at 16", "stood at 18 days")
_AT_POINT = re.compile(r"(?:^|(?<=\W))([\w%]*)\s+at\s+$")
_LEVEL = frozenset("stood stands stand standing remains remain remained remaining low high lower "
                   "higher stable steady peaked is was are were be been being level rate figure "
                   "average total now currently poor good strong weak quick quicker slow slower "
                   "better worse authorities neighbours neighbour comparators areas".split())


def _at_a_point(before: str) -> bool:
    """"at" opening a point in time or an age, not a level ("stood at 18")."""
    match = _AT_POINT.search(before[-30:])
    if match is None:
        return False
    word = match.group(1)
    if not word and re.search(r",\s+at\s+$", before[-30:]) and not _ASIDE_AGE.search(before[-60:]):
        return False  # "from 2012 to 2015, at 635 days, was": a level told in an aside
    return not (word.lower() in _LEVEL or word[-1:].isdigit() or word.endswith("%"))


_ASIDE_AGE = re.compile(r"\b(?:leav\w*|left|ages?|aged|born|young|late|older|turn\w*)"
                        r"\b[^.;]*,\s+at\s+$", re.I)


_UNTIL = re.compile(r"\b(?:until|till|beyond|up to)[- ]$", re.I)
# "the 18 to 25 service", "the 16 to 18 cohort": a range of ages naming a group or a team
AGE_RANGE = re.compile(
    rf"\b(?:1[0-9]|2[0-5]|[0-9])\s*(?:to|[{DASH}]|and)\s*(?:1[0-9]|2[0-5])"
    r"(?:\s*years?(?:[\s-]+[a-z]+){0,3}?)?"  # "the 0 to 17 years minority ethnic group"
    r"['\u2019\u201d]?[\s-]+"  # (the ninth round) "the '0 to 25 years' service"
    r"(?:age\b|service|team|cohort|provision|group|year[- ]?olds?|olds?)"
    # "the transition part of the service (16 to 18 years)": ages alone in brackets
    rf"|\(\s*(?:1[0-9]|[0-9])\s*(?:to|[{DASH}])\s*(?:1[6-9]|2[0-5])\s*years?\s*\)", re.I)
# "One young person described ...", "In one case", "As one carer said": one person or
# instance told as an example, not a count of anything
_NOT_A_VERB = r"(?!(?:was|were|is|are|has|have|had|been|being|and|or)\b)"
_ANECDOTE = re.compile(
    rf"^\s+(?:{_NOT_A_VERB}[\w-]+\s+){{0,4}}?(?:{_NOT_A_VERB}[\w-]+,[^,.;]{{1,60}},\s+"
    r"|(?:who|whom|that)\s+[^,.;]{1,60}?\s+)?"  # "One young person who had been bullied felt"
    r"(?:said|says|told|tells|describ\w*|explain\w*|comment\w*|spoke|speaks|reported|stated"
    r"|felt|feels|talk(?:s|ed)|wr[io]tes?|shared|expressed|reflected|put it)\b", re.I)
# "One area for improvement", "three key priorities", "two strengths": items of a plan or
# of a judgement, not anything the report measures
_PLAN_ITEM = re.compile(
    r"^[\s-]+(?:(?!(?:areas?|of|and|or|for|the)\b)[a-z-]+\s+){0,2}"
    r"(?:areas?\s+(?:for|of)\s+(?:improvement|development)|priorit(?:y|ies)|strengths?"
    r"|weaknesses?|aspects?|themes?|exceptions?)\b", re.I)
# (the sixteenth round) a sentence telling an example: its "one" is the example's person
_IN_AN_EXAMPLE = re.compile(r"^\s*(?:for example|for instance)\b|\bexamples?\b"
                            r"|\bin the case of\s+$", re.I)
# ... but not "only one apprenticeship" nor "three have moved ..., one has moved": counts
_ONLY_ONE = re.compile(r"\b(?:only|just)\s+$", re.I)
_ONE_COUNTED = re.compile(r"\s+(?:has|have|had|is|was|were|are)\b", re.I)
_ADVERB_OPENING = re.compile(r"\s*(?:however|also|in addition|similarly|by contrast"
                             r"|in contrast),\s*", re.I)
_EXAMPLE = re.compile(r"^\s+(?:case|example|instance|occasion|situation|such)\b", re.I)
_OPENING = re.compile(  # the words opening a sentence
    r"\s*(?:(?:for example|for instance|as an example),\s*)?(?:(?:for|as|in|on)\s+)?", re.I)
# "of 64 Care Leavers": a number after a word that needs one is no footnote's mark
_NEEDS_NUMBER = re.compile(
    r"\b(?:of|the|to|with|than|from|for|and|or|are|were|is|was|has|have|had|by|about|around"
    r"|approximately|at|in|these|those|total)\s$", re.I)
# "compared with only one in the same age group": the value compared with, a count
_COMPARED_ONE = re.compile(
    r"\b(?:compared (?:with|to)|than|down to|up to|from)\s+(?:only\s+|just\s+)?$", re.I)
_ONE_OF_A_KIND = re.compile(
    rf"\s+(?:of|another|in\s+(?:which|whom|\d{1,3}\b|(?:{_BELOW_100})\b))", re.I)  # "one in five",
# not "from one in 2013": a year
_PRONOUN_BEFORE = re.compile(r"\b(?:no|any|the|this|that|each|every|which|such|like)\s+$", re.I)
# "not all children who could benefit from a visitor have one and": "one" standing for a noun
_HAVE_ONE = re.compile(r"\b(?:have|has|had|want|wants|wanted|need|needs|get|gets|got|receive"
                       r"|receives|received|complete|completes|completed|commission|commissions"
                       r"|commissioned)\s+$", re.I)
_ENDS_PHRASE = re.compile(r"\s*(?:[.,;:)]|$|(?:and|but|or|are|is|was|were|with|even)\b)", re.I)
# "from one meeting to the next", "one example of": going on from one to another, an example
_ONE_TO_ANOTHER = re.compile(r"^\s+(?:[\w-]+\s+){1,2}to\s+(?:another|the next|the other)\b", re.I)
_ONE_EXAMPLE = re.compile(r"^\s+example\b", re.I)
# (the eleventh round) "did not have an up-to-date one until recently": "one" after an
# article and its adjectives stands for a noun; "achieved at least one qualification": a
# lower bound telling which children, not how many
_ARTICLE_ONE = re.compile(r"\ban?\s+(?:(?!(?:of|total|number|maximum|minimum|with|in|to|for|at"
                          r"|on|from|by)\b)[\w-]+\s+){1,3}$", re.I)
_ARTICLE_ONE_END = re.compile(r"\s*(?:[.,;:)]|$|(?:until|but|is|was|with|for|in|that|which)\b)",
                              re.I)
_AT_LEAST = re.compile(r"\bat\s+least\s+$", re.I)
# (the eleventh round) "one in 10 care leavers": a proportion, and the 10 no count
_ONE_IN = re.compile(r"\b(?:one|1)\s+in\s+$", re.I)
# (the eleventh round) "to support one of the two young people in custody": one person of a
# group counted, a count (not "one of the two hubs": a designation of a thing)
_ONE_OF_PEOPLE = re.compile(
    rf"^\s+of\s+the\s+(?:\d+|{_WORD})\s+(?:[\w-]+\s+)?(?:children|young people|care leavers"
    r"|adopters|families|carers|people)\b(?!['\u2019])", re.I)
_PRONOUN_AFTER = re.compile(
    rf"^\s+(?:of(?!\s+(?:these|those)\s+(?:\d+|{_WORD})\b)|another"
    # (the ninth round) not "one or two cycles of support": a range of counts
    rf"|or(?!\s+(?:\d+|{_WORD})\s+[a-z])|to|and|in|at|for|who|which|that|off|point|time|stage|way"
    r"|hand|side|place|day|voice)\b", re.I)
_FOOTNOTE = re.compile(r"[a-z,;]\s$")
# "live in residential special schools 4, of whom ...": a mark after a plural noun that
# ends its phrase (a count stands before its noun)
_MARK_AFTER_NOUN = re.compile(
    r"\b(?!(?:remains|stands|equals|totals|shows|numbers|across|towards|versus|less|plus)\b)"
    r"[a-z]{4,}s\s$")
_MARK_END = re.compile(r"^\s*(?:,|which\b|who\b|that\b|of whom\b)")
# (the ninth round) "live in residential special schools, 3 all of whom live out": no count
# is told "N all of whom"
_MARK_BEFORE_ALL = re.compile(r"^\s*(?:all|none|both)\s+of\s+(?:whom|which|them)\b")
# (the ninth round) "two live with parents, one of whom lives out of the area": one of a group
# told, a count (not "one of whom is leading on ... and another on ...": a designation; nor
# "some poor decisions, one of which had left ...": one of things the report does not count)
_ONE_OF_WHOM = re.compile(r"^\s+of\s+whom\b(?![^.;]{0,100}\b(?:another|the others?)\b)",
                          re.I)
# "a residential special school, 3 which is out of the area": a mark, as a count of more
# than one is not told with a singular verb
_AFTER_A_WORD = re.compile(r"[a-z]{3,}[,;]?\s$")
_SINGULAR_AFTER = re.compile(r"^\s*(?:which|who|that)\s+(?:is|was|has)\b")
_FOOTNOTE_AFTER = re.compile(r"\s(?!(?:January|February|March|April|May|June|July|August"
                             r"|September|October|November|December)\b)[A-Z][a-z]")
# "1 The areas for improvement have been cross-referenced ...": a note's mark
_FOOTNOTE_OPENS = re.compile(r"\s+(?:The|This|These|Those|A|An|It|Its|In|Our|See)\s")
# "17 adopters at stage one and 5 at stage two": a count of its own stage, not "stages 1 and 5"
_OWN_STAGE = re.compile(r"\s+(?:at|in|on)\s+(?:the\s+)?(?:stages?|levels?|tiers?|phases?|steps?)\b",
                        re.I)
# "when care leavers over 21 contact the service": people of an age
# ... also a second age coordinated ("children under five and over five": the ninth round)
_PEOPLE_OVER = re.compile(r"\b(?:care leavers|young people|young adults|children|adults|those)\s+"
                          r"(?:aged\s+)?(?:(?:over|under)\s+[\w-]+\s+(?:and|or)\s+)?"
                          r"(?:over|under)\s+$", re.I)
# a capitalised word after a comma or a lowercase word, not a month or a word that wants a number
_NAME_NUMBER = re.compile(
    r"(?:,|\b[a-z]+)\s(?!(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Year|Level|Stage|Key|Quarter|Tier|Phase|Grade)\b)[A-Z][a-z]+\s$")
# "has not had an appraisal for two years": the length of a time up to now in which
# something has not happened, told in its clause (a count of nothing over a period)
_FOR_LENGTH = re.compile(r"\bfor\s+(?:over\s+|more than\s+|almost\s+|nearly\s+)?$", re.I)
_NOT_HAPPENED = re.compile(r"\b(?:has|have|had)(?:\s+not\b|n['\u2019]t\b|\s+been\s+no\b"
                           r"|\s+never\b)[^.;:]*$", re.I)
_AND_OVER = re.compile(r"\s*(?:and|or)\s+(?:over|above|upwards|older)\b", re.I)
_FOR_OVER = re.compile(r"\bfor\s+(?:over|under|below|above)\s*$", re.I)  # a duration
# (the sixteenth round) "an average of over five years": a duration
_WAITED_OVER = re.compile(r"\b(?:waited|waiting|wait|waits|was|took|taken|lasted|average of)"
                          r"\s+over\s*$",
                          re.I)
_AGE_END = re.compile(r"s?\s*(?:[.,;)]|$|(?:and|or|who|which|that|have|has|had|are|were|is|was"
                      r"|in|living|to|from|with|into|under|but|they|you|he|she|we)\b)")
# "by the time they are eighteen", "when they are 18 and 21", "when you are under 18": a
# person's age told with "to be" (or "turn", "reach") after a pronoun
_BE_AGED = re.compile(
    # (the twelfth round) also after a noun of people: "until young people are 17"
    r"\b(?:they|you|he|she|we|I|who|young (?:people|person)|children|child|care leavers?)"
    r"\s+(?:are|were|is|was|turn|turned|reach|reached|become|became)"
    r"\s+(?:aged\s+|under\s+|over\s+|nearly\s+|almost\s+)?"
    rf"(?:(?:\d{{1,2}}|{_BELOW_100})\s*(?:,|and|or|to)\s+)?$", re.I)
_IN_A_NAME = re.compile(r"(?:[\w,;)]\s*|['\"\u2018\u201c])$")  # capitalised mid-sentence
_UNDER_OVER = re.compile(r"\b(?:under|over|below|above)\s*$", re.I)
_ONE_TO = re.compile(r"\bone[- ]to[- ]$", re.I)  # "one to one": an idiom, not a count
_NAME_AFTER = re.compile(r"^\s+[A-Z][a-z]")  # "One Adoption North": a name
# "operates two homes. One was judged good and the other ...": one of a pair, a pronoun
# ... also "One was judged outstanding. The other was judged good." (the eleventh round)
_ONE_THE_OTHER = re.compile(
    r"^[^.;:]{0,80}?(?:\b(?:and|while|whereas|but)\s+|\.\s+)the others?\b", re.I)
# (the twelfth round) "improved, one to outstanding and nine to good": counts shared out
_ONE_TO_AND = re.compile(rf"^\s+to\s+[\w-]+\s*(?:,|and)\s+(?:\d+|{_WORD})\s+to\b", re.I)
# "three children from one family": the same family, not a count of families
_FROM_ONE = re.compile(r"\b(?:from|within)\s+$", re.I)
_ONE_FAMILY = re.compile(r"^\s+(?:family|household|sibling group)\b", re.I)
# (the thirteenth round) "(42 against 41 per 10,000)": a pair compared, the unit printed once
_AGAINST = re.compile(r"\s+(?:against|versus|vs\.?|as\s+against)\s+", re.I)
_LISTED = re.compile(r",\s*|\s+(?:and|or|to)\s+")  # "six, 12 and 18 months"
_AT_BEFORE = re.compile(r"\bat\s+$", re.I)  # "reviewed at six months": a point
_CONDITION = re.compile(r"\b(?:if|unless|whether|in case|in the event that)\b[^,;:.()]*$", re.I)
_AGED_BEFORE = re.compile(r"\baged?\s+$", re.I)
_DURATION_AND = r"(?:[\w-]+\s+(?:years?|months?)\s+(?:and|to)\s+)"
_AGE_SPAN = re.compile(
    rf"\b(?:ages?\s+of|aged?)\s+{_DURATION_AND}{{1,3}}$"
    rf"|\bages?\s+(?:of\s+(?:[a-z]+\s+){{0,5}}?)?(?:ranged|ranging|range)\s+(?:from\s+)?"
    rf"{_DURATION_AND}?$", re.I)
# (the twelfth round) "more than 3 moves in 12 months": the window of a count, no length
_WINDOW = re.compile(rf"(?:\b\d+|\b(?:{_BELOW_100}))\s+(?:[a-z-]+\s+)?[a-z]+s\s+in\s+$", re.I)
_EVERY = re.compile(rf"\bevery\s+(?:\w+\s*(?:to|or|[{DASH}])\s*)?$", re.I)
_EVERY_RANGE = re.compile(rf"\s*(?:to|or|[{DASH}])\s*\w+\s+(?:days?|weeks?|months?|years?)\b",
                          re.I)


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
    ages = [m.span() for m in AGE_RANGE.finditer(text)]
    for match in NUMBER.finditer(text):
        if any(span.start <= match.start() < span.end for span in dates) \
                or any(start <= match.start() < end for start, end in ages):
            continue
        if found and match.start() < found[-1].end:
            continue  # the "10,000" of "per 10,000 children"
        reading = _reading(text, match)
        if reading is not None:
            found.append(reading)
    found = sorted(found + _percent_ranges(text, dates, found), key=lambda r: r.start)
    found = [r for r in found if not _is_period_length(text, r, dates)]
    found = [replace(r, unit=after.unit, base=after.base)
             if r.unit == "count" and after.unit in ("percent", "rate-per-10000")
             and _AGAINST.fullmatch(text, r.end, after.start) else r
             for r, after in zip(found, found[1:] + found[-1:], strict=True)]
    return [r for group in _lists(text, found) for r in _list_readings(text, group)]


# (the sixteenth round) "between 20-25%": a range of percentages, both ends read
PERCENT_RANGE = re.compile(
    rf"(?<![\w.,£$/:%{DASH}])(\d{{1,2}}(?:\.\d+)?)\s?[{DASH}]\s?(\d{{1,2}}(?:\.\d+)?)\s?%")


def _percent_ranges(text: str, dates: list[Span], found: list[Reading]) -> list[Reading]:
    """Both ends of a range of percentages ("20-25%"), which ``NUMBER`` leaves."""
    taken = [(span.start, span.end) for span in dates] + [(r.start, r.end) for r in found]
    readings = []
    for match in PERCENT_RANGE.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in taken) \
                or re.search(r"\((?:between\s+)?$", text[max(0, match.start() - 9):match.start()]):
            continue  # "statistical neighbours (between 20-24%)": whose, the rules do not tell
        low, high = float(match.group(1)), float(match.group(2))
        if low >= high:
            continue
        readings.append(Reading(match.start(1), match.end(1), low, "percent",
                                match.group(1), None))
        readings.append(Reading(match.start(2), match.end(), high, "percent",
                                text[match.start(2):match.end()], None))
    return readings


_LENGTH_BEFORE = re.compile(r"\b(?:the|a)\s+(?:(?:first|last|past|final|latest)\s+)?$", re.I)


def _is_period_length(text: str, reading: Reading, dates: list[Span]) -> bool:
    """"the three years 2013-16", "the first nine months of 2015-16": the length of a
    period printed next to it, not a quantity ("675 days (31 March 2013)" is one)."""
    if reading.unit not in ("days", "weeks", "months", "years") \
            or not _LENGTH_BEFORE.search(text[max(0, reading.start - 20):reading.start]):
        return False
    gap = re.match(r"\s*(?:period\s+|spell\s+)?\(?(?:of (?:the |this )?(?:(?:current|reporting"
                   r"|financial|academic|school|calendar) )*(?:year )?|from |between )?",
                   text[reading.end:])  # "the first 10 weeks of this reporting year 2014-15"
    start = reading.end + (gap.end() if gap else 0)
    part_of = bool(gap and gap.group().lstrip().startswith("of "))
    if re.search(r"\b(?:first|last|final)\s+$", text[max(0, reading.start - 8):reading.start],
                 re.I) and re.match(r"\s+of\s+the\s+(?:current\s+|financial\s+|reporting\s+)?"
                                    r"year\b", text[reading.end:], re.I):
        return True  # (the twelfth round) "the first five months of the year": a part of it
    # (the ninth round) "the first three months of this year": a part of a relative period too
    return any(reading.end <= span.start <= start
               and (not is_relative_key(span.key) or part_of and span.key == "this-year")
               for span in dates)


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
    if len(group) == 2 and unit in ("percent", "rate-per-10000") and group[0].unit == "count" \
            and re.fullmatch(r"\s+(?:to|and)\s+", text[group[0].end:group[1].start]):
        group = [replace(group[0], unit=unit, base=group[1].base), group[1]]  # "18 to 13 per"
    prefix = text[max(0, group[0].start - 8):group[0].start]
    if unit in ("days", "weeks", "months", "years") and (
            _AGED_BEFORE.search(prefix) or _AT_BEFORE.search(prefix)
            and _at_a_point(text[:group[0].start])):
        return []
    if unit in ("days", "weeks", "months", "years") and len(group) == 2 \
            and _LAST_BEFORE.search(text[max(0, group[0].start - 12):group[0].start]) \
            and re.fullmatch(r"\s+to\s+", text[group[0].end:group[1].start]):
        return []  # (the thirteenth round) "over the last four to six months": a period, no length
    return group


def _reading(text: str, match: re.Match) -> Reading | None:
    before, after = text[: match.start()], text[match.end():]
    unit_match = _UNIT.match(after)
    unit, base = _unit(unit_match)
    if unit not in ("percent", "rate-per-10000") and _REFERENCE_BEFORE.search(before[-30:]) \
            and not _OWN_STAGE.match(after) \
            or _AGE_AFTER.search(after) or unit == "count" and _PLAN_ITEM.match(after):
        return None  # "Year 11", "aged 16", but "the largest group (46%)"
    digits = match.group("digits")
    if unit == "count" and _QUALIFICATION.match(after):
        return None  # "five good GCSEs": a qualification level, not a count
    if digits and digits.isdigit() and (
            int(digits) <= 31 and _DAY_OF_MONTH.match(after)
            or int(digits) <= 14 and (_SCHOOL_YEAR.search(before[-8:]) and _PUPILS.match(after)
                                      or _OF_YEAR.search(before[-30:]))):
        return None  # "from 200 at 31 March", "the current year 11 pupils"
    if unit in ("days", "weeks", "months", "years") and _TO_COME.search(before[-24:]) \
            or _LAST_BEFORE.search(before[-12:]) and _SCHOOL_YEARS.match(after):
        return None  # "over the next 12 months": a time to come; "the last two academic years"
    if digits and len(digits) <= 2 and not before.strip() and _FOOTNOTE_OPENS.match(after):
        return None  # "1 The areas for improvement ...": a footnote's mark opening a note
    if digits and (re.match(r"0\d", digits) or _FOOTNOTE.search(before[-20:])
                   and not _NEEDS_NUMBER.search(before[-16:])
                   and _FOOTNOTE_AFTER.match(after) and len(digits) <= 2):
        return None  # "0300 123 1231"; "enquiries do not 1 The areas ...": a footnote's mark
    if digits and len(digits) <= 2 and _NAME_NUMBER.search(before[-40:]) \
            and re.match(r"\s*(?:[.;,)]|$)", after):
        return None  # "the North West consortium, Adoption 22.": a number in a name
    if digits and digits.isdigit() and len(digits) <= 2 and _MARK_AFTER_NOUN.search(before[-24:]) \
            and _MARK_END.match(after):
        return None  # "residential special schools 4, of whom"
    if digits and digits.isdigit() and 1 < int(digits) < 100 \
            and _AFTER_A_WORD.search(before[-24:]) and _SINGULAR_AFTER.match(after):
        return None  # (the eighth round) "lives in a residential special school, 3 which is"
    if digits and digits.isdigit() and len(digits) <= 2 \
            and _AFTER_A_WORD.search(before[-24:]) and _MARK_BEFORE_ALL.match(after):
        return None  # (the ninth round) "residential special schools, 3 all of whom live out"
    if match.group("zero") and _CONDITION.search(before[-60:]):
        return None  # "If there are no adopters suitable, ...": a condition, not a fact
    word = match.group("word")
    if word and (word[0].isupper() and _IN_A_NAME.search(before)
                 or re.search(r"['\u2018\u201c]$", before)):
        return None  # "the 'One Family Approach'", "One Council, One family", "'one family'"
    if word and word.lower() == "one" and _FROM_ONE.search(before[-8:]) \
            and (_ONE_FAMILY.match(after) or _ONE_TO_ANOTHER.match(after)):
        return None  # "three children from one family", "from one meeting to the next"
    compared_one = _COMPARED_ONE.search(before[-30:]) and not _ONE_OF_A_KIND.match(after) \
        or bool(_ONE_TO_AND.match(after)) \
        or bool(_ONE_OF_WHOM.match(after)) \
        or bool(_ONE_OF_PEOPLE.match(after)) and not re.search(r"\bbut\s+$", before[-8:])
    if digits and _ONE_IN.search(before[-8:]):
        return None  # (the eleventh round) "one in 10 care leavers": a proportion
    if word and word.lower() == "one" and not compared_one and (
            _PRONOUN_BEFORE.search(before[-12:]) or _PRONOUN_AFTER.search(after)
            or _ARTICLE_ONE.search(before[-40:]) and _ARTICLE_ONE_END.match(after)
            or _AT_LEAST.search(before[-10:])
            or _HAVE_ONE.search(before[-14:]) and _ENDS_PHRASE.match(after)
            or _ONE_TO.search(before[-8:]) or word == "One" and _NAME_AFTER.match(after)
            or _ONE_THE_OTHER.match(after) or _ONE_EXAMPLE.match(after)
            or _is_anecdote(before, after)):
        return None
    if digits and _is_small_age(digits) and (
            (unit == "count" and _at_a_point(before) and _AGE_END.match(after))
            or (_UNTIL.search(before[-10:])
                and (unit == "years" or (unit == "count" and _AGE_END.match(after))))
            or (unit == "count" and re.search(r"\bpost[- ]$", before[-6:], re.I))):
        return None  # "leave care at 18 and", "support until 21", "post 18 support"
    if unit in ("count", "years") and _BE_AGED.search(before[-40:]) and _AGE_END.match(after) \
            and (value := _value(match)) is not None and value <= 25:
        return None  # "when they are 18 and 21": an age
    if digits and _is_small_age(digits) and unit == "count" \
            and _from_or_between_ages(before, after):
        return None  # "from 16 and", "support between 21 and 25 is"
    if _AGE_SPAN.search(before[-120:]):
        return None  # "between the ages of 15 years and nine months and 16 years", "ranged
        # from eight months to seven years": ages
    if unit != "count" and _EVERY.search(before[-24:]) or unit == "count" \
            and _EVERY.search(before[-24:]) and _EVERY_RANGE.match(after):
        return None  # "every six months", "every three to four weeks": how often
    if unit in ("days", "weeks", "months", "years") and _WINDOW.search(before[-40:]):
        return None  # (the twelfth round) "3 moves in 12 months": a window
    if unit in ("days", "weeks", "months", "years") and _FOR_LENGTH.search(before[-24:]) \
            and _NOT_HAPPENED.search(before[-160:]) \
            and re.match(r"\s*(?:[.,;]|$)", after[unit_match.end() if unit_match else 0:]):
        return None  # (the ninth round) "has not had an appraisal for two years", "there have
        # been no exclusions for over five years": how long something has not happened
    if unit == "years" and _AND_OVER.match(after[unit_match.end() if unit_match else 0:]):
        return None  # (the sixteenth round) "young people 12 years and over": an age
    if _is_age(before, after, unit, _value(match)):
        return None  # "under 18 years", "those over 21.", "children over five have": an age
    value = _value(match)
    if value is None:
        return None
    if unit_match and unit_match.group("half"):
        value += 0.5
    end = match.end() + (unit_match.end() if unit_match else 0)
    return Reading(match.start(), end, value, unit, text[match.start():end], base)


def _is_anecdote(before: str, after: str) -> bool:
    """"One young person said", "In one case", "For one child, ...": an example."""
    if _ANECDOTE.match(after[:60]):
        return True
    if re.search(r"\bsuch as\s+$", before[-9:], re.I):
        return True  # (the tenth round) "examples such as one care leaver securing a job"
    if _IN_AN_EXAMPLE.search(re.split(r"[.!?]\s", before)[-1]) \
            and not _ONLY_ONE.search(before[-6:]) and not _ONE_COUNTED.match(after):
        return True  # (the sixteenth round) "For example, a tenancy is kept open for one
        # young person", "Examples included ... with one care leaver", "In the case of one"
    if _EXAMPLE.match(after) and _ADVERB_OPENING.fullmatch(before):
        return True  # (the sixteenth round) "However, one case seen by inspectors ..."
    if _OPENING.fullmatch(before):
        # (the twelfth round) "One recent event was ...", "One recently focused on ...": an
        # instance told as an example
        return bool(before.strip() or _EXAMPLE.match(after)
                    or re.match(r"\s+recent(?:ly)?\b", after, re.I))
    return bool(_EXAMPLE.match(after) and re.search(r"\b(?:in|on)\s+$", before[-4:], re.I))


_SMALL_AGE = r"(?:1[6-9]|2[0-5])\b"
_RANGE_END = re.compile(rf"^\s*(?:and|to|[{DASH}])\s*(\d+)\b")
_BETWEEN_SECOND = re.compile(rf"\b(?:between|from)\s+{_SMALL_AGE}\s*(?:and|to|[{DASH}])\s*$", re.I)
# a change told in the sentence makes "from 16" an earlier value, not an age
_A_CHANGE = re.compile(r"increas|reduc|decreas|\bris[ei]|risen|\brose\b|\bfall|\bfell|\bdown\b"
                       r"|\bup\b|doubl|halv|improv|declin|chang|grow|grew|drop|went|moved"
                       r"|compared", re.I)


def _from_or_between_ages(before: str, after: str) -> bool:
    """Ages 16 to 25 after "from" or "between" where the sentence tells of no change and
    the words go on without a noun ("supports children from 16 and plans ...", "support
    between 21 and 25 is available"; not "from 16 to 20 referrals")."""
    if not re.search(r"\b(?:from|between)\s+$", before[-10:], re.I) \
            and not _BETWEEN_SECOND.search(before[-24:]):
        return False
    if _A_CHANGE.search(re.split(r"[.!?]\s", before)[-1]):
        return False
    end = _RANGE_END.match(after)
    if end and not _is_small_age(end.group(1)):
        return False
    return bool(_AGE_END.match(after[end.end():] if end else after))


def _is_small_age(digits: str) -> bool:
    return digits.isdigit() and 16 <= int(digits) <= 25


def _is_age(before: str, after: str, unit: str, value: float | None) -> bool:
    if not _UNDER_OVER.search(before[-8:]) or _FOR_OVER.search(before[-14:]) \
            or unit == "years" and value is not None and value <= 15 \
            and _WAITED_OVER.search(before[-24:]):
        return False  # "for over two years", "had waited was over two years": a duration
    small = value is not None and value <= 25
    return unit == "years" or unit == "count" and small and bool(
        _AGE_END.match(after) or _PEOPLE_OVER.search(before[-40:]))


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
