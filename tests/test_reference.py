"""The reference report gives the same facts from each of its three renderings."""

import re
from functools import cache

import pytest

from ingest.pipeline import read_report
from ingest.validate import validate

RENDERINGS = ["wandsworth-2018.pdf", "wandsworth-2018.markdown.txt", "wandsworth-2018.pdftext.txt"]
JUDGEMENTS = {
    "overall": "requires-improvement",
    "help-and-protection": "requires-improvement",
    "looked-after": "requires-improvement",
    "adoption": "requires-improvement",
    "care-leavers": "good",
    "leadership": "requires-improvement",
}
PREVIOUS = {
    "overall": "inadequate",
    "help-and-protection": "inadequate",
    "looked-after": "requires-improvement",
    "adoption": "requires-improvement",
    "care-leavers": "inadequate",
    "leadership": "inadequate",
}
FLAGGED = [17, 18, 21, 35, 39, 44, 71, 80, 82, 83]


@cache
def _report(path):
    return read_report(path)


@pytest.fixture(params=RENDERINGS)
def report(request, seeds):
    return _report(seeds / request.param)


def squash(text: str) -> str:
    """Text without whitespace and punctuation: what differs between renderings."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def test_header(report):
    assert report.authority == "London Borough of Wandsworth"
    assert (str(report.start), str(report.end)) == ("2018-05-08", "2018-05-31")
    assert str(report.published) == "2018-07-20"
    assert report.framework == "sif" and report.reinspection
    assert report.lead_inspector == "Louise Warren"
    assert "Mary Candlin" in report.inspectors and len(report.inspectors) == 6


def test_judgements(report):
    assert {j.area: j.grade for j in report.judgements} == JUDGEMENTS
    assert len(report.judgements) == 6


def test_previous_inspection(report):
    assert report.previous.published == "2015-12"
    assert {j.area: j.grade for j in report.previous.judgements} == PREVIOUS


def test_recommendations(report):
    assert [r.number for r in report.recommendations] == list(range(1, 10))
    assert report.recommendations[0].text.startswith("Continue to strengthen the contributions")
    assert report.recommendations[-1].text.endswith("the help and support that they need.")


def test_findings(report):
    assert [f.number for f in report.findings] == list(range(10, 87))
    assert [f.number for f in report.findings if f.flagged] == FLAGGED
    by_number = {f.number: f for f in report.findings}
    assert by_number[15].text.endswith("Family Drug and Alcohol Court.")
    assert "(Recommendation)" not in by_number[17].text
    assert by_number[10].area == "help-and-protection"
    assert by_number[48].area == "adoption"
    assert by_number[59].area == "care-leavers"
    assert by_number[86].area == "leadership"
    assert by_number[86].text.endswith("quality and consistency of practice.")


def test_renderings_agree_text_by_text(seeds):
    reports = [_report(seeds / name) for name in RENDERINGS]
    for findings in zip(*(r.findings for r in reports), strict=True):
        assert len({squash(f.text) for f in findings}) == 1, findings[0].number
        assert len({f.area for f in findings}) == 1, findings[0].number
    for items in zip(*(r.recommendations for r in reports), strict=True):
        assert len({squash(r.text) for r in items}) == 1, items[0].number


def test_pages_come_from_the_pdf(seeds):
    pdf = {f.number: f.page for f in _report(seeds / RENDERINGS[0]).findings}
    # 15 starts on page 11 and runs onto page 12, where 16 starts
    assert (pdf[10], pdf[15], pdf[16], pdf[73], pdf[86]) == (11, 11, 12, 26, 29)
    text = _report(seeds / RENDERINGS[1])
    assert all(f.page is None for f in text.findings)


def test_graph_conforms(report):
    from ingest.rdf.graph import authority_graph, report_graph

    outcome = validate(authority_graph(report, report_graph(report)))
    assert outcome.conforms, outcome.problems
    assert not outcome.problems  # not even a warning: every recommendation is supported
