"""Follow-through: each recommendation followed into the authority's next inspection
(ingest/enrich/followthrough.py, the store's follow-through graph, its queries and shapes)."""

import json
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest

from ingest.enrich.followthrough import (
    BACK_REFERENCE,
    NOT_MENTIONED_MAXIMUM,
    STATUS_CUES,
    Item,
    Pair,
    follow,
    mixed,
    on_topic,
    shortfall,
    stated_status,
)
from ingest.store.names import FOLLOW_THROUGH

DATA = Path(__file__).resolve().parent / "data"
F2014, F2017, F2021 = (DATA / f"fernley-{year}.md" for year in (2014, 2017, 2021))
INSPECTION = "https://w3id.org/ofsted-kg/id/inspection/fernley/"

# One sentence a report might print for each cue of the table, and the status it states.
CUE_EXAMPLES = [
    ("Supervision has not improved since the last inspection.", "still-a-concern"),
    ("This recommendation has not yet been fully addressed.", "still-a-concern"),
    ("There has been limited progress in the quality of plans.", "still-a-concern"),
    ("Progress in this area is slow.", "still-a-concern"),
    ("Case recording remains an area for improvement.", "still-a-concern"),
    ("The quality of plans remains too variable.", "still-a-concern"),
    ("Caseloads are still too high in the assessment teams.", "still-a-concern"),
    ("Oversight continues to be inconsistent.", "still-a-concern"),
    ("Oversight has been an area for improvement since 2018.", "still-a-concern"),
    ("Health assessments have been poor for a considerable period of time.", "still-a-concern"),
    ("Services for care leavers have deteriorated since the last inspection.", "still-a-concern"),
    ("As found at the last inspection, plans lack timescales.", "still-a-concern"),
    ("Return home interviews have improved since the last inspection.", "improved"),
    ("Management oversight has been strengthened since 2017.", "improved"),
    ("Significant progress has been made in the quality of assessments.", "improved"),
    ("Improvements have been made to the local offer.", "improved"),
    ("The quality of plans has improved since the previous inspection.", "improved"),
    ("Audits remain inconsistent.", "still-a-concern"),
    ("Oversight has not significantly improved since the last inspection.", "still-a-concern"),
    ("Social work capacity has not been adequately addressed since 2018.", "still-a-concern"),
    ("There has not been enough done to improve pathway plans.", "still-a-concern"),
    ("There are still delays in securing permanence for some children.", "still-a-concern"),
    ("Private fostering still requires attention.", "still-a-concern"),
    ("Delay in permanence remains an issue in current practice.", "still-a-concern"),
    ("Case recording has been an area for improvement since the last inspection.",
     "still-a-concern"),
    ("Leaders have successfully addressed the weaknesses in the front door.", "improved"),
    ("Since the last inspection, there has been an improvement in pathway plans.", "improved"),
    ("This is a significant improvement since the last inspection.", "improved"),
    ("There remain significant inconsistencies in the quality of plans.", "still-a-concern"),
]


@pytest.mark.parametrize(("sentence", "status"), CUE_EXAMPLES)
def test_each_cue_states_its_status(sentence, status):
    assert stated_status(sentence) == status


def test_every_cue_of_the_table_has_an_example():
    import re

    for pattern, status in STATUS_CUES:
        assert any(re.search(pattern, s.lower()) and st == status for s, st in CUE_EXAMPLES), \
            pattern


@pytest.mark.parametrize("sentence", [
    "Children remain safe with their families.",
    "Social workers continue to visit children regularly.",
    "Children's outcomes improve when they enter care.",
    "Leaders have a strong grip on performance.",
    "Most children remain living at home.",
])
def test_words_that_only_look_like_a_status_state_none(sentence):
    assert stated_status(sentence) is None


def test_a_report_wide_sentence_speaks_for_every_recommendation_with_none_of_its_own():
    said = "All areas for improvement identified at the last inspection remain areas for " \
        "improvement, with further deterioration in some seen at this inspection."
    first, second = follow(a_pair(["The quality of pathway plans."], [*FINDINGS[:1], said]))
    assert first.status == second.status == "still-a-concern"
    assert first.evidence == said and first.evidence_item.number == 2


@pytest.mark.parametrize("said", [
    "Most areas for improvement identified at the last inspection have been acted on.",
    "A number of recommendations from the previous inspection remain incomplete.",
    "Senior managers have tackled the weaknesses identified at the last inspection in respect "
    "of private fostering.",
    "Leaders have responded well to the areas for improvement identified at the last inspection.",
])
def test_a_sentence_about_some_recommendations_or_stating_nothing_gives_them_no_status(said):
    _, second = follow(a_pair(["The quality of pathway plans."], [*FINDINGS[:1], said]))
    assert second.status == "not-mentioned" and second.evidence is None


