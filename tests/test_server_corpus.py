"""The whole corpus on a real Oxigraph server: `ofsted-kg load` sends it, and every saved
query gives the same rows whether the server's default graph is the union of its named
graphs or not (Oxigraph's `union-default-graph` request parameter asks for it query by
query, so one load serves both).

Slow (every PDF is read): marked ``corpus``; run with ``pytest -m corpus``.
"""

import json
from collections import Counter

import pytest
from click.testing import CliRunner
from servers import oxigraph
from test_server import parameters, patterns_all_in_graph_blocks

from ingest.cli import cli
from ingest.queries import saved_queries

pytestmark = pytest.mark.corpus


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def corpus_server(shared, tmp_path_factory):
    corpus = shared / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"the corpus folder {corpus} is absent")
    with oxigraph(tmp_path_factory.mktemp("corpus") / "db") as base:
        result = invoke("load", corpus, "--graph-store", f"{base}/store", "-j", "1")
        assert "graphs (" in result.stderr, result.stderr  # refusals are expected: exit 1
        yield base


def answer(endpoint: str, name: str) -> Counter:
    result = invoke("query", name, "--endpoint", endpoint, *parameters(name), "-f", "json",
                    "--timeout", "300")
    assert result.exit_code == 0, result.stderr
    bindings = json.loads(result.stdout)["results"]["bindings"]
    return Counter(json.dumps(b, sort_keys=True) for b in bindings)


@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_union_default_graph_does_not_matter(corpus_server, name):
    query = saved_queries()[name]
    values = dict([parameters(name)[1].split("=", 1)]) if parameters(name) else {}
    if not patterns_all_in_graph_blocks(query.bind(values)):
        pytest.xfail("the data layout contract puts every pattern in GRAPH blocks; this "
                     "query has patterns outside them")
    named = answer(f"{corpus_server}/query", name)
    union = answer(f"{corpus_server}/query?union-default-graph", name)
    assert named == union
    assert sum(named.values()) > 0 or name == "recommendations-without-support"
