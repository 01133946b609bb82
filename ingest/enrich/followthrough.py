"""What became of each recommendation: one inspection's recommendations followed into the
authority's next inspection.

For each recommendation of the earlier report of a pair of consecutive inspections:

- **repeated by**: the later recommendation that asks for it again (``_repeats``): by its
  own words and by the findings the later report gives as its reasons (TF-IDF over word
  stems, cosine similarity, fitted on the pair's texts), the two each other's best by
  ``REPEAT_MARGIN`` over the next candidate;
- **spoken to in**: the later report's findings closest to it, a finding's score raised by
  ``BACK_REFERENCE_BOOST`` where one of its sentences refers back to the earlier inspection
  (``BACK_REFERENCE``), best first, at most ``MOST_LINKS``, each at least ``MENTION_MINIMUM``;
- **status**: ``still-a-concern`` or ``improved`` only where a sentence of a linked finding
  both says so in the words of ``STATUS_CUES``, is itself close to the recommendation
  (``SENTENCE_MINIMUM``) and names its subject (``on_topic``, ``SUBJECT_MINIMUM``); a
  concern only in a finding that names the earlier inspection (``NAMING_BACK``) unless
  asked again, an improvement only from a sentence that refers back and takes none of it
  back (``mixed``), neither from a sentence stating both (``stated_status``); beside a
  repeat, a sentence saying the concern remains in other words (``REPEAT_CONCERN_CUES``) is
  a concern, any concern sentence at ``REPEAT_CONCERN_MINIMUM``, and one saying what is
  still to do
  (``REPEAT_OPEN_CUES``) leaves no status, as do a concern on its subject too far from
  it to state it (``_remaining_further``) and a close sentence on its subject saying it
  falls short now (``PRESENT_SHORTFALL_CUES``), a close sentence on its subject saying it
  improved (step 22), a close sentence on its subject
  saying it was asked for at the last inspection (``RAISED_BEFORE``, step 24), and a
  repeating later recommendation that says it was made at the last inspection
  (``_against_repeat``, step 22); ``repeated`` where a later recommendation
  repeats it; else ``not-mentioned`` where nothing in the later report comes near it
  (``NOT_MENTIONED_MAXIMUM``); a recommendation made to a body the later report does not
  review (the board) has no status (step 22); else no status (the links alone). Sentences
  that disagree give no stated status. What a report-wide sentence says of them all
  (``report_wide``) speaks for each recommendation no close sentence speaks to. An
  improvement, of them all or its own, is given only where no sentence on its subject
  says it still falls short (``shortfall``, ``WIDE_AGAINST_MINIMUM``; steps 18 and 24). A
  concern cue in a clause that sets a condition ("when ... remain too high") states
  nothing (``CONDITION``, step 24).

The cue phrases are this module's tables, ``NAMING_BACK``, ``BACK_REFERENCE`` and
``STATUS_CUES``; ``docs/follow-through.md`` lists them and what the thresholds were tuned
on. Nothing here knows a framework: the same rules for every pair.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

REPEAT_MINIMUM = 0.27  # a later recommendation this close asks for the same thing (_repeats)
REPEAT_TEXT_MINIMUM = 0.2  # and their own words at least this close
REPEAT_MARGIN = 0.03  # and this far above the next candidate, both ways (step 15)
MENTION_MINIMUM = 0.13  # a finding this close speaks to it
NOT_MENTIONED_MAXIMUM = 0.09  # nothing in the later report this close: not mentioned
SENTENCE_MINIMUM = 0.2  # a stating sentence must itself be this close
SUBJECT_MINIMUM = 0.1  # and this close in the words that name a subject (see on_topic)
# a sentence saying a shortfall this close (and on the subject) holds back what a report-wide
# sentence says of an improvement (``shortfall``, step 18)
WIDE_AGAINST_MINIMUM = 0.13
# beside a repeat, a concern sentence this close, in all its words and in those that name a
# subject, states it (step 18)
REPEAT_CONCERN_MINIMUM = 0.15
BACK_REFERENCE_BOOST = 0.05
MOST_LINKS = 3
NEAR_BEST = 0.6  # a finding further below the best than this is not linked
TOPIC_WORDS = 1  # a stating sentence shares this many of the recommendation's own words (on_topic)

# Words that name the earlier inspection or the time since it. "{year}" stands for the
# earlier inspection's year(s) on site. A concern is read only in a finding that has one.
NAMING_BACK: tuple[str, ...] = (
    r"since the (?:last|previous|prior|most recent) (?:full |standard |single )?inspection",
    r"(?:at|during|in|from|following|after) the (?:last|previous|prior) inspection",
    r"(?:last|previous|prior) (?:full |standard )?inspection",
    r"\bsince {year}\b",
    r"\b(?:for|over) (?:a |an )?(?:considerable|long|sustained|prolonged|extended) (?:period|time)",
    r"\bin {year}\b",
)
# "remain(s)" of time, not of place ("cannot remain in the care of their parents", step 9)
REMAIN = (r"\bremains?\b(?! (?:in (?:the |their )?(?:care|homes?|famil|placements?)|at home|with|"
          r"living|together|safe))")
# Words that refer back to the earlier inspection: those, and words of time.
BACK_REFERENCE: tuple[str, ...] = (*NAMING_BACK, REMAIN, r"\bcontinues? to\b", r"\bstill\b")

# Sentence cue -> the status it states. A sentence with cues of both statuses states
# that a concern remains ("although X has improved, it remains inconsistent").
STATUS_CUES: tuple[tuple[str, str], ...] = (
    (r"\b(?:has|have) (?:not|yet to)(?: yet)?(?: been)?(?: sufficiently| fully| consistently|"
     r" adequately| effectively| significantly)? "
     r"(?:improved|addressed|resolved|progressed|been addressed|tackled|implemented)",
     "still-a-concern"),
    (r"\bnot (?:yet )?(?:been )?(?:fully |sufficiently |adequately |effectively )?"
     r"(?:addressed|resolved|tackled)", "still-a-concern"),
    (r"\bnot (?:been )?enough (?:done|progress)", "still-a-concern"),
    (r"\b(?:insufficient|limited|slow|little|minimal) progress", "still-a-concern"),
    (r"\bprogress (?:in this area |here )?(?:is|has been) (?:slow|limited|insufficient)",
     "still-a-concern"),
    (r"\bremains? (?:an? )?(?:area|areas) (?:for|of|requiring) (?:development|improvement|weakness|"
     r"concern|focus)", "still-a-concern"),
    (r"\bremains? (?:a |an )?(?:concern|weakness|challenge|inconsistent|variable|weak|poor|too|"
     r"underdeveloped|under-developed|limited|inadequate|insufficient|a priority|"
     r"not |unclear|patchy|unmet|unaddressed|ineffective|slow|low|high|issue|feature|"
     r"incomplete)", "still-a-concern"),
    (r"\b(?:is|are) still (?:not|too|inconsistent|variable|weak|poor|limited|under-developed|"
     r"underdeveloped|insufficient|a concern|an area|ineffective|lacking)", "still-a-concern"),
    (r"\bthere (?:is|are) still\b", "still-a-concern"),
    (r"\bthere remains? (?:some |significant |considerable |many |a number of )?"
     r"(?:inconsisten|weakness|gaps?\b|shortfalls?|concerns?|deficits?|delays?|variab)",
     "still-a-concern"),
    (r"\bstill requires? (?:attention|further|improvement|work|development|strengthening)",
     "still-a-concern"),
    (r"\bcontinues? to be (?:a |an )?(?:concern|weakness|inconsistent|variable|weak|poor|too|"
     r"limited|an area|a challenge|insufficient|underdeveloped|ineffective)", "still-a-concern"),
    (r"\b(?:has|have) been an area (?:for|of) (?:improvement|development|concern) since",
     "still-a-concern"),
    (r"\b(?:has|have) been (?:poor|weak|inconsistent|variable) for", "still-a-concern"),
    (r"\b(?:has|have) (?:stalled|declined|deteriorated)", "still-a-concern"),
    (r"\b(?:as|similar to what was) (?:found|identified|seen|highlighted) at the (?:last|previous) "
     r"inspection", "still-a-concern"),
    (r"\b(?:has|have) (?:significantly |considerably |substantially |markedly |much |greatly |"
     r"notably |now |also |steadily |further )?improved", "improved"),
    (r"\b(?:has|have) been (?:significantly |considerably |substantially |much |successfully |"
     r"effectively |now )?(?:improved|addressed|resolved|strengthened|tackled)", "improved"),
    (r"\b(?:has|have) (?:successfully |fully |effectively |now )?(?:addressed|tackled|resolved)",
     "improved"),
    (r"\b(?:significant|considerable|substantial|marked|good|notable|clear|strong) "
     r"(?:improvements?|progress) (?:has|have) been made", "improved"),
    (r"\bimprovements? (?:has|have) been made", "improved"),
    (r"\bthere (?:has|have) been (?:an? )?(?:\w+ )?improvements?\b", "improved"),
    (r"\bimproved since the (?:last|previous)", "improved"),
    (r"(?<!for )\bimprovements? since the (?:last|previous)", "improved"),
)

# A sentence about the earlier inspection's recommendations (or areas for improvement) as
# a whole: its status, where it states one, is every recommendation's that no sentence of
# its own speaks to. Not where it speaks of some of them ("most", "a number of"...).
REPORT_WIDE = (r"\b(?:recommendations|areas (?:for|of|requiring) (?:improvement|development)|"
               r"shortfalls|weaknesses)(?: for improvement)?(?: (?:that|which) were)?"
               r"(?: (?:identified|made|raised|found|set out))? (?:at|in|during|from|since) "
               r"(?:the (?:time of the )?(?:last|previous|prior) inspection"
               r"|(?:and since )?{year}\b)")  # "{year}": the earlier inspection's (step 13)
# Words before it that pick some of them, or after it that narrow it to a subject.
SOME = (r"\b(?:most|some|several|many|few|certain|majority|minority|half|number|one|two|three|"
        r"four)\b")
NARROWED = r"\b(?:in respect of|including|such as|for example|in particular|except|about)\b"
# A sentence that lists what such a sentence picks ("A number of areas for improvement from
# the last inspection still require attention. These include caseloads ...", step 13).
ITEMS = r"(?:these|they) (?:include|included|are|were)\b"

_STATUS_ORDER = ("still-a-concern", "repeated", "improved")

# Where a later recommendation repeats it, these also state that the concern remains, in
# a sentence of a linked finding close to it and on its subject (step 9): the subject
# before the verb ("challenges remain in ...") or what is still to do.
REPEAT_CONCERN_CUES: tuple[str, ...] = (
    r"\b(?:challenges?|shortfalls?|weaknesses|inconsistenc(?:y|ies)|deficits?|gaps|delays|"
    r"variability|concerns|issues|pressures|difficulties) (?:still )?remains?\b",
    # or said to go on ("the ongoing challenges regarding sufficiency", step 13)
    r"\b(?:ongoing|continuing|persistent|enduring) (?:challenges|difficulties|concerns|"
    r"weaknesses|shortfalls|problems|issues|deficits|gaps|delays)\b",
)
# ... and these say what is still to do: beside a repeat, no status (the links alone).
REPEAT_OPEN_CUES: tuple[str, ...] = (
    r"\bmore (?:progress|work)(?: (?:is|are))?(?: still)? (?:needed|required|to do)",
    r"\bmore needs to be done\b",
    r"\bstill (?:some |a long )?(?:distance|way) to (?:go|travel)",
)
# ... and these say that something falls short now, with no word of time ("pathway plans
# are highly variable", "supervision is not yet consistently effective"): beside a repeat
# the labellers read such a sentence as a remaining concern or as the repeat, and no word
# tells which, so it leaves no status (the links alone) rather than ``repeated`` (step 20).
PRESENT_SHORTFALL_CUES: tuple[str, ...] = (
    r"\bnot yet\b",
    REMAIN,
    r"\btoo (?:many|few|long|much|slow|high|low|often|variable)\b",
    r"\bnot (?:always|consistently|routinely|sufficiently)\b",
    r"\binconsistent(?:ly)?\b",
    r"\bvariable\b",
    r"\bweak(?:ness|nesses)?\b",
    r"\bpoor(?:ly)?\b",
)
# ... and these say that it was asked for at the earlier inspection ("This was an area for
# improvement at the last inspection"), in a sentence that names it: beside a repeat, the
# report marks the subject as carried over, which readers take for a remaining concern
# though no word says whether it remains; no status (the links alone), as where the later
# recommendation says so itself (``MADE_BEFORE``, step 24).
RAISED_BEFORE = (r"\b(?:was|were) (?:an? |one of the |among the )?(?:areas? (?:for|of|requiring) "
                 r"(?:improvement|development)|recommendations?|weakness(?:es)?|shortfalls?)\b")
_RAISED_BEFORE = re.compile(RAISED_BEFORE)
_PRESENT_SHORTFALL = re.compile("|".join(f"(?:{p})" for p in PRESENT_SHORTFALL_CUES))
_REPEAT_CONCERN = re.compile("|".join(f"(?:{p})" for p in REPEAT_CONCERN_CUES))
_REPEAT_OPEN = re.compile("|".join(f"(?:{p})" for p in REPEAT_OPEN_CUES))
# What is still to do, said to remain ("there remains more work to do", "more work still
# to do"): as ``REPEAT_CONCERN_CUES``, the concern remains (step 13).
OPEN_REMAINING = r"\b(?:still|remains?|yet)\b"
_OPEN_REMAINING = re.compile(OPEN_REMAINING)
REMAINING, OPEN = "remaining", "open"  # sentences with only those cues
FURTHER = "further"  # a concern beside a repeat, not close enough to state it (step 11)
SHORT = "short"  # a shortfall said now (``PRESENT_SHORTFALL_CUES``), read beside a repeat
# beside a repeat (step 22): an improvement on its subject, which leaves no status at all,
# and a repeating later recommendation that says it was made before, which leaves no repeat
AGAINST, MADE_BEFORE = "against", "made-before"
RAISED = "raised"  # a sentence saying it was asked for before (``RAISED_BEFORE``, step 24)


@dataclass(frozen=True)
class Item:
    """A recommendation or finding of one report, as the follow-through reads it."""

    iri: str
    number: int
    body: str
    text: str


@dataclass(frozen=True)
class Pair:
    """Two consecutive inspections of one authority, with what their reports state."""

    earlier: str  # the earlier inspection's IRI
    later: str
    earlier_years: tuple[int, ...]  # the years the earlier inspection was on site
    recommendations: tuple[Item, ...]  # the earlier report's
    later_recommendations: tuple[Item, ...]
    later_findings: tuple[Item, ...]
    # the later report's own links: (finding IRI, recommendation IRI) for a finding that
    # supports a recommendation of the same report
    supports: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Link:
    """A later recommendation or finding linked to an earlier recommendation."""

    item: Item
    score: float
    sentence: str | None = None  # for a finding: its sentence that refers back, if any


@dataclass(frozen=True)
class FollowThrough:
    """What became of one earlier recommendation in the next inspection's report."""

    recommendation: Item
    pair: Pair
    repeated_by: tuple[Link, ...] = ()
    spoken_to_in: tuple[Link, ...] = ()
    status: str | None = None
    evidence: str | None = None  # the later sentence (or recommendation) behind the status
    evidence_item: Item | None = None  # where that sentence stands
    nearest: float = 0.0  # the best score of anything in the later report
    scores: dict[str, float] = field(default_factory=dict, compare=False)


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")


