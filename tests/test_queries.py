"""Every saved query: header, parameters, W3C result formats, rows on the example."""

import csv
import io
import json

import pytest

from ingest.queries import QueryError, get_query, saved_queries
from ingest.rdf.files import serialise

REQUIRED = {
    "judgements": ["authorityName", "inspectionEnd", "published", "serviceAreaLabel",
                   "gradeLabel", "statedIn", "publishedFrom"],
    "recommendations": ["authorityName", "inspectionEnd", "body", "number", "text", "supportCount"],
    "findings": ["authorityName", "inspectionEnd", "number", "serviceAreaLabel", "flagged",
                 "page", "text", "finding"],
    "recommendations-without-support": ["authorityName", "inspectionEnd", "body", "number",
                                        "text", "recommendation"],
    "recommendation-support": ["authorityName", "inspectionEnd", "body", "recommendation",
                               "finding", "score", "method"],
    "flagged-findings-without-recommendation": ["authorityName", "inspectionEnd", "number",
                                                "text", "finding"],
}


@pytest.fixture(scope="module")
def data(example_graph, tmp_path_factory):
    path = tmp_path_factory.mktemp("q") / "fernley.ttl"
    path.write_bytes(serialise(example_graph, "turtle"))
    return path


def test_queries_are_listed(run):
    names = list(saved_queries())
    assert set(REQUIRED) <= set(names)
    listing = run("queries").stdout
    for name, query in saved_queries().items():
        assert f"{name}: {query.summary}" in listing


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_result_variables(run, data, name):
    result = run("query", name, "--data", data, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["head"]["vars"] == REQUIRED[name]


def rows(run, data, name, *params):
    args = [a for p in params for a in ("--param", p)]
    result = run("query", name, "--data", data, "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return [{k: v["value"] for k, v in b.items()} for b in
            json.loads(result.stdout)["results"]["bindings"]]


def test_judgements_current_and_previous(run, data):
    found = rows(run, data, "judgements")
    assert len(found) == 12
    assert {r["statedIn"] for r in found} == {
        "https://w3id.org/ofsted-kg/id/report/fernley/2017-03-24"}
    previous = [r for r in found if "inspectionEnd" not in r]
    assert len(previous) == 6 and {r["published"] for r in previous} == {"2014-06"}
    current = {r["serviceAreaLabel"]: r["gradeLabel"] for r in found if "inspectionEnd" in r}
    assert current["Adoption performance"] == "Outstanding"
    assert current["Experiences and progress of care leavers"] == "Requires improvement to be good"


def test_findings_and_support(run, data):
    flagged = rows(run, data, "findings", "flagged=true")
    assert [r["number"] for r in flagged] == ["5", "9", "12"]
    assert [r["supportCount"] for r in rows(run, data, "recommendations")] == ["1", "1", "1"]
    links = rows(run, data, "recommendation-support")
    assert [(r["recommendation"], r["finding"]) for r in links] == [("1", "5"), ("2", "9"),
                                                                   ("3", "12")]
    assert rows(run, data, "recommendation-support", "minScore=0.99") == []


def test_parameter_is_bound_as_a_term_not_pasted(run, data):
    assert len(rows(run, data, "judgements", "authority=fernley")) == 12
    assert len(rows(run, data, "findings", 'flagged=true')) == 3
    hostile = 'x") || true || ("'
    result = run("query", "judgements", "--data", data, "--param", f"authority={hostile}")
    assert result.exit_code == 2 and "no such authority in the data" in result.stderr


def test_bad_parameters_are_refused(run, data):
    result = run("query", "findings", "--data", data, "--param", "flagged=perhaps")
    assert result.exit_code == 2 and "not a valid boolean" in result.stderr
    result = run("query", "findings", "--data", data, "--param", "colour=red")
    assert result.exit_code == 2 and "has no parameter colour" in result.stderr
    with pytest.raises(QueryError):
        get_query("no-such-query")


def test_csv_is_the_w3c_format(run, data):
    result = run("query", "recommendations", "--data", data, "--format", "csv")
    table = list(csv.reader(io.StringIO(result.stdout)))
    assert table[0] == REQUIRED["recommendations"]
    assert len(table) == 4 and result.stdout_bytes.endswith(b"\r\n")


def test_an_aggregate_over_nothing_has_no_rows(run, tmp_path):
    from ingest.rdf.vocabulary import vocabulary

    empty = tmp_path / "vocabulary-only.ttl"
    empty.write_bytes(serialise(vocabulary(), "turtle"))
    for name in ("recommendations", "recurring-recommendation-themes", "latest-grades"):
        result = run("query", name, "--data", empty, "--format", "csv")
        assert result.exit_code == 0, result.stderr
        assert result.stdout_bytes.count(b"\r\n") == 1, name  # the header, no empty row


@pytest.mark.parametrize("suffix", ["ttl", "nt", "jsonld", "trig", "nq"])
def test_every_file_format_gives_the_same_rows(run, example, tmp_path, suffix):
    out = tmp_path / f"fernley.{suffix}"
    assert run("ingest", example, "-o", out).exit_code == 0
    assert len(rows(run, out, "judgements")) == 12
