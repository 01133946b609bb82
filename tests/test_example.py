"""The synthetic example report, parsed fact by fact."""

from ingest.parsing.textutil import date_range, join_lines
from ingest.pipeline import read_report


def test_example_facts(example):
    report = read_report(example)
    assert report.authority == "Borough of Fernley"
    assert {j.area: j.grade for j in report.judgements} == {
        "overall": "good",
        "help-and-protection": "good",
        "looked-after": "good",
        "adoption": "outstanding",
        "care-leavers": "requires-improvement",
        "leadership": "good",
    }
    assert report.previous.published == "2014-06"
    assert len(report.previous.judgements) == 6
    assert [f.number for f in report.findings] == list(range(4, 16))
    assert [f.number for f in report.findings if f.flagged] == [5, 9, 12]
    nine = next(f for f in report.findings if f.number == 9)
    assert nine.text.endswith("to track each match in one place.")  # joined over the break
    assert {(s.recommendation, s.finding) for s in report.supports} == {(1, 5), (2, 9), (3, 12)}
    assert report.inspectors == ["Avery Quill", "Robin Marsh", "Sam Thorne"]


def test_date_ranges():
    assert tuple(map(str, date_range("8 May to 31 May 2018"))) == ("2018-05-08", "2018-05-31")
    assert tuple(map(str, date_range("3 to 14 October 2022"))) == ("2022-10-03", "2022-10-14")
    assert tuple(map(str, date_range("28 November 2016 – 8 December 2016"))) == (
        "2016-11-28", "2016-12-08")
    assert tuple(map(str, date_range("28 December to 8 January 2016"))) == (
        "2015-12-28", "2016-01-08")
    assert date_range("no dates here") is None


def test_join_lines_mends_hyphenated_words():
    assert join_lines(["well-", "coordinated work", "  ", "goes on"]) == (
        "well-coordinated work goes on")
