"""The whole corpus on a real Oxigraph server: `ofsted-kg load` sends the corpus store, and
every saved query gives the rows the embedded store gives, whether the server's default
graph is the union of its named graphs or not (Oxigraph's `union-default-graph` request
parameter asks for it query by query, so one load serves both).

Slow (every PDF is read): marked ``corpus``; run with ``pytest -m corpus``.
"""

import json
from collections import Counter

import pytest
from click.testing import CliRunner
from examples import example_parameters
from servers import oxigraph

from ingest.cli import cli
from ingest.queries import saved_queries

pytestmark = pytest.mark.corpus


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def corpus_server(corpus_store, tmp_path_factory):
    with oxigraph(tmp_path_factory.mktemp("corpus-server") / "db") as base:
        result = invoke("load", "--store", corpus_store, "--graph-store", f"{base}/store")
        assert result.exit_code == 0, result.stderr
        yield base


def parameters(name: str) -> list[str]:
    """Required parameters with values the corpus answers (Wandsworth 2018)."""
    return example_parameters(name, authority="Wandsworth", inspection="2018-05-31",
                              finding="36")


# the area SEND reports are in corpus-send, not in this store (test_area_send asks them)
MAY_BE_EMPTY = {"previous-inspection-disagreements", "evidence-for-recommendation",
                "send-outcomes", "send-areas-for-improvement"}


def answer(name: str, *where: str) -> Counter:
    result = invoke("query", name, *where, *parameters(name), "-f", "json")
    assert result.exit_code == 0, result.stderr
    bindings = json.loads(result.stdout)["results"]["bindings"]
    return Counter(json.dumps(b, sort_keys=True) for b in bindings)


@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_server_and_store_give_the_same_rows(corpus_server, corpus_store, name):
    own = answer(name, "--store", str(corpus_store))
    named = answer(name, "--endpoint", f"{corpus_server}/query", "--timeout", "300")
    union = answer(name, "--endpoint", f"{corpus_server}/query?union-default-graph",
                   "--timeout", "300")
    assert named == union == own
    assert sum(own.values()) > 0 or name in MAY_BE_EMPTY