def sentences(text: str) -> list[str]:
    """A finding's sentences, split after a full stop before a capital or a digit."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def _back_reference(pair: Pair, table: tuple[str, ...] = BACK_REFERENCE) -> re.Pattern:
    """``BACK_REFERENCE`` (or another such table) as one pattern for this pair, to search
    lower-case text."""
    years = "|".join(str(y) for y in pair.earlier_years) or "(?!)"
    return re.compile("|".join(p.replace("{year}", f"(?:{years})") for p in table))


# Every back-reference holds one of these: a sentence with none is not searched further.
_BACK_WORDS = ("inspection", "remain", "continu", "still", "since", "in 1", "in 2", "period",
               "time")


def refers_back(sentence: str, back: re.Pattern) -> bool:
    low = sentence.lower()
    return any(word in low for word in _BACK_WORDS) and back.search(low) is not None


def _cues(status: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p, s in STATUS_CUES if s == status))


_CONCERN, _IMPROVED = _cues("still-a-concern"), _cues("improved")
# Every cue holds one of these words: a sentence with none is not searched further.
_CUE_WORDS = re.compile(r"improv|remain|still|progress|address|resolv|tackl|strengthen|"
                        r"continu|implement|found at|identified at|seen at|highlighted at|"
                        r"area |poor|weak|inconsistent|variable|stalled|declined|deteriorated|"
                        r"enough")
_SOME, _NARROWED = re.compile(SOME), re.compile(NARROWED)
_ITEMS = re.compile(ITEMS, re.IGNORECASE)


# A clause that sets a condition ("when concerns escalate or remain too high for children,
# steps are taken"): a concern cue in it says what happens if, not that anything remains
# (step 24).
CONDITION = r"\b(?:when|whenever|if|unless|until)\b[^,;:]*$"
_CONDITION = re.compile(CONDITION)


def _concern(low: str) -> bool:
    """Whether a sentence (in lower case) holds a concern cue of ``STATUS_CUES`` outside a
    clause that sets a condition (``CONDITION``, step 24)."""
    return any(not _CONDITION.search(low, 0, match.start()) for match in _CONCERN.finditer(low))


def stated_status(sentence: str) -> str | None:
    """The status a sentence states in the words of ``STATUS_CUES``, or None; a sentence
    with cues of both ("has improved but is still poor") states neither (step 15), unless
    its improvement is the concern's own words ("has not significantly improved")."""
    low = sentence.lower()
    if not _CUE_WORDS.search(low):
        return None
    if _concern(low):
        # what a concern cue leaves may state an improvement too: a mixed sentence
        # ("has improved but is still poor") states neither (step 15)
        return None if _IMPROVED.search(_CONCERN.sub(" ", low)) else "still-a-concern"
    return "improved" if _IMPROVED.search(low) else None


