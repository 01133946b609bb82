"""Which measure a number counts, from the words around it.

Each quantity is matched in its own clause: the words from the previous number (or the
clause's start) to the next, with ``#`` standing for the number itself, so in "37 live
in residential children's homes, of whom 86% live outside the authority area" the 37
counts children in residential homes and the 86% is a share of them (no measure of the
scheme). Where a clause says nothing, a list item's lead-in can ("The proportion of
children entitled to free school meals:" above "in primary schools is 17%"). The keys
are the concepts of ``ontology/measures.ttl``; the first rule that matches wins.
"""

import re

_CHILDREN = r"(?:children|young people|children and young people|young person|child)"
_LIVE = r"(?:live|lived|are living|were living|are placed|were placed|placed)"
# "146 (or 80%) of the looked after population live with foster families"
_OF_ALL = r"(?:of the (?:total )?looked after population\s+)?"
_RULES: tuple[tuple[str, str, set[str]], ...] = (
    ("houses-multiple-occupation", r"#[^#]*\bhouses? (?:of|in) multiple occupation", {"count"}),
    ("independent-living", r"#[^#]*ceased to be looked after[^#]*independent living", {"count"}),
    ("returned-looked-after", r"#[^#]*\b(?:returned to (?:be |being )?(?:looked after|care)"
     r"|re-?admitted (?:in)?to care)",
     {"count", "percent"}),
    ("ceased-looked-after", rf"#\s*{_CHILDREN}?[^#]{{0,20}}\bceased to be looked after",
     {"count"}),
    # "21 SGOs were made", "14 were the subject of an SGO", "17 children left care through
    # the granting of SGOs"; not "in four cases ... seeking SGOs"
    # (not "18 special guardianship orders (SGOs) underway": applications, no orders made)
    ("special-guardianship-orders", r"#[^#]*special guardianship orders?\b(?!\s+(?:\(SGOs?\)\s+)?"
     r"(?:underway|pending|in progress)\b)"
     r"|#\s+(?-i:SGOs)\b(?!\s+(?:underway|pending|in progress)\b)"
     r"|#\)?\s+[^#.;]{0,60}?\b(?:the subject of|subject to|through|via)\s+(?:[a-z]+\s+){0,3}?"
     r"(?-i:SGOs?)\b", {"count"}),
    ("adoptions", rf"#\s+adoptions\b|#\s+adoption\b(?! \w)|#\s+adoption orders\b"
     rf"|#\s+{_CHILDREN}\s+(?:who |that )?(?:were |was |have been |has been |had been )?"
     r"adopted\b"  # (the ninth round) "nine of the 32 children who were adopted"
     # (the eleventh round) not "three children were adopted from foster-to-adopt
     # placements", "by their foster carers": a subgroup, by how or by whom
     r"(?!\s+(?:by|from|through|via)\s+(?:their|his|her|its|foster|fostering|early|concurrent)\b)"
     # (the eleventh round) "eight children have benefited from permanence arrangements
     # through adoption", as "children benefiting from adoption"
     rf"|#\s+{_CHILDREN}\s+(?:have |has |had )?benefit+ed\s+from\s+(?:permanence\s+"
     r"(?:arrangements\s+)?(?:through|by|via)\s+)?adoption\b(?!\s+(?:support|services?|allowances?))"
     # "to 53 in 2013-14, of whom 26 were adopted": a count whose noun the words leave out
     r"|#\s+(?:were|have been|had been)\s+adopted\b(?!\s+by\b)"
     rf"|#\s+{_CHILDREN}\s+(?:left care|ceased to be looked after) through adoption"
     rf"|#\s+{_CHILDREN}\s+(?:who\s+)?(?:had|have had|has had|have|has)\s+(?:had\s+)?"
     r"(?:their|an|his|her)\s+adoption orders?\s+(?:granted|made)\b",
     {"count"}),
    ("children-looked-after-outside-area",
     rf"(?<!of whom )(?<!of whom all \()#\)?\s+{_OF_ALL}(?:children\s+)?"
     r"(?:live|lived|are living|were living"
     r"|are placed|were placed)\s+(?:outside|out of)\b", {"count", "percent"}),
    # "25 of these live in residential children's homes": of the children looked after
    # (the eighth round) "22 in residential children's homes", "275 with foster families": an
    # item of the list of placements with its verb left out
    ("residential-homes", rf"#\)?\s+(?:{_OF_ALL}|of these\s+)(?:children\s+)?(?:{_LIVE}\s+)?in\s+"
     r"residential children's homes",
     {"count", "percent"}),
    ("foster-placements", rf"#\)?\s+(?:{_OF_ALL}|of these\s+)(?:children\s+)?(?:{_LIVE}\s+)?"
     r"(?:with\s+foster (?:families|carers)"
     r"|in foster (?:care|placements))", {"count", "percent"}),
    ("private-fostering", r"privately arranged foster(?:ing| placements?)|private fostering"
     r"|privately fostered",
     {"count"}),
    ("serious-incident-notifications", r"#[^#]*serious incident notifications?", {"count"}),
    ("serious-case-reviews", r"#[^#]*serious case reviews?", {"count"}),
    ("child-protection-plans", r"#[^#]*\bchild protection plans?\b",
     {"count", "rate-per-10000"}),
    ("children-in-need", r"#[^#]*(?:\bin need of a specialist|\bchildren in need\b)",
     {"count", "rate-per-10000"}),
    ("children-looked-after", rf"(?:#\s+{_CHILDREN}\s+(?:were|are|was|is)\s+(?:being\s+)?looked "
     rf"after\b)|\bof the (?:current |total )?#\s+{_CHILDREN}\s+looked after\b"
     rf"|\blooking after #\s+{_CHILDREN}"
     # (the thirteenth round) "At 30 June 2016, 437 are being looked after by the local
     # authority": an area list's count, its noun left out
     r"|^\s*#\s+(?:are|were)\s+(?:being\s+)?looked after by the (?:local )?(?:authority"
     r"|council)\b"
     # (the tenth round) "Torbay currently has 290 children looked after": the authority's
     rf"|(?-i:\b[A-Z][\w-]+|the (?:local )?(?:authority|council)) (?:currently |now )?has #\s+"
     rf"{_CHILDREN}\s+looked after\b(?!,?\s+(?:who|that|with|aged|from|placed|living|in|by|for)\b)"
     rf"|#\s+{_CHILDREN}\s+(?:were |are )?in the care of the (?:local )?(?:authority|council)"
     r"(?!\s+(?:who|that|with|aged|from|placed|living|in)\b)",
     {"count", "rate-per-10000"}),
    ("children-in-poverty", r"#[^#]*(?:(?:living|live|lives) in poverty|low[- ]income families)",
     {"percent"}),
    ("minority-ethnic-children",
     r"minority ethnic groups account for (?:approximately |around |about )?#"
     # not "White Other (11.2%) are the largest minority ethnic groups": a share of one group
     r"|#(?!\s*of (?:all |the )?(?:people|population|residents|adults)\b)"
     r"(?![^#]*\b(?:largest|main|biggest|smallest)\s+minority ethnic)[^#]*minority ethnic",
     {"percent"}),
    ("children-in-area", rf"#\s*{_CHILDREN}[^#]*(?:under the age of 18|aged (?:under|0 to) "
     r"(?:18|17)|aged between 0|\b0 ?(?:-|to) ?1[78]\b|under 18)", {"count"}),
    # the authority's care leavers, not a group of them ("eight care leavers have secured ...")
    ("care-leavers", r"\b(?:has|have|works? with|working with|supports?|supporting|responsible "
     r"for|out of|cohort of|there (?:are|were)|total of|caseload of"
     r"|(?<!out )(?:all )?of (?:the|their|its)(?: current)?"
     # (the ninth round) "in contact with all 225 care leavers"
     r"|\b(?:with|for|to|of|by) all)\s+(?:some |approximately "
     # (the tenth round) "of their 169 current care leavers", "of the 123 current eligible
     # care leavers"
     r"|around |about )?#\s+(?:current\s+(?:eligible\s+)?)?care leavers\b(?!\s+"
     # ... not a subgroup where the words name the statutory groups that together are the
     # authority's care leavers: "the 198 care leavers identified as being eligible, relevant
     # and former relevant"
     r"(?!identified as (?:being )?(?:eligible|relevant|former relevant)\b)"
     # (the fourteenth round) "70 care leavers over the age of 18": a group by age
     r"(?:in|aged|over|under|who|that|accessing|living|are|were"
     r"|have|has|into|attending|engaged|at|with|between|spoken|seen|met|[a-z]+(?:ed|ing))\b)",
     {"count"}),
)
_LEAD_RULES: tuple[tuple[str, str, str], ...] = (
    ("free-school-meals-primary", r"free school meals?", r"\bprimary"),
    ("free-school-meals-secondary", r"free school meals?", r"\bsecondary"),
    ("eal-primary", r"english as an additional language", r"\bprimary"),
    ("eal-secondary", r"english as an additional language", r"\bsecondary"),
)
IN_PROSE = frozenset({"adoptions", "special-guardianship-orders", "serious-incident-notifications",
                      "houses-multiple-occupation", "private-fostering",
                      "serious-case-reviews", "care-leavers", "children-looked-after",
                      "ceased-looked-after"})  # only over a told period (reading.py)
