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
    answer = json.loads(run("query", name, "--data", trig, *args, "-f", "json").stdout)
    iris = {v["value"] for b in answer["results"]["bindings"] for v in b.values()
            if v["type"] == "uri"}
    for iri in iris:
        assert iri in shown.stdout


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