def _remaining(sentence: str) -> str | None:
    """``REMAINING`` where a sentence says a concern remains in the words of
    ``REPEAT_CONCERN_CUES``, ``OPEN`` where it says what is still to do
    (``REPEAT_OPEN_CUES``), unless it says that remains (``OPEN_REMAINING``: then
    ``REMAINING``), ``SHORT`` where it says something falls short now
    (``PRESENT_SHORTFALL_CUES``, step 20), else None: all are read only beside a repeat."""
    low = sentence.lower()
    if _REPEAT_CONCERN.search(low):
        return REMAINING
    if _REPEAT_OPEN.search(low):
        return REMAINING if _OPEN_REMAINING.search(low) else OPEN
    if _PRESENT_SHORTFALL.search(low) and not _IMPROVED.search(low):
        return SHORT
    if _RAISED_BEFORE.search(low):
        return RAISED
    return None


def _report_wide(years: tuple[int, ...] = ()) -> re.Pattern:
    """``REPORT_WIDE`` for an earlier inspection on site in those years."""
    return re.compile(REPORT_WIDE.replace(
        "{year}", f"(?:{'|'.join(str(y) for y in years) or '(?!)'})"))


def report_wide(findings: tuple[Item, ...], years: tuple[int, ...] = ()
                ) -> tuple[str, str, Item] | None:
    """The status the later report states of the earlier recommendations as a whole
    ("All areas for improvement identified at the last inspection remain areas for
    improvement"), its sentence and finding; None where it states none, or disagrees.
    ``years``: the earlier inspection's ("shortfalls identified in 2016", step 13)."""
    found, wide = [], _report_wide(years)
    for finding in findings:
        for sentence in sentences(finding.text):
            low = sentence.lower()
            if not (match := wide.search(low)) or _SOME.search(low[:match.start()]) \
                    or _NARROWED.search(low[match.end():]):
                continue
            if status := stated_status(sentence):
                found.append((status, sentence, finding))
    return found[0] if len({status for status, *_ in found}) == 1 else None