@pytest.mark.parametrize(("said", "status"), [
    ("A number of areas for improvement from the last inspection still require attention. "
     "These include the take-up of return interviews and the use of what children say to "
     "reduce the risk of exploitation.", "still-a-concern"),
    # the earlier inspection named by its year
    ("Many of the shortfalls identified in 2014 have not been resolved. These include the "
     "take-up of return interviews and the use of what children say to reduce the risk of "
     "exploitation.", "still-a-concern"),
    # what it names is something else
    ("A number of areas for improvement from the last inspection still require attention. "
     "These include the sufficiency of foster carers and the timeliness of adoption.", None),
    # some are said to be done: no concern (an improvement, as any close sentence says)
    ("Several recommendations from the previous inspection have been addressed, in particular "
     "the take-up of return interviews and the use of what children say to reduce the risk of "
     "exploitation.", "improved"),
])
def test_a_sentence_naming_some_recommendations_that_remain_a_concern_speaks_for_those(said,
                                                                                      status):
    """Step 13: a sentence saying that some of the last inspection's recommendations remain
    a concern gives the concern to those whose subject it names (after "in particular",
    "such as"... or in the next sentence, "These include ..."), with both sentences as its
    evidence; not to the others, and not where it says they were done."""
    first, second = follow(a_pair([], [FINDINGS[0], said]))
    assert first.status == status or not status and first.status != "still-a-concern"
    assert first.evidence == (said if status else None)
    assert second.status != "still-a-concern"


def test_a_sentence_of_its_own_overrides_what_is_said_of_them_all():
    said = "All of the recommendations from the previous inspection have been tackled with vigour."
    own = "Children who go missing are offered a return interview. Since the last inspection " \
        "the take-up of return interviews has stalled, and what children say is not used to " \
        "reduce the risk of exploitation."
    first, second = follow(a_pair(["The quality of pathway plans."], [own, said]))
    assert first.status == "still-a-concern" and "stalled" in first.evidence
    assert second.status == "improved" and second.evidence == said


# A finding on the return interviews of recommendation 1: an improvement, less close to
# it than a stating sentence must be, and taken back in part by the next sentence.
TAKEN_BACK = "Commissioning functions and the offer to children who go missing have improved " \
    "since the last inspection, with a wide range of good-quality provision to suit the needs " \
    "of children and families."


@pytest.mark.parametrize(("own", "status"), [
    (f"{TAKEN_BACK} However, managers are still struggling to reach a very small number of "
     "children.", None),
    ("Children who go missing are offered a return interview. The take-up of return "
     "interviews has improved but is still too low.", None),
    (TAKEN_BACK, "improved"),  # nothing taken back: what the report says of them all
    (f"{TAKEN_BACK} Managers are reaching a very small number of children too.", "improved"),
])
def test_a_shortfall_on_its_subject_holds_back_a_report_wide_improvement(own, status):
    """Step 18: where the report says that all the last inspection's recommendations were
    dealt with, but a sentence on one's subject says it still falls short (a concern cue,
    or an improvement taken back in part, in the sentence or by the next "However, ..."),
    that one gets no status; the others keep the improvement."""
    said = "All of the recommendations from the previous inspection have been tackled with vigour."
    first, second = follow(a_pair(["The quality of pathway plans."], [own, said, FINDINGS[2]]))
    assert first.status == status and first.evidence == (said if status else None)
    assert first.spoken_to_in  # the links stay
    assert second.status == "improved" and second.evidence == said


@pytest.mark.parametrize(("sentence", "following", "falls_short"), [
    ("Take-up of return interviews remains too low.", None, True),
    ("Delays remain in the completion of assessments.", None, True),
    ("Return interviews have improved, but take-up varies.", None, True),
    ("Return interviews have improved since 2014.", "However, take-up is low.", True),
    ("Return interviews have improved since 2014.", "But take-up is low.", True),
    ("Return interviews have improved since 2014.", "Take-up is high.", False),
    ("Return interviews have improved since 2014.", None, False),
    ("Return interviews are offered within three days.", "However, take-up is low.", False),
])
def test_a_shortfall_is_a_concern_or_an_improvement_taken_back(sentence, following, falls_short):
    assert shortfall(sentence, following) is falls_short


