"""Which earlier inspection a report's "previous inspection" is (ingest.enrich.history)."""

from datetime import date

from ingest.enrich.history import previous_inspections
from ingest.model import Judgement, PreviousInspection, Report, Source
from ingest.rdf.identity import inspection_iri


def report(authority: str, start: str, end: str, published: str | None = None,
           previous_month: str | None = None, framework: str = "sif") -> Report:
    """A report with only what joining looks at: authority, dates and the previous one."""
    previous = None
    if previous_month is not None:
        previous = PreviousInspection(previous_month, (Judgement("overall", "inadequate"),))
    return Report(
        source=Source(f"{authority}-{end}.md", f"sha-{authority}-{end}", "text/markdown"),
        authority=authority,
        title="Inspection of services for children in need of help and protection",
        framework=framework,
        reinspection=previous is not None,
        start=date.fromisoformat(start),
        end=date.fromisoformat(end),
        published=date.fromisoformat(published) if published else None,
        previous=previous,
    )


FERNLEY_2014 = report("Borough of Fernley", "2014-03-31", "2014-04-24", "2014-06-17")


def later(month: str | None, authority: str = "Borough of Fernley") -> Report:
    return report(authority, "2017-03-06", "2017-03-24", "2017-05-12", previous_month=month)


def key(item: Report):
    return inspection_iri(item.authority, item.end)


def test_previous_is_the_earlier_inspection_whose_report_came_out_that_month():
    found = previous_inspections([later("2014-06"), FERNLEY_2014])
    assert found == {key(later("2014-06")): key(FERNLEY_2014)}


def test_month_of_the_last_day_on_site_also_fits():
    assert previous_inspections([FERNLEY_2014, later("2014-04")]) == {
        key(later("2014-04")): key(FERNLEY_2014)}


def test_month_that_does_not_fit_the_earlier_inspection_is_not_joined():
    before_it_ended = later("2014-03")
    after_its_report = later("2014-07")
    assert previous_inspections([FERNLEY_2014, before_it_ended]) == {}
    assert previous_inspections([FERNLEY_2014, after_its_report]) == {}


def test_another_authority_is_never_the_previous_inspection():
    elsewhere = later("2014-06", authority="Borough of Ashcombe")
    assert previous_inspections([FERNLEY_2014, elsewhere]) == {}


def test_same_authority_under_another_form_of_its_name_is_joined():
    # the SIF report says "Borough of Fernley", an ILACS title only "Fernley"
    renamed = later("2014-06", authority="Fernley")
    assert previous_inspections([FERNLEY_2014, renamed]) == {key(renamed): key(FERNLEY_2014)}


def test_only_the_latest_earlier_inspection_is_considered():
    older = report("Borough of Fernley", "2011-05-02", "2011-05-13", "2011-06-20")
    found = previous_inspections([older, FERNLEY_2014, later("2014-06")])
    assert found == {key(later("2014-06")): key(FERNLEY_2014)}
    # a month fitting only the older one is not taken for it: the latest one came between
    assert previous_inspections([older, FERNLEY_2014, later("2011-06")]) == {}


def test_without_a_publication_date_the_month_may_be_up_to_four_months_after_it_ended():
    ilacs = report("Borough of Fernley", "2021-11-08", "2021-11-19", framework="ilacs-2018")
    in_time = report("Borough of Fernley", "2024-01-08", "2024-01-19", previous_month="2022-03")
    too_late = report("Borough of Fernley", "2024-01-08", "2024-01-19", previous_month="2022-04")
    assert previous_inspections([ilacs, in_time]) == {key(in_time): key(ilacs)}
    assert previous_inspections([ilacs, too_late]) == {}


def test_no_previous_stated_or_no_month_given_joins_nothing():
    no_month = report("Borough of Fernley", "2017-03-06", "2017-03-24", "2017-05-12")
    no_month.previous = PreviousInspection(None, (Judgement("overall", "good"),))
    assert previous_inspections([FERNLEY_2014, no_month]) == {}
    assert previous_inspections([FERNLEY_2014, report("Borough of Fernley", "2017-03-06",
                                                      "2017-03-24", "2017-05-12")]) == {}


def test_an_inspection_overlapping_the_later_one_is_not_its_previous():
    overlapping = report("Borough of Fernley", "2017-03-01", "2017-03-10", "2017-04-20")
    assert previous_inspections([overlapping, later("2017-04")]) == {}