def named_concerns(findings: tuple[Item, ...], years: tuple[int, ...] = ()
                   ) -> list[tuple[str, str, Item]]:
    """The later report's sentences saying that some of the last inspection's
    recommendations remain a concern and naming which ("a number of areas for improvement
    identified during the last inspection have not been fully progressed, in particular
    ..."), as (the sentence, what it names, its finding): what follows the narrowing word
    (``NARROWED``) and the next sentence where it lists them (``ITEMS``: "These include
    ..."). Each names the concern of the recommendations its items are close to (step 13)."""
    found, wide = [], _report_wide(years)
    for finding in findings:
        said = sentences(finding.text)
        for i, sentence in enumerate(said):
            low = sentence.lower()
            if not (match := wide.search(low)) \
                    or stated_status(sentence) != "still-a-concern":
                continue
            narrowed = _NARROWED.search(low, match.end())
            named, evidence = (low[narrowed.end():] if narrowed else ""), sentence
            if i + 1 < len(said) and _ITEMS.match(said[i + 1]):  # both, as the finding says them
                start = finding.text.index(sentence)
                end = finding.text.index(said[i + 1], start) + len(said[i + 1])
                named, evidence = f"{named} {said[i + 1]}", finding.text[start:end]
            if named.strip() and (narrowed or _SOME.search(low[:match.start()])):
                found.append((evidence, named.strip(), finding))
    return found