# a later recommendation that asks again for what the earlier one (on return interviews)
# asked, and one that asks for something else
ASKED_AGAIN = ("Offer every child who goes missing from home a return interview and use what "
               "children say to reduce the risk of exploitation.")


def asked_again_and_not(findings: list[str]) -> tuple:
    """The earlier recommendation followed into a later report of these findings whose
    recommendation asks for it again, and into one whose recommendation does not."""
    again, _ = follow(a_pair([ASKED_AGAIN], findings))
    alone, _ = follow(a_pair(["Publish the fostering panel's report."], findings))
    return again, alone


@pytest.mark.parametrize(("named", "status"), [
    ("The take-up of return interviews has stalled", None),  # may be news of this inspection
    ("Return interviews, offered since the last inspection, have stalled", "still-a-concern"),
])
def test_a_concern_is_read_only_where_its_finding_names_the_earlier_inspection(named, status):
    own = f"{named}, and what children say is not used to reduce the risk of exploitation."
    first, _ = follow(a_pair(["The quality of pathway plans."], [own]))
    assert first.status == status
    # a later recommendation that asks again needs no naming back for its concern
    first, _ = follow(a_pair([ASKED_AGAIN], [own]))
    assert first.repeated_by and first.status == "still-a-concern"


@pytest.mark.parametrize(("said", "status"), [
    # the subject before the verb: beside a repeat, the concern remains
    ("However, challenges remain in ensuring that return interviews reduce the risk of "
     "exploitation.", "still-a-concern"),
    # ... or said to go on (step 13)
    ("Leaders understand the ongoing challenges in making return interviews reduce the risk "
     "of exploitation.", "still-a-concern"),
    # what is still to do: beside a repeat, neither a concern nor a repeat for sure
    ("More work is needed to ensure that return interviews reduce the risk of exploitation.",
     None),
    # ... unless what is still to do is said to remain: the concern remains (step 13)
    ("There remains more work to do to ensure that return interviews reduce the risk of "
     "exploitation.", "still-a-concern"),
    ("Leaders know there is more work still to do to ensure that return interviews reduce the "
     "risk of exploitation.", "still-a-concern"),
    # without a repeat neither states anything
])
def test_beside_a_repeat_a_sentence_saying_the_concern_remains_comes_first(said, status):
    own = f"Children who go missing are offered a return interview. {said}"
    first, alone = asked_again_and_not([own])
    assert first.repeated_by and first.status == status
    assert first.evidence == (said if status else None)
    assert not alone.repeated_by and alone.status is None


@pytest.mark.parametrize("first", [
    "Children who go missing are offered a return interview.",
    # an improvement close to it does not outweigh the concern further on
    "Return interviews have improved since the last inspection and what children say now "
    "informs plans to reduce the risk of exploitation.",
])
def test_beside_a_repeat_a_concern_further_from_it_leaves_no_status(first):
    """A linked finding's sentence on the recommendation's subject that says a concern
    remains, too far from it to state it, leaves the links alone rather than ``repeated``
    or ``improved`` (step 11); without the repeat it states nothing (an improvement beside
    it is held back, step 24)."""
    own = f"{first} Foster carers are well supported by their supervising social workers. " \
        "Interviews are still not always recorded."
    result, alone = asked_again_and_not([own])
    assert result.repeated_by and result.status is None and result.evidence is None
    # without the repeat, the concern on its subject holds the improvement back (step 24)
    assert alone.status is None and alone.spoken_to_in


@pytest.mark.parametrize(("said", "status"), [
    # 0.18 close, 0.17 in the words that name a subject: beside a repeat, a concern
    ("Leaders recognise that return interviews are still not always offered to older "
     "children in care.", "still-a-concern"),
    # 0.16 and 0.14: further, it leaves no status (step 11)
    ("Leaders recognise that return interviews are still not always offered to older "
     "children in care and care leavers.", None),
])
def test_beside_a_repeat_a_concern_needs_to_be_less_close_to_state_it(said, status):
    """Step 18: where a later recommendation asks again, a sentence on the subject saying
    that the concern remains states it at ``REPEAT_CONCERN_MINIMUM`` (0.15) in all its words
    and in those that name a subject, below ``SENTENCE_MINIMUM``; without the repeat it
    states nothing (its finding names no earlier inspection, and it is not close enough)."""
    own = f"Foster carers are well supported by their supervising social workers. {said}"
    result, alone = asked_again_and_not([own])
    assert result.repeated_by and result.status == status
    assert result.evidence == (said if status else None)
    assert alone.status is None


