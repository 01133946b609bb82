"""The whole corpus on a real Virtuoso: `ofsted-kg load` sends the corpus store through
its Graph Store endpoint, and every saved query, with and without its optional authority,
gives the rows the embedded store gives (booleans compared by value: Virtuoso writes
them as 1 and 0).

Slow (every PDF is read): marked ``corpus``; run with ``pytest -m corpus``. Skipped, saying
why, where Virtuoso is not installed.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner
from examples import example_parameters
from servers import virtuoso
from test_virtuoso import rows

from ingest.cli import cli
from ingest.queries import saved_queries

pytestmark = pytest.mark.corpus
# questions the children's services corpus may answer with no rows: its area SEND reports
# are in corpus-send, not in this store
MAY_BE_EMPTY = {"previous-inspection-disagreements", "evidence-for-recommendation",
                "send-outcomes", "send-areas-for-improvement"}


@contextmanager
def loaded_virtuoso(store: Path, folder: Path) -> Iterator[str]:
    """A Virtuoso holding ``store``, loaded through its Graph Store endpoint; its base URL."""
    with virtuoso(folder) as base:
        result = CliRunner().invoke(cli, ["load", "--store", str(store), "--graph-store",
                                          f"{base}/sparql-graph-crud", "--timeout", "300"])
        assert result.exit_code == 0, result.stderr
        yield base


@pytest.fixture(scope="module")
def corpus_virtuoso(corpus_store, tmp_path_factory):
    with loaded_virtuoso(corpus_store, tmp_path_factory.mktemp("corpus-virtuoso")) as base:
        yield base


def variants(name: str, authority: str = "Wandsworth", inspection: str = "2018-05-31",
             finding: str = "36") -> list[list[str]]:
    """Required parameters with values the corpus answers (Wandsworth 2018 by default), and
    the same with the authority where it is optional."""
    required = example_parameters(name, authority=authority, inspection=inspection,
                                  finding=finding)
    optional = [p.name for p in saved_queries()[name].parameters if not p.required]
    return [required] + ([required + ["--param", f"authority={authority}"]]
                         if "authority" in optional else [])


@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_virtuoso_and_store_give_the_same_rows(corpus_virtuoso, corpus_store, name):
    for parameters in variants(name):
        own = rows(name, "--store", str(corpus_store), *parameters)
        served = rows(name, "--endpoint", f"{corpus_virtuoso}/sparql", "--timeout", "300",
                      *parameters)
        assert served == own, (parameters, sum(served.values()), sum(own.values()))
        assert sum(own.values()) > 0 or name in MAY_BE_EMPTY or "authority=" in str(parameters)


# the questions about area SEND, which the children's services corpus leaves empty
SEND_QUESTIONS = sorted(MAY_BE_EMPTY)


@pytest.fixture(scope="module")
def send_store(shared, tmp_path_factory):
    corpus = shared / "corpus-send"
    if not corpus.is_dir():
        pytest.skip(f"the area SEND corpus {corpus} is absent")
    store = tmp_path_factory.mktemp("send") / "store"
    result = CliRunner().invoke(cli, ["ingest", str(corpus), "--store", str(store), "-j", "2",
                                      "--no-progress"])
    assert result.exit_code == 0, result.stderr
    return store


@pytest.fixture(scope="module")
def send_virtuoso(send_store, tmp_path_factory):
    with loaded_virtuoso(send_store, tmp_path_factory.mktemp("send-virtuoso")) as base:
        yield base


@pytest.mark.parametrize("name", SEND_QUESTIONS)
def test_virtuoso_answers_the_area_send_questions_as_the_store_does(send_virtuoso, send_store,
                                                                      name):
    """Over the 40 area SEND reports, where periods a report does not state must stay
    empty on both (Virtuoso once wrote "-" for a due month with no period)."""
    for parameters in variants(name, authority="Bolton", inspection="2024-06-21", finding="1"):
        own = rows(name, "--store", str(send_store), *parameters)
        served = rows(name, "--endpoint", f"{send_virtuoso}/sparql", "--timeout", "300",
                      *parameters)
        assert served == own, (parameters, sum(served.values()), sum(own.values()))
        assert sum(own.values()) > 0 or name != "send-outcomes"
