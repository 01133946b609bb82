"""The whole corpus in one store: every saved query answers, and ingesting again
replaces report graphs rather than adding to them (pytest -m corpus)."""

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from examples import example_parameters

from ingest.cli import cli
from ingest.queries import saved_queries


def wandsworth(name: str) -> list[str]:
    return example_parameters(name, authority="Wandsworth", inspection="2018-05-31",
                              finding="36")


# questions whose answer may rightly be empty on the corpus (no finding with numbers
# supports a recommendation of Wandsworth 2018; the Fernley tests show it answering; the
# area SEND reports are in corpus-send, not in this store, and test_area_send asks them)
MAY_BE_EMPTY = {"previous-inspection-disagreements", "doubtful-citations",
                "evidence-for-recommendation", "send-outcomes", "send-areas-for-improvement"}


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def size(store: Path) -> int:
    return len(ox.Store.read_only(str(store)))


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_every_saved_query_answers_on_the_corpus(corpus_store, name):
    result = invoke("query", name, "--store", corpus_store, "-f", "json", *wandsworth(name))
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)["results"]["bindings"]
    assert rows or name in MAY_BE_EMPTY, name
    variables = json.loads(result.stdout)["head"]["vars"]
    if "authorityName" in variables:
        assert all("authorityName" in row for row in rows), name


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_every_saved_query_prints_as_a_table_in_100_columns(corpus_store, name):
    result = invoke("query", name, "--store", corpus_store, *wandsworth(name))
    assert result.exit_code == 0, result.stderr
    assert max(map(len, result.stdout.splitlines())) <= 100, name
    assert "-[ 1 ]" not in result.stdout, name  # never blocks of one field a line


@pytest.mark.corpus
def test_latest_grades_is_one_row_per_authority(corpus_store):
    tools = invoke("query", "latest-grades", "--store", corpus_store, "-f", "csv").stdout
    authorities = {line.split(",")[0] for line in tools.splitlines()[1:]}
    shown = invoke("query", "latest-grades", "--store", corpus_store).stdout
    assert shown.rstrip().endswith(f"({len(authorities)} rows)")


@pytest.mark.corpus
def test_an_authority_with_no_inspection_in_the_data_is_refused(corpus_store):
    # the county was replaced by North and West Northamptonshire; only West's report is here
    result = invoke("query", "latest-grades", "--store", corpus_store, "--param",
                    "authority=Northamptonshire")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("Error: --param authority='Northamptonshire': the data "
                                    "holds no inspection of it; did you mean West "
                                    "Northamptonshire")


@pytest.mark.corpus
def test_ingesting_again_leaves_the_same_store(corpus_store, shared):
    before = size(corpus_store)
    result = invoke("ingest", shared / "corpus" / "80518-wandsworth", "--store", corpus_store,
                    "--no-progress")
    assert result.exit_code in (0, 1), result.stderr
    assert size(corpus_store) == before