@pytest.mark.parametrize(("sentence", "back"), [
    ("Fewer children now remain in care for long.", False),  # ... of place, not of time
    ("Children cannot remain in the care of their parents.", False),
    ("Children remain living with their families.", False),
    ("Young people remain with foster carers after 18.", False),
    ("Return interviews remain too infrequent.", True),
    ("Oversight remains a strength.", True),
])
def test_remain_refers_back_only_of_time(sentence, back):
    from ingest.enrich.followthrough import _back_reference, refers_back

    pair = a_pair([], [])
    assert refers_back(sentence, _back_reference(pair, BACK_REFERENCE)) is back


def item(kind: str, number: int, text: str, year: str = "2017") -> Item:
    return Item(f"{INSPECTION}{year}/{kind}/{number}", number, "local-authority", text)


def a_pair(later_recommendations: list[str], findings: list[str]) -> Pair:
    earlier = (
        item("recommendation", 1, "Offer every child who goes missing from home a return "
             "interview and use what children say to reduce the risk of exploitation.", "2014"),
        item("recommendation", 2, "Publish the fostering panel's annual report on the "
             "council website.", "2014"),
    )
    return Pair(f"{INSPECTION}2014", f"{INSPECTION}2017", (2014,), earlier,
                tuple(item("recommendation", i, t) for i, t in enumerate(later_recommendations, 1)),
                tuple(item("finding", i, t) for i, t in enumerate(findings, 1)))


FINDINGS = [
    "Early help is offered quickly to families who ask for it.",
    "Children who go missing are offered a return interview within three days. Return "
    "interviews have improved since the last inspection and what children say now informs "
    "plans to reduce the risk of exploitation.",
    "Foster carers are well supported by their supervising social workers.",
]


def test_a_sentence_that_says_so_gives_the_status_and_is_kept():
    first, second = follow(a_pair(["The quality of pathway plans."], FINDINGS))
    assert first.status == "improved"
    assert first.evidence.startswith("Return interviews have improved since the last")
    assert first.evidence_item.number == 2
    assert first.spoken_to_in[0].item.number == 2
    assert first.spoken_to_in[0].sentence.startswith("Return interviews have improved")
    # "fostering panel" meets "foster carers" (0.11): too far to link, too near to say
    # that nothing speaks to it (NOT_MENTIONED_MAXIMUM)
    assert second.status is None and not second.spoken_to_in


def test_a_recommendation_nothing_comes_near_is_not_mentioned():
    _, second = follow(a_pair([], FINDINGS[:2]))
    assert second.nearest < NOT_MENTIONED_MAXIMUM
    assert second.status == "not-mentioned" and second.evidence is None


@pytest.mark.parametrize(("said", "status"), [
    # close through "quality", "practice", "children"; of its subject only "school"
    ("The quality of practice with children in school has improved since the last "
     "inspection.", None),
    ("The virtual school now measures the impact of pupil premium spending, which has "
     "improved since the last inspection.", "improved"),
])
def test_a_sentence_must_be_close_in_the_words_that_name_the_subject(said, status):
    asked = item("recommendation", 1, "Ensure the quality of practice with children, and that "
                 "the virtual school measures the impact of pupil premium spending on "
                 "attainment, attendance, exclusions, tuition and careers advice.", "2014")
    other = "Schools and the school nurses work well with early help."
    pair = replace(a_pair([], [FINDINGS[0], other, said]), recommendations=(asked,))
    assert follow(pair)[0].status == status


def board(number: int, text: str, year: str, kind: str = "recommendation") -> Item:
    return Item(f"{INSPECTION}{year}/{kind}/lscb-{number}", number, "lscb", text)