def follow(pair: Pair) -> list[FollowThrough]:
    """What became of each of the earlier report's recommendations, in their order."""
    if not pair.recommendations:
        return []
    back, naming = _back_reference(pair), _back_reference(pair, NAMING_BACK)
    referring = [_referring_sentence(f, back) for f in pair.later_findings]
    stating = [(s, status, index, context) for index, f in enumerate(pair.later_findings)
               for s, context in _with_context(sentences(f.text))
               if (status := stated_status(s) or _remaining(s))]
    whole = report_wide(pair.later_findings, pair.earlier_years)
    named = named_concerns(pair.later_findings, pair.earlier_years)
    # what may hold back an improvement, of them all (step 18) or its own (step 24): the
    # sentences saying a shortfall, read only where some sentence says an improvement
    improvement = (whole and whole[0] == "improved") or any(
        status == "improved" for _, status, _, _ in stating)
    against = _shortfalls(pair.later_findings) if improvement else []
    # what a stating sentence is about: itself, and the sentence before where it begins
    # by pointing back to it ("This is an improvement since the last inspection.")
    context = {s: c if _POINTING.match(s) else s for s, _, _, c in stating}
    recommendations, later, findings, cues, common, plain = _vectors(
        pair, [c for *_, c in stating] + [text for _, text, _ in named] + against)
    mentions = (recommendations @ findings.T).toarray() if pair.later_findings else None
    near_cues = (recommendations @ cues.T).toarray() if stating or named or against else None
    # the same in the words that name a subject (without the common words and the cues')
    subject = (_without(recommendations, plain) @ _without(cues, plain).T).toarray() \
        if stating or named or against else None
    repeats = closest = None
    if pair.later_recommendations:
        closest = (_without(recommendations, common) @ _without(later, common).T).toarray()
        repeats = _repeats(pair, closest, mentions)
    reviewed = {item.body for item in (*pair.later_recommendations, *pair.later_findings)}
    results = []
    for row, recommendation in enumerate(pair.recommendations):
        repeated = _ranked(pair.later_recommendations, repeats, row, REPEAT_MINIMUM)
        spoken = _spoken(pair, mentions, row, referring)
        nearest = max([0.0] + [float(x) for x in (closest[row] if closest is not None else [])]
                      + [float(x) for x in (mentions[row] if mentions is not None else [])])
        linked = ({i for i, score in enumerate(mentions[row]) if score >= MENTION_MINIMUM}
                  if mentions is not None else set())
        near = [(float(near_cues[row][k]), sentence, status, pair.later_findings[index])
                for k, (sentence, status, index, _) in enumerate(stating)
                if index in linked and near_cues is not None and subject is not None
                and _close_enough(near_cues[row][k], subject[row][k], status, bool(repeated))]
        # what only a repeat makes a concern ("challenges remain in ..."), then the same
        # rules as any concern's
        near = [(c[0], c[1], "still-a-concern", c[3]) if c[2] == REMAINING else c
                for c in near if c[2] not in (REMAINING, OPEN, SHORT, RAISED) or repeated]
        # a concern needs its finding to name the earlier inspection, unless asked again
        close = _stating([c for c in near if c[2] != RAISED], recommendation, context, back,
                         None if repeated else naming)
        # and where the report names it among the last inspection's that remain (step 13)
        if named and near_cues is not None and subject is not None:
            close += _named_close(named, recommendation, near_cues[row, len(stating):],
                                  subject[row, len(stating):])
        # what the report says of them all, unless a sentence of its own says otherwise
        overall = whole if whole and all(c[2] in (whole[0], SHORT, RAISED) for c in near) else None
        if repeated:  # a concern said further from it leaves no status rather than a
            # repeat, as the labels read a remaining concern first (step 11)
            close += _stating(_remaining_further(pair, row, stating, linked, near_cues, subject),
                              recommendation, context, back, None)
            close += _against_repeat(repeated[0].item, near, recommendation, context, naming)
        if recommendation.body in reviewed:
            status, evidence, where = _status(repeated, spoken, nearest, close, overall)
            if status == "improved" \
                    and against and near_cues is not None and subject is not None \
                    and _held_back(recommendation, against, near_cues[row, -len(against):],
                                   subject[row, -len(against):]):
                # the report says it (or all) improved, but a sentence on its subject says
                # it still falls short: neither (steps 18 and 24)
                status, evidence, where = None, None, None
        else:  # made to a body (the board) whose work the later report does not review:
            # the later report may speak to it in ways no closeness finds, so no status,
            # the links alone (step 22)
            status, evidence, where = None, None, None
        results.append(FollowThrough(recommendation, pair, tuple(repeated), spoken, status,
                                     evidence, where, round(nearest, 3)))
    return results


