"""A real Virtuoso (Debian's virtuoso-opensource): `ofsted-kg load` sends the Fernley
reports and the reference report through its Graph Store endpoint, loading twice leaves
the same graphs, and every saved query, with and without its optional authority, gives
over `--endpoint` the rows the embedded store gives.

Skipped, saying why, where Virtuoso is not installed (.ci/run installs it with apt-get).
"""

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from examples import example_parameters
from servers import virtuoso
from test_server import EMPTY_ON_EXAMPLES

from ingest.cli import cli
from ingest.queries import saved_queries

DATA = Path(__file__).resolve().parent / "data"
OURS = "https://w3id.org/ofsted-kg/id/"
# Virtuoso holds graphs of its own (its schemas, its DAV folders): count only ours.
COUNT = f"""SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
  FILTER (STRSTARTS(STR(?g), "{OURS}")) }}"""
GRAPHS = f"""SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
  FILTER (STRSTARTS(STR(?g), "{OURS}")) }}"""
QUERIES = sorted(saved_queries())


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def sources() -> list[Path]:
    """The Fernley reports, and the reference report where the shared folder has it."""
    from conftest import shared_dir

    shared = shared_dir()
    reference = shared / "seeds" / "wandsworth-2018.pdf" if shared else None
    return [DATA] + ([reference] if reference and reference.is_file() else [])


@pytest.fixture(scope="module")
def store(sources, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("store") / "store"
    result = invoke("ingest", *sources, "--store", folder)
    assert result.exit_code == 0, result.stderr
    return folder


@pytest.fixture(scope="module")
def server(sources, tmp_path_factory):
    """Virtuoso, loaded with `ofsted-kg load` as docs/servers.md says; yields its base URL."""
    with virtuoso(tmp_path_factory.mktemp("virtuoso")) as base:
        result = invoke("load", *sources, "--graph-store", f"{base}/sparql-graph-crud")
        assert result.exit_code == 0, result.stderr
        yield base


# Columns that GROUP_CONCAT a set: SPARQL 1.1 leaves the order of a group's values open
# (section 18.5.1.7), so engines may list the same set in another order.
UNORDERED = {"laterRecommendations"}


def canonical(binding: dict) -> str:
    """A row of W3C JSON results, with each xsd:boolean in its canonical form (Virtuoso 7.2
    keeps a boolean's value, not its lexical form, and writes "1" and "0") and each
    concatenated set in sorted order."""
    row = {}
    for name, term in binding.items():
        if term.get("datatype") == "http://www.w3.org/2001/XMLSchema#boolean":
            term = {**term, "value": {"1": "true", "0": "false"}.get(term["value"],
                                                                     term["value"])}
        if name in UNORDERED:
            term = {**term, "value": " ".join(sorted(term["value"].split()))}
        row[name] = term
    return json.dumps(row, sort_keys=True)


def rows(*args) -> Counter:
    """The query's rows as a multiset (a duplicated row counts twice)."""
    result = invoke("query", *args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return Counter(canonical(b) for b in json.loads(result.stdout)["results"]["bindings"])


def variants(name: str) -> list[list[str]]:
    """The query's required parameters, and again with the authority where it is optional."""
    required = example_parameters(name)
    optional = [p.name for p in saved_queries()[name].parameters if not p.required]
    return [required] + ([required + ["--param", "authority=Fernley"]]
                         if "authority" in optional else [])


def select(url: str, text: str):
    from ingest.store.targets import EndpointTarget, select

    return select(EndpointTarget(url, 120), text)


def test_queries_are_collected():
    assert len(QUERIES) >= 16


@pytest.mark.parametrize("name", QUERIES)
def test_virtuoso_gives_the_rows_the_store_gives(server, store, name):
    for number, parameters in enumerate(variants(name)):
        expected = rows(name, "--store", store, *parameters)
        # (with the authority, a question may have nothing to say about Fernley)
        assert sum(expected.values()) > 0 or name in EMPTY_ON_EXAMPLES or number > 0
        answer = rows(name, "--endpoint", f"{server}/sparql", "--timeout", "120", *parameters)
        assert answer == expected, (parameters, answer - expected, expected - answer)


def test_loading_twice_leaves_the_same_graphs(server, sources):
    before = {r[0].value for r in select(f"{server}/sparql", GRAPHS).rows}
    count = int(select(f"{server}/sparql", COUNT).rows[0][0].value)
    result = invoke("load", *sources, "--graph-store", f"{server}/sparql-graph-crud")
    assert result.exit_code == 0, result.stderr
    assert {r[0].value for r in select(f"{server}/sparql", GRAPHS).rows} == before
    assert int(select(f"{server}/sparql", COUNT).rows[0][0].value) == count > 1000


def test_graphs_follow_the_layout(server, sources):
    """One named graph per report and the shared graphs, as on any server."""
    names = {r[0].value for r in select(f"{server}/sparql", GRAPHS).rows}
    assert len({n for n in names if "/id/report/" in n}) == 4 + (len(sources) - 1)  # area SEND too
    assert {OURS + "graph/authorities", OURS + "graph/vocabulary"} <= names