def test_a_recommendation_to_a_body_the_later_report_does_not_review_has_no_status():
    """The board's recommendations followed into a report with no board section: no status,
    the links alone, even where nothing of the later report comes near it (step 22: the
    later report speaks to a board's recommendation in ways closeness does not find, and
    readers gave links where the tool said `not-mentioned`); nor where it is asked again."""
    pair = a_pair([], FINDINGS)
    unrelated = board(3, "Publish the board's annual report on its website.", "2014")
    (result,) = follow(replace(pair, recommendations=(unrelated,)))
    assert not result.spoken_to_in and result.nearest < NOT_MENTIONED_MAXIMUM
    assert result.status is None and result.evidence is None
    loosely = board(2, "Audit how partner agencies record the help offered to children who "
                    "go missing.", "2014")
    (result,) = follow(replace(pair, recommendations=(loosely,)))
    assert result.spoken_to_in and result.status is None and result.evidence is None
    to_board = board(1, "Check that every partner offers a return interview to children who "
                     "go missing.", "2014")
    (result,) = follow(replace(pair, recommendations=(to_board,)))
    assert result.spoken_to_in and result.status is None
    again = "Check that every partner offers a return interview to children who go missing."
    (result,) = follow(replace(pair, recommendations=(to_board,),
                               later_recommendations=(item("recommendation", 1, again),)))
    assert result.repeated_by and result.status is None
    # a later report that reviews the board follows it as any other
    meets = board(9, "The board meets.", "2017", "finding")
    reviewed = replace(pair, recommendations=(to_board,),
                       later_findings=(*pair.later_findings, meets))
    assert follow(reviewed)[0].status == "improved"


def test_a_later_recommendation_asking_again_is_a_repeat():
    again = "Offer a return interview to every child who goes missing from home, and use " \
            "what children say to reduce the risk of exploitation."
    findings = ["Children who go missing are offered a return interview.", *FINDINGS[2:]]
    first, _ = follow(a_pair(["The quality of pathway plans.", again], findings))
    assert first.status == "repeated"
    assert [link.item.number for link in first.repeated_by] == [2]
    assert first.evidence == again


def test_a_recommendation_in_other_words_repeats_where_the_later_report_gives_its_reasons():
    # few words in common with the earlier recommendation, but the later report links it to
    # the finding that speaks to the earlier one: asked again, in other words
    again = "Strengthen the help given to children who go missing from home, so that " \
        "leaders understand why they leave and act on the risk of exploitation."
    findings = [FINDINGS[0], "Children who go missing from home are seldom offered a "
                "return interview, and what they say is not used to reduce the risk of "
                "exploitation.", *FINDINGS[2:]]
    alone = a_pair(["The quality of pathway plans.", again], findings)
    assert follow(alone)[0].repeated_by == ()
    linked = replace(alone, supports=((f"{INSPECTION}2017/finding/2",
                                       f"{INSPECTION}2017/recommendation/2"),))
    first, second = follow(linked)
    assert first.status == "repeated" and [link.item.number for link in first.repeated_by] == [2]
    assert second.repeated_by == ()  # one to one: the later recommendation repeats one


def test_a_later_recommendation_repeats_only_the_one_it_is_closest_to_both_ways():
    again = "Offer a return interview to every child who goes missing from home, and use " \
            "what children say to reduce the risk of exploitation."
    pair = a_pair([again], FINDINGS)
    both = replace(pair, recommendations=(*pair.recommendations, item(
        "recommendation", 3, "Offer a return interview to every child who goes missing.", "2014")))
    results = follow(both)
    assert [bool(r.repeated_by) for r in results] == [True, False, False]


def test_a_repeat_stands_clearly_above_the_next_candidate_both_ways():
    # two later recommendations, or two earlier ones, as close as each other: which one
    # asks again is not clear, and a wrong repeat is worse than none (step 15)
    one = "Offer every child who goes missing from home a return interview in person."
    other = "Offer every child who goes missing from home a return interview by phone."
    first, _ = follow(a_pair([one], FINDINGS))
    assert [link.item.number for link in first.repeated_by] == [1]
    first, _ = follow(a_pair([one, other], FINDINGS))
    assert first.repeated_by == () and first.status != "repeated"
    pair = a_pair([one], FINDINGS)
    twin = replace(pair, recommendations=(*pair.recommendations, item(
        "recommendation", 3, "Offer every child who goes missing from home a return "
        "interview and use what children say to reduce the risk of harm.", "2014")))
    assert [r.repeated_by for r in follow(twin)] == [(), (), ()]


@pytest.mark.parametrize("sentence", [
    "Return interviews have improved since the last inspection, but take-up varies.",
    "Although return interviews have improved since the last inspection, take-up varies.",
])
def test_a_sentence_that_takes_back_part_of_an_improvement_states_none(sentence):
    assert mixed(sentence)
    first, _ = follow(a_pair(["The quality of pathway plans."], [
        f"Children who go missing are offered a return interview. {sentence}", *FINDINGS[2:]]))
    assert first.status is None and first.spoken_to_in


@pytest.mark.parametrize("sentence", [
    "Although audits have improved, they remain inconsistent.",
    "The timeliness of health checks has improved but is still poor.",
    "Pathway plans are still too variable, although they have improved since 2014.",
])
def test_a_sentence_stating_an_improvement_and_a_remaining_shortfall_states_neither(sentence):
    # labellers of two authorities' pairs gave such a sentence no status of its own (step 15)
    assert stated_status(sentence) is None