def _against_repeat(later: Item, near: list[tuple[float, str, str, Item]],
                    recommendation: Item, context: dict[str, str], naming: re.Pattern
                    ) -> list[tuple[float, str, str, Item]]:
    """Beside a repeat, what leaves no status rather than ``repeated`` (step 22): the
    repeating later recommendation where it says itself that it was made at the last
    inspection (``NAMING_BACK``: the report marks it as not met, which readers take for a
    remaining concern, though no sentence says so in words), as ``MADE_BEFORE``; and, as
    ``AGAINST``, a sentence close to the recommendation (``near``) and on its subject
    (``on_topic``) that says it improved, whether or not it refers back or takes part of it
    back (readers read an improvement beside a later recommendation on the same subject as
    an improvement, a remaining concern or nothing, rather than a repeat)."""
    found = [(0.0, later.text, MADE_BEFORE, later)] if refers_back(later.text, naming) else []
    # a sentence on its subject saying it was asked for at the earlier inspection (step 24)
    found += [(c[0], c[1], MADE_BEFORE, c[3]) for c in near if c[2] == RAISED
              and refers_back(c[1], naming) and on_topic(context[c[1]], recommendation.text)]
    return found + [(c[0], c[1], AGAINST, c[3]) for c in near if c[2] == "improved"
                    and on_topic(context[c[1]], recommendation.text)]


def _close_enough(near: float, subject: float, status: str, repeated: bool) -> bool:
    """Whether a stating sentence is close enough to the recommendation to state its status:
    ``SENTENCE_MINIMUM`` in all its words and ``SUBJECT_MINIMUM`` in those that name a
    subject; a concern where a later recommendation repeats it (the report asks again)
    also at ``REPEAT_CONCERN_MINIMUM`` in both (step 18)."""
    if near >= SENTENCE_MINIMUM and subject >= SUBJECT_MINIMUM:
        return True
    return repeated and status in ("still-a-concern", REMAINING) \
        and near >= REPEAT_CONCERN_MINIMUM and subject >= REPEAT_CONCERN_MINIMUM


def _held_back(recommendation: Item, against: list[str], near, subject) -> bool:
    """Whether one of the sentences saying a shortfall (``_shortfalls``) is about the
    recommendation: ``WIDE_AGAINST_MINIMUM`` close, ``SUBJECT_MINIMUM`` in its subject
    words and on its subject (``on_topic``)."""
    return any(near[j] >= WIDE_AGAINST_MINIMUM and subject[j] >= SUBJECT_MINIMUM
               and on_topic(text, recommendation.text) for j, text in enumerate(against))


def _named_close(named: list[tuple[str, str, Item]], recommendation: Item, near, subject
                 ) -> list[tuple[float, str, str, Item]]:
    """Of ``named_concerns``, as concerns, those whose named items are about the
    recommendation: as close as a stating sentence (``SENTENCE_MINIMUM``,
    ``SUBJECT_MINIMUM``) and on its subject (``on_topic``)."""
    return [(float(near[j]), evidence, "still-a-concern", finding)
            for j, (evidence, text, finding) in enumerate(named)
            if near[j] >= SENTENCE_MINIMUM and subject[j] >= SUBJECT_MINIMUM
            and on_topic(text, recommendation.text)]


def _remaining_further(pair: Pair, row: int, stating: list, linked: set[int], near_cues,
                       subject) -> list[tuple[float, str, str, Item]]:
    """Beside a repeat: the sentences of linked findings that say a concern remains (the
    concern cues of ``STATUS_CUES`` or ``REPEAT_CONCERN_CUES``) but are not close enough to
    state it (``SENTENCE_MINIMUM``, ``SUBJECT_MINIMUM``), as ``FURTHER``: on the
    recommendation's subject (``_stating``), they leave no status rather than ``repeated``
    or an improvement (step 11)."""
    return [(float(near_cues[row][k]), sentence, FURTHER, pair.later_findings[index])
            for k, (sentence, status, index, _) in enumerate(stating)
            if index in linked and status in ("still-a-concern", REMAINING)
            and not (near_cues[row][k] >= SENTENCE_MINIMUM and subject[row][k] >= SUBJECT_MINIMUM)]


# Words nearly every recommendation uses, whatever it asks for: left out when comparing
# recommendations, so that "the consistency of supervision" and "the consistency of
# assessments" do not meet on "consistency".
COMMON_WORDS = frozenset(
    "quality consistency consistent consistently ensure improve improvement effective "
    "effectiveness effectively timely timeliness children child young people social work "
    "worker workers practice service services including particular particularly".split())


# Words that join a clause that takes something back: "has improved, although...". A
# sentence that begins "However," sets itself against the one before, not within.
CONTRAST = r"\b(?:although|though|but|however|despite|whereas|while|yet)\b"
_CONTRAST, _LEADING = re.compile(CONTRAST), re.compile(r"\s*however,?\s*")


# A sentence that opens against the one before ("However, ...", "But ..."): it takes part
# of that one back, as a contrast within a sentence does (``mixed``; step 18).
TAKING_BACK = r"\s*(?:however|but|nevertheless|nonetheless|even so|despite this)\b"
_TAKING_BACK = re.compile(TAKING_BACK)


def shortfall(sentence: str, following: str | None = None) -> bool:
    """Whether a sentence says that something still falls short: a concern cue
    (``STATUS_CUES``, ``REPEAT_CONCERN_CUES``), or an improvement that it takes back in
    part (``mixed``) or that the sentence ``following`` it takes back ("... has improved
    since the last inspection. However, managers are still struggling to ...")."""
    low = sentence.lower()
    if _CONCERN.search(low) or _REPEAT_CONCERN.search(low):
        return True
    return _IMPROVED.search(low) is not None and (
        mixed(sentence) or (following is not None and _TAKING_BACK.match(following.lower())
                            is not None))


