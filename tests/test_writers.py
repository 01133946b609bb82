"""Turtle and JSON-LD for people and tools: the same graph back when parsed, the same
bytes every time, subjects in the report's order, data IRIs written short."""

import json
import re

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from ingest.rdf.files import serialise


@pytest.mark.parametrize("fmt, rdflib_format", [("turtle", "turtle"), ("json-ld", "json-ld")])
def test_parsed_back_it_is_the_same_graph(example_graph, fmt, rdflib_format):
    data = serialise(example_graph, fmt)
    assert isomorphic(Graph().parse(data=data, format=rdflib_format), example_graph)
    assert serialise(example_graph, fmt) == data


def test_turtle_follows_the_report(example_graph):
    text = serialise(example_graph, "turtle").decode("utf-8")
    assert text.startswith("@base <https://w3id.org/ofsted-kg/id/> .\n@prefix ")
    subjects = re.findall(r"^(<[^>]*>|\S+:\S+) ", text, re.M)
    kinds = [m[1] if (m := re.match(r"<inspection/fernley/2017-03-24/([a-z]+)/", s)) else s
             for s in subjects]
    first = {kind: kinds.index(kind) for kind in dict.fromkeys(kinds)}
    assert subjects[0] == "<inspection/fernley/2017-03-24>"
    assert subjects[1] == "<report/fernley/2017-03-24>"
    assert first["judgement"] < first["recommendation"] < first["finding"] < first["support"]
    numbers = [int(m) for m in re.findall(r"^<inspection/fernley/2017-03-24/finding/(\d+)>",
                                          text, re.M)]
    assert numbers == sorted(numbers) and min(numbers) < 10 <= max(numbers)  # 9 before 10


def test_json_ld_has_a_compact_context(example_graph):
    document = json.loads(serialise(example_graph, "json-ld"))
    assert document["@context"]["id"] == "https://w3id.org/ofsted-kg/id/"
    assert document["@context"]["okg"] == "https://w3id.org/ofsted-kg/def#"
    first = document["@graph"][0]
    assert first["@id"] == "id:inspection/fernley/2017-03-24"
    assert first["okg:endDate"] == {"@value": "2017-03-24", "@type": "xsd:date"}
    assert first["okg:reinspection"] is True
    assert document["@graph"][1]["@type"] == ["okg:Report", "prov:Entity"]


def test_named_graph_files_still_parse(run, example, tmp_path):
    """A .trig output parses, and its report graph is the report's graph as built."""
    from rdflib import Dataset, URIRef

    from ingest.pipeline import read_report
    from ingest.rdf.graph import report_graph

    name = URIRef("https://w3id.org/ofsted-kg/id/report/fernley/2017-03-24")
    out = tmp_path / "one.trig"
    assert run("ingest", example, "-o", out).exit_code == 0
    dataset = Dataset().parse(out, format="trig")
    assert isomorphic(dataset.graph(name), report_graph(read_report(example)))


@pytest.mark.parametrize("output, fmt, reason", [
    ("g.trig", "nt", "-f nt does not apply to a .trig output, whose suffix sets its syntax"),
    ("g.nq", "turtle", "-f turtle does not apply to a .nq output, whose suffix sets its syntax"),
    ("g.ttl", "json-ld", "-f json-ld disagrees with the output's suffix .ttl (turtle)"),
    ("g.jsonld", "nt", "-f nt disagrees with the output's suffix .jsonld (json-ld)"),
])
def test_a_format_that_would_be_ignored_is_refused(run, example, tmp_path, output, fmt, reason):
    result = run("ingest", example, "-o", tmp_path / output, "-f", fmt)
    assert result.exit_code == 2 and result.stderr == f"Error: {reason}\n"
    assert not (tmp_path / output).exists()


@pytest.mark.parametrize("fmt, starts", [("nt", "<https://w3id.org/ofsted-kg/id/"),
                                         ("json-ld", "{"), ("turtle", "@base")])
def test_format_is_honoured_on_standard_output_and_in_folders(run, example, tmp_path, fmt,
                                                               starts):
    assert run("ingest", example, "-o", "-", "-f", fmt).stdout.startswith(starts)
    assert run("ingest", example, "-o", tmp_path, "-f", fmt).exit_code == 0
    (written,) = tmp_path.iterdir()
    assert written.read_text().startswith(starts)


def test_wide_applies_to_tables_only(run, example_graph, tmp_path):
    data = tmp_path / "g.ttl"
    data.write_bytes(serialise(example_graph, "turtle"))
    result = run("query", "findings", "--data", data, "-f", "csv", "--wide")
    assert result.exit_code == 2
    assert result.stderr == "Error: --wide applies to -f table, not -f csv\n"
    wide = run("query", "findings", "--data", data, "--wide").stdout.splitlines()
    narrow = run("query", "findings", "--data", data).stdout.splitlines()
    assert max(map(len, narrow)) <= 100 < max(map(len, wide))


def test_a_format_without_an_output_file_is_refused(run, example):
    """The store keeps its own format: -f without -o would be ignored, so it is refused."""
    result = run("ingest", example, "-f", "nt")
    assert result.exit_code == 2
    assert result.stderr == "Error: -f nt applies to -o OUT files, not to the store\n"