@pytest.mark.parametrize("said", [
    # an improvement taken back in part (step 15 left the repeat; step 22 no status)
    "Although return interviews have improved since the last inspection, take-up varies.",
    # an improvement that refers back, which alone states `improved`
    "Return interviews have improved since the last inspection.",
    # one that does not refer back, which alone states nothing
    "The new return interview service has improved the help children receive.",
])
def test_beside_a_repeat_an_improvement_on_its_subject_leaves_no_status(said):
    """Step 22: where a later recommendation asks again, a linked finding's sentence close
    to the recommendation and on its subject that says it improved leaves neither
    ``repeated`` nor ``improved``: the links alone (readers read an improvement beside a
    later recommendation on the same subject, or no status, not a repeat)."""
    again = "Offer a return interview to every child who goes missing from home, and use " \
            "what children say to reduce the risk of exploitation."
    findings = [f"Children who go missing are offered a return interview. {said}", *FINDINGS[2:]]
    first, _ = follow(a_pair(["The quality of pathway plans.", again], findings))
    assert first.repeated_by and first.status is None and first.evidence is None
    alone, _ = follow(a_pair(["The quality of pathway plans."], findings))
    assert alone.spoken_to_in and not alone.repeated_by
    if stated_status(said) == "improved" and not mixed(said) and "since" in said:
        # one that would state it still disagrees with a concern on its subject: neither
        both = [f"Children who go missing are offered a return interview. {said} Return "
                "interviews for children who go missing remain too late.", *FINDINGS[2:]]
        first, _ = follow(a_pair(["The quality of pathway plans.", again], both))
        assert first.repeated_by and first.status is None
    # an improvement on another subject leaves the repeat
    other = ["Children who go missing are offered a return interview. Foster carers' "
             "training has improved since the last inspection.", *FINDINGS[2:]]
    first, _ = follow(a_pair(["The quality of pathway plans.", again], other))
    assert first.status == "repeated" and first.evidence == again


def test_a_later_recommendation_saying_it_was_made_before_leaves_no_status():
    """Step 22: a later recommendation that says itself it was a recommendation at the last
    inspection (the report marks it as not met) is a repeat (the link stays) but gives no
    status: readers take it for a remaining concern, though no sentence says so."""
    again = "Offer a return interview to every child who goes missing from home, and use " \
            "what children say to reduce the risk of exploitation."
    findings = ["Children who go missing are offered a return interview.", *FINDINGS[2:]]
    first, _ = follow(a_pair([again], findings))
    assert first.status == "repeated"
    marked = f"{again} (This was a recommendation at the last inspection.)"
    first, _ = follow(a_pair([marked], findings))
    assert [link.item.text for link in first.repeated_by] == [marked]
    assert first.status is None and first.evidence is None


def test_however_at_the_start_sets_a_sentence_against_the_one_before():
    assert not mixed("However, return interviews have improved since the last inspection.")


def test_a_stating_sentence_must_name_the_recommendation_s_subject():
    # close to the recommendation with the sentence before it, but about something else
    said = "As a result, practice remains highly inconsistent in some parts of the service."
    first, _ = follow(a_pair(["The quality of pathway plans."], [
        f"Children who go missing are offered a return interview. {said}", *FINDINGS[2:]]))
    assert first.status is None and first.spoken_to_in
    # a sentence that points back ("This...") is read with the sentence before it
    assert on_topic("Return interviews are offered. This has improved since 2014.",
                    "Offer every child a return interview.")
    assert not on_topic("This has improved since 2014.", "Offer every child a return interview.")


def test_links_without_a_stating_sentence_give_no_status():
    findings = ["Children who go missing are offered a return interview, and what they say "
                "informs plans to reduce the risk of exploitation.", *FINDINGS[2:]]
    first, _ = follow(a_pair(["The quality of pathway plans."], findings))
    assert first.spoken_to_in and first.status is None and first.evidence is None


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    from click.testing import CliRunner

    from ingest.cli import cli

    path = tmp_path_factory.mktemp("follow") / "store"
    result = CliRunner().invoke(cli, ["ingest", str(F2021), str(F2014), str(F2017),
                                      "--store", str(path), "--no-progress"])
    assert result.exit_code == 0, result.stderr
    return path