def _shortfalls(findings: tuple[Item, ...]) -> list[str]:
    """The findings' sentences that say a shortfall (``shortfall``), each as it is compared
    (with the sentence before where it begins by pointing back)."""
    found = []
    for finding in findings:
        said = sentences(finding.text)
        for i, (sentence, context) in enumerate(_with_context(said)):
            if shortfall(sentence, said[i + 1] if i + 1 < len(said) else None):
                found.append(context if _POINTING.match(sentence) else sentence)
    return found


def mixed(sentence: str) -> bool:
    """Whether a sentence takes back part of what it says ("has improved since the last
    inspection, but is still variable"): such a sentence never states an improvement."""
    low = sentence.lower()
    return _CONTRAST.search(low[len(m.group()) if (m := _LEADING.match(low)) else 0:]) is not None


# Stems of the cues' own words and of words that grade rather than name ("highly
# inconsistent", "high-quality"), which say nothing of a subject.
_CUE_STEMS = frozenset("improv remain still progress address resolv tackl strengthen continu "
                       "inconsist variabl weak poor concern area develop high good well "
                       "strong robust clear full better best appropri".split())
# A sentence that begins by pointing back, after a word that joins it to the one before
# or not ("However, this work is not always completed ...", step 24).
POINTING = (r"(?:(?:however|but|and|yet|nevertheless|nonetheless|equally),?\s+)?"
            r"(?:this|these|that|those|it|they|such)\b")
_POINTING = re.compile(POINTING, re.IGNORECASE)


def on_topic(sentence: str, recommendation: str) -> bool:
    """Whether a sentence names something the recommendation asks about: at least
    ``TOPIC_WORDS`` word stems of both that are neither words nearly every recommendation
    uses (``COMMON_WORDS``) nor a cue's. A recommendation with no such word of its own
    ("improve core social work practice") cannot be checked so, and any sentence passes."""
    analyse, left = _topic_words()
    own = set(analyse(recommendation)) - left
    return not own or len(own & set(analyse(sentence))) >= min(TOPIC_WORDS, len(own))


@cache
def _topic_words() -> tuple[Callable[[str], list[str]], frozenset[str]]:
    """The stemmer, and the stems that name no subject."""
    from .links import _analyser

    analyse = _analyser()
    return analyse, frozenset({s for w in COMMON_WORDS for s in analyse(w)} | _CUE_STEMS)


def _with_context(found: list[str]) -> list[tuple[str, str]]:
    """Each sentence, with the text it is compared by: itself and the sentence before it
    ("This was an area for improvement at the last inspection" names its subject there)."""
    return [(s, f"{found[i - 1]} {s}" if i else s) for i, s in enumerate(found)]


def _vectors(pair: Pair, extra: list[str]):
    """TF-IDF vectors (rows of unit length, so a product is a cosine) fitted on the pair's
    recommendations and findings: of the earlier recommendations, the later ones, the later
    findings and ``extra`` texts; the columns of the ``COMMON_WORDS``; and the columns of
    every stem that names no subject (those and the cues' words, ``on_topic``)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from .links import _analyser

    analyse = _analyser()
    groups = [[i.text for i in group] for group in
              (pair.recommendations, pair.later_recommendations, pair.later_findings)]
    vectoriser = TfidfVectorizer(analyzer=analyse, sublinear_tf=True)
    fitted = vectoriser.fit_transform([t for group in groups for t in group])
    out, start = [], 0
    for group in groups:
        out.append(fitted[start:start + len(group)])
        start += len(group)
    out.append(vectoriser.transform(extra) if extra else None)
    vocabulary = vectoriser.vocabulary_
    out.append(sorted({vocabulary[s] for w in COMMON_WORDS for s in analyse(w) if s in vocabulary}))
    out.append(sorted({vocabulary[s] for s in _topic_words()[1] if s in vocabulary}))
    return out


def _without(vectors, columns: list[int]):
    """``vectors`` without those columns' weights, each row of unit length again (the same
    as vectors fitted without those words: a word's IDF does not depend on the others)."""
    from sklearn.preprocessing import normalize

    kept = vectors.tolil(copy=True)
    kept[:, columns] = 0
    return normalize(kept.tocsr())


