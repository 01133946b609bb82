"""Regression tests for the classes of numbers that findings' evidence read wrongly (issue
23): numbers that count nothing, quantities missed, roles, dates and measures. Each
sentence is synthetic; each test names the class it guards."""

import pytest

from ingest.enrich.evidence.dates import date_spans, is_relative_key
from ingest.enrich.evidence.reading import read_quantities
from ingest.rdf.evidence import _relative


def read(sentence: str) -> list[tuple[float, str, str, str | None, str | None]]:
    return [(q.value, q.unit, q.role, q.measure, q.ref_date)
            for q in read_quantities(sentence, prose=True)]


def values(sentence: str) -> list[float]:
    return [q[0] for q in read(sentence)]


@pytest.mark.parametrize("sentence, expected", [
    ("Fernley supports six care leavers over 18 who live nearby.", [6]),  # an age
    ("Most children live within 20 miles of home.", []),  # a distance
    ("The panel was restructured 18 months ago.", []),  # a relative time
    ("There are two workers, one for Channel and one for missing children.", [2]),  # pronouns
    ("Children receive one to one support from mentors.", []),  # an idiom
    ("Children are placed through One Adoption Fernley and Wold.", []),  # a name
    ("The team has run since 2008-9 with the same manager.", []),  # a year fragment
    ("Health reviews follow up at six, 12 and 18 months.", []),  # points in time
])
def test_numbers_that_count_nothing_are_not_quantities(sentence, expected):
    assert values(sentence) == expected


def test_a_list_of_durations_takes_the_unit_printed_after_its_last_number():
    assert [q[:2] for q in read("Visits last between six and 12 weeks.")] == [
        (6, "weeks"), (12, "weeks")]


@pytest.mark.parametrize("sentence, expected", [
    ("This year 484 adults were referred to the service.", (484, "this-year")),
    ("In the past year 12 children were adopted.", (12, "last-12-months")),
    ("The largest group (46%) are boys.", (46, None)),
])
def test_a_number_after_year_group_or_number_is_a_quantity(sentence, expected):
    assert [(q[0], q[4]) for q in read(sentence)] == [expected]


def test_references_stay_references():
    assert values("Pupils in Year 11 and paragraph 12 and those aged 16 and 18-year-olds.") == []


def test_one_counting_a_person_is_a_quantity():
    assert values("Two children are looked after and one is subject to a plan.") == [2, 1]


def test_a_zero_said_with_no_is_a_count_over_its_period():
    assert read("There were no complaints from adopters in the past year.") == [
        (0, "count", "current", None, "last-12-months")]
    assert values("There was no evidence of drift.") == []


@pytest.mark.parametrize("sentence, role", [
    ("This is a rise from the 335 reported in March 2014.", "previous"),
    ("This is above the England level of 11% for 2014.", "national"),
    ("Their rate is below the England rate of 60.", "national"),
])
def test_roles_said_in_other_words(sentence, role):
    assert [q[2] for q in read(sentence)] == [role]


@pytest.mark.parametrize("sentence, dates", [
    ("The service received 1,629 contacts and 257 referrals in 2014/15.",
     ["2014-15", "2014-15"]),
    ("The total rose in 2013 to 2014 to 300 children.", ["2013-14"]),
    ("Fernley assessed 50 families in 2016. For this period the average was 208 days.",
     ["2016", "2016"]),
])
def test_dates_printed_in_the_sentence_reach_their_numbers(sentence, dates):
    assert [q[4] for q in read(sentence)] == dates


def test_a_date_opening_a_finding_does_not_date_its_later_sentences():
    text = "In 2016, 40 children were adopted. Later 12 children returned home."
    assert [q[4] for q in read(text)] == ["2016", None]


def test_another_clauses_date_is_not_attached():
    dates = [q[4] for q in read("Fernley looks after 300 children, while 20 were adopted in 2014.")]
    assert dates == [None, "2014"]


def test_a_measure_the_words_name():
    assert read("There are 387 children in the care of the local authority.")[0][3] == \
        "children-looked-after"


def test_a_subgroup_does_not_get_the_whole_measure():
    assert read("No children were adopted apart from their brothers and sisters.") == [
        (0, "count", "current", None, None)]


PHRASES = ["in the last 12 months", "the past year", "last year", "this year",
           "since the last inspection", "at the last inspection", "at the time of this inspection",
           "two years before this inspection", "two years prior to the inspection",
           "since April 2015", "since 2015", "the previous six months"]


@pytest.mark.parametrize("phrase", PHRASES)
def test_every_relative_period_has_one_documented_key(phrase):
    [span] = date_spans(phrase)
    assert is_relative_key(span.key), span.key
    # the graph gives it the inspection's last day unless it is the previous inspection
    assert _relative(span.key) == (span.key != "previous-inspection")


def test_synonyms_share_a_key():
    keys = {date_spans(p)[0].key for p in ("in the last 12 months", "the past year",
                                           "over the previous 12 months", "last year")}
    assert keys == {"last-12-months"}