def follow_graph(store: Path) -> set:
    opened = ox.Store.read_only(str(store))
    return set(opened.quads_for_pattern(None, None, None, ox.NamedNode(FOLLOW_THROUGH)))


def test_the_graph_is_the_same_whatever_the_order_and_number_of_ingests(run, store, tmp_path):
    other = tmp_path / "store"
    for source in (F2017, F2014, F2021, F2017):
        assert run("ingest", source, "--store", other, "--no-progress").exit_code == 0
    assert follow_graph(other) == follow_graph(store)
    assert len(follow_graph(store)) > 50


def query(run, store: Path, name: str, *params: str) -> list[dict]:
    args = [a for p in params for a in ("--param", p)]
    result = run("query", name, "--store", store, "-f", "json", *args)
    assert result.exit_code == 0, result.stderr
    return [{k: v["value"] for k, v in b.items()}
            for b in json.loads(result.stdout)["results"]["bindings"]]


def test_follow_through_answers_one_row_per_earlier_recommendation(run, store):
    rows = query(run, store, "follow-through", "authority=Fernley")
    assert len(rows) == 10  # 7 recommendations of 2014 (two the LSCB's), 3 of 2017
    assert {r["earlierInspectionEnd"] for r in rows} == {"2014-04-24", "2017-03-24"}
    # pathway plans for care leavers, asked for in 2014, again in 2017 (in other words:
    # "an up-to-date pathway plan", "a pathway plan that sets out housing...") and in 2021
    repeated = [r for r in rows if r["status"] == "repeated"]
    assert [(r["earlierInspectionEnd"], r["earlierNumber"], r["repeatedBy"]) for r in repeated] \
        == [("2014-04-24", "4", "3"), ("2017-03-24", "3", "2")]
    assert repeated[1]["evidence"].startswith("The quality of pathway plans for care leavers")
    assert repeated[1]["evidenceFrom"].endswith("2021-11-19/recommendation/2")
    missing = next(r for r in rows if r["earlierNumber"] == "5")
    assert missing["spokenToIn"].split()[0] == "7"  # the later finding on return interviews


def test_the_summary_counts_each_pair(run, store):
    rows = query(run, store, "follow-through-summary")
    assert [(r["earlierInspectionEnd"], r["laterInspectionEnd"], r["recommendations"],
             r["repeated"], r["notMentioned"]) for r in rows] == [
        ("2014-04-24", "2017-03-24", "7", "1", "0"), ("2017-03-24", "2021-11-19", "3", "1", "0")]
    # none not mentioned: 2014's board recommendations, which the 2017 report does not
    # review, have no status (the links alone, step 22; one was not-mentioned before)


def test_repeated_recommendations_count_the_inspections_that_asked_again(run, store):
    rows = query(run, store, "repeated-recommendations")
    assert [(r["firstInspectionEnd"], r["number"], r["times"]) for r in rows] == [
        ("2014-04-24", "4", "2")]  # the first of the chain, asked again twice


def shapes_report(graph) -> tuple[bool, str]:
    import pyshacl
    from rdflib import Graph

    shapes = Graph().parse(Path(__file__).resolve().parents[1] / "shapes" /
                           "follow-through.shapes.ttl")
    conforms, _, text = pyshacl.validate(graph, shacl_graph=shapes, advanced=True)
    return conforms, text


def union(store: Path):
    """Every named graph of the store as one rdflib graph."""
    from rdflib import Graph

    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in ox.Store.read_only(str(store))}
    return Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES),
                         format="nt")


def test_the_graph_conforms_to_its_shapes_and_a_broken_link_does_not(store):
    from rdflib import Literal, Namespace, URIRef

    graph = union(store)
    conforms, text = shapes_report(graph)
    assert conforms, text
    okg = Namespace("https://w3id.org/ofsted-kg/def#")
    repeated = URIRef("https://w3id.org/ofsted-kg/scheme/follow-through/repeated")
    node = next(graph.subjects(okg.followThroughStatus, repeated))
    graph.remove((node, okg.statusEvidence, None))
    conforms, text = shapes_report(graph)
    assert not conforms and "without the sentence behind it" in text
    graph.add((node, okg.statusEvidence, Literal("a sentence")))
    graph.set((node, okg.laterInspection, URIRef(f"{INSPECTION}2014-04-24")))
    conforms, text = shapes_report(graph)
    assert not conforms and "not the same authority's, not in order" in text


