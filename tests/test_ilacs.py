"""ILACS reports from the corpus: judgement table, improvement list, graded sections."""

import pytest

from ingest.pipeline import read_report


@pytest.fixture(scope="module")
def wight(shared):
    return read_report(shared / "corpus" / "80419-isle-of-wight" / "2023-12-15.pdf")


def test_five_judgements_from_2023(wight):
    assert wight.framework == "ilacs-2023"
    assert {j.area: j.grade for j in wight.judgements} == {
        "leadership": "good",
        "help-and-protection": "requires-improvement",
        "in-care": "good",
        "care-leavers": "good",
        "overall": "good",
    }
    assert (str(wight.start), str(wight.end), wight.published) == ("2023-10-30", "2023-11-03", None)
    assert wight.lead_inspector == "Amanda Maxwell"


def test_improvement_list_and_findings(wight):
    assert len(wight.recommendations) == 4
    assert wight.recommendations[2].text.startswith("The quality of oversight and monitoring of")
    assert wight.recommendations[2].text.endswith("private fostering.")  # sub-items joined
    assert [f.number for f in wight.findings] == list(range(1, 52))
    assert wight.findings[0].area == "help-and-protection"
    assert {f.area for f in wight.findings} == {"help-and-protection", "in-care", "care-leavers",
                                                "leadership"}
    assert all(s.method == "tfidf" for s in wight.supports) and wight.supports


def test_four_judgements_before_2023(shared):
    report = read_report(shared / "corpus" / "80419-isle-of-wight" / "2019-01-07.pdf")
    assert report.framework == "ilacs-2018"
    assert {j.area for j in report.judgements} == {
        "overall", "leadership", "help-and-protection", "in-care-and-care-leavers"}
    assert len(report.recommendations) == 4 and len(report.findings) == 35
