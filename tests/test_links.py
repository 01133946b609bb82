"""Findings flagged "(Recommendation)" are linked to the recommendations they support."""

import json

import pytest

from ingest.pipeline import read_report
from ingest.rdf.files import serialise
from ingest.rdf.graph import authority_graph, report_graph

# From reading the reference report: which flagged findings bear on each recommendation.
EXPECTED = {
    1: {17, 80},  # agencies' contributions to strategy meetings; complex strategy meetings
    2: {80},  # criminal exploitation and gang affiliation
    3: {21},  # legal planning and management oversight of long-running plans
    4: {35},  # early permanence
    5: {44},  # family finding and matching
    6: {39},  # initial health assessments with the health provider
    7: {82, 83},  # quality assurance and performance information
    8: {18},  # advocates at child protection conferences
    9: {71},  # transition into the care leavers' service
}


@pytest.fixture(scope="module")
def reference(seeds):
    return read_report(seeds / "wandsworth-2018.markdown.txt")


def test_every_expected_link_is_found(reference):
    found = {}
    for support in reference.supports:
        found.setdefault(support.recommendation, set()).add(support.finding)
        assert 0 < support.score <= 1 and support.method == "marker+tfidf"
    for recommendation, findings in EXPECTED.items():
        assert findings <= found.get(recommendation, set()), recommendation
    extra = sum(len(v) for v in found.values()) - sum(len(v) for v in EXPECTED.values())
    assert extra <= 3, found  # a few plausible extra links, not a flood


def test_only_flagged_findings_support_when_a_report_flags(reference):
    flagged = {f.number for f in reference.findings if f.flagged}
    assert {s.finding for s in reference.supports} == flagged


def _query(run, name, path, *extra):
    result = run("query", name, "--data", path, "--format", "json", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["results"]["bindings"]


def test_no_recommendation_lacks_support(run, reference, tmp_path):
    path = tmp_path / "reference.ttl"
    path.write_bytes(serialise(authority_graph(reference, report_graph(reference)), "turtle"))
    assert _query(run, "recommendations-without-support", path) == []
    assert _query(run, "flagged-findings-without-recommendation", path) == []


def test_removing_its_findings_leaves_a_recommendation_unsupported(run, reference, tmp_path):
    from rdflib import URIRef

    graph = authority_graph(reference, report_graph(reference))
    inspection = "https://w3id.org/ofsted-kg/id/inspection/80518/2018-05-31"
    linked = {s.finding for s in reference.supports if s.recommendation == 3}
    assert EXPECTED[3] <= linked
    for number in linked:  # every finding that supports recommendation 3
        graph.remove((URIRef(f"{inspection}/finding/{number}"), None, None))
    path = tmp_path / "reduced.ttl"
    path.write_bytes(serialise(graph, "turtle"))
    rows = _query(run, "recommendations-without-support", path)
    assert [row["number"]["value"] for row in rows] == ["3"]
    assert rows[0]["text"]["value"].startswith("Strengthen decision-making")
