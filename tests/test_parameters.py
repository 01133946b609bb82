"""A wrong parameter value is one line naming it and the nearest valid ones, exit 2; never
a silent empty answer. `list` prints the values each parameter accepts."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from ingest.cli import cli

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def fernley(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("p") / "fernley.trig"
    CliRunner().invoke(cli, ["ingest", str(DATA), "-o", str(out)], catch_exceptions=False)
    return out


def refused(run, *args) -> str:
    result = run(*args)
    assert result.exit_code == 2, result.stdout
    assert result.stdout == "" and len(result.stderr.splitlines()) == 1, result.stderr
    return result.stderr.strip()


@pytest.mark.parametrize(("query", "given", "said"), [
    ("statistics", "measure=Children-looked-after",
     "Error: --param measure='Children-looked-after': no such measure in the data; did you "
     "mean children-looked-after"),
    ("statistics", "measure=looked-after", "did you mean "),
    ("statistics-vs-grade", "measure=child-protection", "did you mean child-protection-plans"),
    ("recurring-recommendation-themes", "body=LSCB",
     "no such body in the data; did you mean lscb?"),
])
def test_a_value_the_data_does_not_hold_is_refused_with_the_nearest(run, fernley, query, given,
                                                                    said):
    line = refused(run, "query", query, "--data", fernley, "--param", given)
    assert said in line and line.endswith("lists them)")


def test_an_inspectors_name_is_checked(run, fernley):
    line = refused(run, "query", "inspectors", "--data", fernley, "--param", "name=Avery Quil")
    assert line == ("Error: --param name='Avery Quil': no such lead inspector in the data; did "
                    "you mean Avery Quill? ('ofsted-kg list inspectors' lists them)")


def test_role_and_unit_are_checked(run, fernley):
    line = refused(run, "query", "statistics", "--data", fernley, "--param",
                   "measure=children-looked-after", "--param", "role=curent")
    assert "--param role='curent': no such role in the data; did you mean current?" in line
    line = refused(run, "query", "statistics", "--data", fernley, "--param",
                   "measure=children-looked-after", "--param", "unit=percentage")
    assert "did you mean percent" in line


def test_a_misspelt_authority_gets_a_suggestion(run, fernley):
    line = refused(run, "query", "latest-grades", "--data", fernley, "--param",
                   "authority=Fernly")
    assert line.startswith("Error: --param authority='Fernly': no such authority in the data; "
                           "did you mean Fernley?")


def test_an_inspection_date_that_matches_none_lists_the_authoritys_dates(run, fernley):
    line = refused(run, "query", "evidence-for-finding", "--data", fernley, "--param",
                   "authority=Fernley", "--param", "inspection=2017-03-23", "--param", "finding=7")
    assert line == ("Error: --param inspection=2017-03-23: Fernley has no inspection whose last "
                    "day on site was 2017-03-23; its inspections ended on 2014-04-24, "
                    "2017-03-24, 2021-11-19, 2024-06-07")  # the last: area SEND
    line = refused(run, "query", "evidence-for-finding", "--data", fernley, "--param",
                   "authority=Fernley", "--param", "inspection=24/03/2017", "--param", "finding=7")
    assert line == ("Error: --param inspection='24/03/2017' is not a valid date (YYYY-MM-DD, "
                    "such as 2018-05-31)")


def test_a_misspelt_query_gets_a_suggestion(run):
    line = refused(run, "query", "latest-grade")
    assert line == ("Error: no saved query 'latest-grade'; did you mean latest-grades? "
                    "'ofsted-kg queries' lists them")


def test_a_right_value_answers(run, fernley):
    result = run("query", "statistics", "--data", fernley, "--param",
                 "measure=children-looked-after", "--param", "role=current", "-f", "csv")
    assert result.exit_code == 0 and len(result.stdout.splitlines()) > 1


@pytest.mark.parametrize(("kind", "first", "member"), [
    ("authorities", "authority", "Fernley"),
    ("measures", "measure", "children-looked-after"),
    ("frameworks", "framework", "ilacs-2018"),
    ("roles", "role", "national"),
    ("units", "unit", "rate-per-10000"),
    ("bodies", "body", "lscb"),
    ("inspectors", "name", "Avery Quill"),
])
def test_list_prints_what_a_parameter_accepts(run, fernley, kind, first, member):
    result = run("list", kind, "--data", fernley, "-f", "csv")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split(",")[0] == first
    assert member in [line.split(",")[0] for line in lines[1:]]
    table = run("list", kind, "--data", fernley)
    assert table.exit_code == 0 and member in table.stdout


def test_list_queries_names_every_saved_query(run):
    from ingest.queries import saved_queries

    shown = run("list", "queries", "-f", "csv").stdout.splitlines()
    assert [line.split(",")[0] for line in shown[1:]] == list(saved_queries())