@pytest.mark.parametrize(("said", "status"), [
    # a shortfall said now, with no word of time: beside a repeat, a remaining concern or the
    # repeat, the labellers read it both ways, so no status (step 20)
    ("Return interviews are not consistently offered to children who go missing.", None),
    ("Too many children who go missing wait for a return interview.", None),
    ("The quality of return interviews for children who go missing is variable.", None),
    ("Return interviews for children who go missing are not yet timely.", None),
    ("Return interviews for children who go missing are poor.", None),
    ("The recording of return interviews for children who go missing is weak.", None),
    ("Return interviews for children who go missing remain late.", None),
    # "remain" of place is no shortfall (a sentence that also states an improvement leaves
    # no status either since step 22, below)
    ("Children who go missing remain living with their families after a return interview.",
     "repeated"),
    ("Return interviews for children who go missing have improved since the last inspection "
     "but are not consistently offered.", None),
    # ... nor one about another subject
    ("Foster carers' training is not consistently recorded.", "repeated"),
])
def test_beside_a_repeat_a_shortfall_said_now_leaves_no_status(said, status):
    """Step 20: where a later recommendation asks again, a linked finding's sentence close
    to the recommendation and on its subject that says it falls short now
    (``PRESENT_SHORTFALL_CUES``) leaves the links alone rather than ``repeated``; without
    the repeat it states nothing."""
    own = f"Children who go missing are offered a return interview. {said}"
    first, alone = asked_again_and_not([own, *FINDINGS[2:]])
    assert first.repeated_by and first.status == status
    assert first.evidence == (ASKED_AGAIN if status else None)
    assert not alone.repeated_by and alone.status is None and alone.spoken_to_in


@pytest.mark.parametrize(("sentence", "status"), [
    ("When concerns escalate or remain too high for children, managers start proceedings.",
     None),
    ("If return interviews have not been offered, managers are told.", None),
    ("Caseloads remain too high for children in the assessment teams.", "still-a-concern"),
    ("Caseloads remain too high, when the teams are short of staff.", "still-a-concern"),
])
def test_a_concern_cue_in_a_clause_that_sets_a_condition_states_nothing(sentence, status):
    """Step 24: "remain" (or any concern cue) in a clause that sets a condition ("when
    concerns ... remain too high for children, ...") says what happens if, not that the
    recommendation's shortfall remains."""
    assert stated_status(sentence) == status


def test_a_sentence_pointing_back_after_however_is_read_with_the_one_before():
    """Step 24: "However, this work is ..." names its subject in the sentence before, as
    "This work is ..." does: beside a repeat, a shortfall said of it leaves no status."""
    said = "However, this is not consistently done."
    own = f"Children who go missing are offered a return interview within three days. {said}"
    first, alone = asked_again_and_not([own, *FINDINGS[2:]])
    assert first.repeated_by and first.status is None and first.evidence is None
    assert not alone.repeated_by and alone.status is None


@pytest.mark.parametrize(("said", "status"), [
    ("This was an area for improvement at the last inspection.", None),
    ("Return interviews were a recommendation in 2014.", None),
    # not said of the earlier inspection, or of another subject: the repeat stands
    ("This was an area for improvement raised by the board.", "repeated"),
    ("Foster carers' training was an area for improvement at the last inspection.", "repeated"),
])
def test_beside_a_repeat_a_sentence_saying_it_was_asked_for_before_leaves_no_status(said,
                                                                                    status):
    """Step 24: where a later recommendation asks again, a linked finding's sentence on its
    subject saying it was an area for improvement (or a recommendation) at the earlier
    inspection marks it as carried over, as a later recommendation saying so itself does
    (step 22): the links alone, not ``repeated``."""
    own = f"Children who go missing are offered a return interview within three days. {said}"
    first, alone = asked_again_and_not([own, *FINDINGS[2:]])
    assert first.repeated_by and first.status == status
    assert not alone.repeated_by and alone.status is None


@pytest.mark.parametrize(("other", "status"), [
    ("Return interviews for children who go missing remain too late.", None),
    ("Take-up of return interviews by children who go missing is still too low.", None),
    ("Foster carers' training remains too late.", "improved"),  # another subject
])
def test_a_shortfall_on_its_subject_holds_back_an_improvement_of_its_own(other, status):
    """Step 24: as a report-wide improvement (step 18), an improvement stated of the
    recommendation is not given where another finding's sentence on its subject says it
    still falls short (an improvement of a part beside weaknesses of the whole)."""
    first, _ = follow(a_pair(["The quality of pathway plans."], [*FINDINGS, other]))
    assert first.status == status
    assert first.spoken_to_in
