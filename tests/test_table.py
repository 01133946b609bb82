"""The query table fits a 100-column terminal, keeps IRIs whole, and says when it shortened
text; --wide shows everything."""

import json

import pytest
from examples import example_parameters

from ingest.queries import saved_queries
from ingest.table import table


@pytest.fixture(scope="module")
def trig(tmp_path_factory):
    from pathlib import Path

    from click.testing import CliRunner

    from ingest.cli import cli

    out = tmp_path_factory.mktemp("t") / "fernley.trig"
    data = Path(__file__).resolve().parent / "data"
    CliRunner().invoke(cli, ["ingest", str(data), "-o", str(out)], catch_exceptions=False)
    return out


@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_every_saved_query_fits_100_columns(run, trig, name):
    args = example_parameters(name)
    shown = run("query", name, "--data", trig, *args)
    assert shown.exit_code == 0, shown.stderr
    assert max(map(len, shown.stdout.splitlines())) <= 100
    assert "-[ 1 ]" not in shown.stdout  # columns, not blocks
    answer = json.loads(run("query", name, "--data", trig, *args, "-f", "json").stdout)
    iris = {v["value"] for b in answer["results"]["bindings"] for v in b.values()
            if v["type"] == "uri"}
    wide = run("query", name, "--data", trig, *args, "--wide").stdout
    for iri in iris:  # machine columns: left out of the table, shown whole with --wide
        assert iri not in shown.stdout and iri in wide


def test_latest_grades_is_one_row_per_authority_with_a_column_per_judgement(run, trig):
    shown = run("query", "latest-grades", "--data", trig).stdout.splitlines()
    assert shown[0] == "ilacs-2018 (1 row)"
    assert shown[1].split() == ["authority", "inspection", "end", "Overall", "Children",
                                "in", "care", "and", "care", "leavers", "Help", "and",
                                "protection", "Leaders"]
    assert shown[3].split() == ["Fernley", "2021-11-19", "RI", "RI", "Good", "RI"]
    assert shown[4] == "(RI: requires improvement to be good)"
    # the area SEND inspection: its outcome in a table of its own, never among the grades
    assert shown[6] == "area-send (1 row)"
    assert shown[7].split() == ["authority", "inspection", "end", "outcome"]
    assert shown[9].split()[:3] == ["Fernley", "2024-06-07", "Widespread"]
    assert shown[-1] == "(2 rows)"
    tools = run("query", "latest-grades", "--data", trig, "-f", "csv").stdout.splitlines()
    assert len(tools) == 1 + 4 + 1  # for tools: one row per judgement, one for the outcome


def test_columns_limit_and_unknown_columns(run, trig):
    shown = run("query", "judgements", "--data", trig, "--columns",
                "inspectionEnd,gradeLabel,statedIn", "--limit", "2").stdout.splitlines()
    assert shown[0].split() == ["inspection", "end", "grade", "stated", "in"]
    assert shown[2].split()[2] == "https://w3id.org/ofsted-kg/id/report/fernley/2014-04-24"
    every = run("query", "judgements", "--data", trig, "-f", "csv").stdout.splitlines()
    assert len(every) > 3 and shown[-1] == f"(2 of {len(every) - 1} rows shown: --limit)"
    rows = run("query", "judgements", "--data", trig, "--limit", "2", "-f", "csv").stdout
    assert rows.splitlines() == every[:3]
    wrong = run("query", "judgements", "--data", trig, "--columns", "grade")
    assert wrong.exit_code == 2
    assert wrong.stderr.startswith("Error: --columns: no column grade; the answer has ")


def test_long_text_wraps_and_is_cut_with_a_note():
    from pyoxigraph import Literal, NamedNode

    iri = NamedNode("https://w3id.org/ofsted-kg/id/inspection/fernley/2017-03-24/finding/12")
    text = Literal(" ".join(["word"] * 200))
    shown = table(["finding", "text"], [[iri, text]])
    lines = shown.splitlines()
    assert all(len(line) <= 100 for line in lines)
    assert iri.value in lines[2] and lines[5].endswith("\u2026")
    assert lines[-1] == "(1 row; long text shortened: --wide, -f csv or -f json show it whole)"
    assert table(["finding", "text"], [[iri, text]], wide=True).splitlines()[2].endswith("word")