def _vectoriser(pair: Pair):
    """Text -> TF-IDF vectors fitted on every text of the pair (for scripts)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [i.text for i in (*pair.recommendations, *pair.later_recommendations,
                              *pair.later_findings)]
    from .links import _analyser

    vectoriser = TfidfVectorizer(analyzer=_analyser(), sublinear_tf=True)
    vectoriser.fit(texts)
    return vectoriser.transform


def _stating(near: list[tuple[float, str, str, Item]], recommendation: Item,
             context: dict[str, str], back: re.Pattern, naming: re.Pattern | None
             ) -> list[tuple[float, str, str, Item]]:
    """Of the stating sentences close to a recommendation, those that may give it a
    status: about its subject in their own words (``on_topic``, with the sentence before
    where they point back to it); a concern cue speaks of time itself ("remains", "still",
    "has stalled"), but only in a finding that names the earlier inspection or the time
    since (``NAMING_BACK``: "there remain deficits" alone may be news); an improvement must
    refer back itself ("has improved since the last inspection") and not take part of it
    back ("..., but is still variable")."""
    return [c for c in near if on_topic(context[c[1]], recommendation.text)
            and ((naming is None or refers_back(c[3].text, naming))
                 if c[2] in ("still-a-concern", OPEN, FURTHER, SHORT)
                 else refers_back(c[1], back) and not mixed(c[1]))]


def _repeats(pair: Pair, closest, mentions):
    """Each (earlier, later recommendation)'s repeat score where the later one repeats the
    earlier, else 0: the mean of their own words' similarity (``closest``) and the earlier
    recommendation's similarity to the best of the later report's findings that support
    the later recommendation (the report's own links: a repeat asks again about what the
    later report found). Only where the two are each other's best (one to one) by at least
    ``REPEAT_MARGIN`` over the next later and the next earlier recommendation (step 15),
    their words at least ``REPEAT_TEXT_MINIMUM`` alike and the score at least
    ``REPEAT_MINIMUM``."""
    import numpy as np

    graph = np.zeros_like(closest)
    if mentions is not None:
        column = {item.iri: k for k, item in enumerate(pair.later_findings)}
        for j, later in enumerate(pair.later_recommendations):
            found = [column[f] for f, r in pair.supports if r == later.iri and f in column]
            if found:
                graph[:, j] = mentions[:, found].max(axis=1)
    score = (closest + graph) / 2
    best = (score >= score.max(axis=0, keepdims=True)) & (score >= score.max(axis=1, keepdims=True))
    clear = (score - _runner_up(score, 0) >= REPEAT_MARGIN) \
        & (score - _runner_up(score, 1) >= REPEAT_MARGIN)
    return score * (best & clear & (closest >= REPEAT_TEXT_MINIMUM))


def _runner_up(score, axis: int):
    """The second highest score of each column (``axis`` 0) or row (1), 0 where there is
    none: how far a best match stands above the next candidate."""
    import numpy as np

    if score.shape[axis] < 2:
        return np.zeros_like(score)
    return np.sort(score, axis=axis).take([-2], axis=axis)


def _referring_sentence(finding: Item, back) -> str | None:
    for sentence in sentences(finding.text):
        if refers_back(sentence, back):
            return sentence
    return None


def _spoken(pair: Pair, mentions, row: int, referring: list[str | None]) -> tuple[Link, ...]:
    """The later findings closest to the recommendation, raised where they refer back."""
    if mentions is None:
        return ()
    boosted = mentions[row] + [BACK_REFERENCE_BOOST if s else 0.0 for s in referring]
    boosted[mentions[row] < MENTION_MINIMUM] = 0.0  # the boost ranks links, never makes one
    boosted[boosted < NEAR_BEST * boosted.max()] = 0.0
    return tuple(
        Link(link.item, link.score, referring[pair.later_findings.index(link.item)])
        for link in _ranked(pair.later_findings, boosted[None, :], 0, MENTION_MINIMUM))


def _ranked(items: tuple[Item, ...], scores, row: int, minimum: float) -> list[Link]:
    """The items scoring at least ``minimum`` on ``row``, best first (ties by number)."""
    if scores is None:
        return []
    pairs = [(round(float(scores[row][i]), 3), item) for i, item in enumerate(items)]
    chosen = sorted((p for p in pairs if p[0] >= minimum),
                    key=lambda p: (-p[0], p[1].body, p[1].number, p[1].iri))
    return [Link(item, score) for score, item in chosen[:MOST_LINKS]]


def _status(repeated: list[Link], spoken: tuple[Link, ...], nearest: float,
            close: list[tuple[float, str, str, Item]],
            whole: tuple[str, str, Item] | None = None
            ) -> tuple[str | None, str | None, Item | None]:
    """The status the later report supports, its sentence and where it stands. ``close``:
    the linked findings' sentences that state a status and are close to the recommendation
    (score, sentence, status, finding); when they disagree none is taken."""
    found: dict[str, tuple[str, Item]] = {}
    # still to do (step 9), or a concern said further from it (step 11), or a shortfall
    # said now (step 20), or an improvement or a later recommendation made before (step
    # 22), beside a repeat: neither a repeat (nor, but the first, an improvement)
    further = any(c[2] in (FURTHER, SHORT) for c in close)
    against = any(c[2] == AGAINST for c in close)
    still_open = further or against or any(c[2] in (OPEN, MADE_BEFORE) for c in close)
    close = [c for c in close if c[2] not in (OPEN, FURTHER, SHORT, AGAINST, MADE_BEFORE)
             and not (further and c[2] == "improved")]
    if against and len({c[2] for c in close}) == 1:  # an improvement beside a repeat is not
        # given, but still disagrees with a concern (step 22)
        close = [c for c in close if c[2] != "improved"]
    whole = None if (further or against) and whole and whole[0] == "improved" else whole
    if len({status for _, _, status, _ in close}) == 1:
        _, sentence, status, item = max(close, key=lambda c: (c[0], -c[3].number))
        found[status] = (sentence, item)
    elif whole and not close:  # no sentence of its own: what the report says of them all
        found[whole[0]] = whole[1:]
    if repeated and not still_open:
        found["repeated"] = (repeated[0].item.text, repeated[0].item)
    for status in _STATUS_ORDER:
        if status in found:
            return status, *found[status]
    if not spoken and not repeated and nearest < NOT_MENTIONED_MAXIMUM:
        return "not-mentioned", None, None
    return None, None, None