# (the fourteenth round) in findings, private fostering only where the words name the
# children living in the arrangements, the measure's whole group ("18 children were
# reported to be living in private fostering arrangements"), not "three private fostering
# assessments"
_PROSE_ONLY = {"private-fostering": re.compile(
    rf"#\s+{_CHILDREN}\b[^#]{{0,60}}?\b(?:live|lives|living|placed)\s+in\s+(?:an?\s+)?"
    r"private(?:ly arranged)? fostering (?:arrangements?|placements?)"
    rf"|#\s+{_CHILDREN}\s+(?:who (?:are|were) )?privately fostered", re.I)}
_COMPILED = tuple((key, re.compile(rule, re.I), units) for key, rule, units in _RULES)
_LEAD = tuple((key, re.compile(lead, re.I), re.compile(local, re.I))
              for key, lead, local in _LEAD_RULES)


# "The number of special guardianship orders has dropped to 22": the measure named as the
# subject of a number's clause, the number following its verb (not "the number of care
# leavers in education is 40": a subgroup)
_NAMED = {
    # (the tenth round) "the number of children being adopted has increased from 22 to 29"
    "adoptions": r"adoptions|adoption orders|children (?:being )?adopted"
    r"|children made (?:the )?subject (?:to|of) (?:an? )?adoption orders?"
    r"|children (?:in [A-Z][\w-]*(?: and [A-Z][\w-]*)? )?benefiting from adoption",
    # "the number of children leaving care through a special guardianship order (SGO)"
    "special-guardianship-orders": r"special guardianship orders|SGOs|children leaving care "
    r"through (?:an? )?special guardianship orders?(?: \(SGOs?\))?",
    "serious-case-reviews": r"serious case reviews",
    "serious-incident-notifications": r"serious incident notifications",
    "care-leavers": r"care leavers",
    "children-looked-after": r"children looked after|looked after children|children in care"
    r"|children and young people looked after(?: by the (?:local )?(?:authority|council))?"
    # (the twelfth round) "the number of children they look after"
    r"|children (?:they|it|the (?:local )?(?:authority|council)) looks? after",
}
_VERB = (r"(?:has |have |had )?(?:is|was|were|are|rose|fell|dropped|increased|decreased"
         r"|reduced|risen|fallen|grown|grew|stood|stands|remains|remained|been|doubled|halved)")
# ... also where the change is told between commas ("The number of children and young people
# looked after by the local authority has increased, from 293 at 31 March 2015, to 325")
_SUBJECT = tuple((key, re.compile(
    rf"\bthe (?:total )?(?:numbers?|total) of (?:{nouns})(?:\s+{_VERB}\b"
    r"(?:(?:(?!\band\b)[^,;()])*|,\s+from\s+(?:(?!\band\b)[^;()])*?,?\s+to\s+)"
    # (the twelfth round) "an increase in the numbers of children in care, from 600 ... to
    # 850", "... the number of children they look after in recent years, rising from 286"
    r"|(?:\s+in recent years)?,\s+(?:(?:rising|falling|increasing|decreasing|reducing|growing)"
    r"\s+)?from\s+(?:(?:(?!\band\b)[^;()])*?,?\s+to\s+)?"
    # "a decrease in the number of children made subject to an adoption order (18 compared
    # to 21 in 2012-13)": the count in brackets after the measure it names
    r"|\s*\(\s*)$",
    re.I))
    for key, nouns in _NAMED.items())


# "no children were adopted apart from their brothers and sisters": a subgroup, not the measure
# ... or another authority's: "two serious case reviews in other local authorities"
_SUBGROUP = re.compile(r"#[^#]*\b(?:apart from|except|other than|excluding|not including"
                       r"|(?:in|by|from|of) (?:other|another|neighbouring) (?:local )?"
                       r"(?:authorit(?:y|ies)|councils?|areas?))\b", re.I)


# (the twelfth round) "the ... team is responsible for some 350 care leavers": one team's,
# a subgroup; "a target of 53 adoptions": none made
_ABOUT = r"(?:some\s+|approximately\s+|around\s+|about\s+)?"
_NOT_THE_MEASURE = re.compile(
    rf"\bteam\s+(?:is|are|was|were|has|have)\s+(?:[a-z]+\s+){{0,2}}{_ABOUT}#"
    rf"|\btargets?\s+of\s+{_ABOUT}#", re.I)


def match_measure(clause: str, unit: str, lead: str = "", prose: bool = False) -> str | None:
    """The measure a number counts, from its ``clause`` (``#`` marks the number) and the
    lead-in of the list it sits in; None where the words do not say. In ``prose``
    (findings), only measures whose words cannot name a subgroup: "12 children had been
    on a child protection plan for over two years" counts no plans of the area."""
    if _SUBGROUP.search(clause) or _NOT_THE_MEASURE.search(clause):
        return None
    for key, rule, units in _COMPILED:
        if unit in units and (not prose or key in IN_PROSE) and rule.search(clause):
            if prose and key in _PROSE_ONLY and not _PROSE_ONLY[key].search(clause):
                continue
            return key
    if unit == "count":  # the words before the number, from the sentence's start
        named = next((key for key, subject in _SUBJECT if subject.search(lead[-300:])), None)
        if named:
            return named
    if prose:
        return None
    if unit != "percent":
        return None
    context, head = f"{lead} {clause}", clause.split("#", 1)[0]
    for key, lead_rule, local_rule in _LEAD:
        if lead_rule.search(context) and local_rule.search(head):
            return key
    return None
