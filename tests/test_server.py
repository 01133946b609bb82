"""A real Oxigraph server: `ofsted-kg load` sends the graphs, and every saved query gives
the same rows over `--endpoint` as from files, with and without a union default graph."""

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from examples import example_parameters
from servers import oxigraph

from ingest.cli import cli
from ingest.queries import saved_queries

DATA = Path(__file__).resolve().parent / "data"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def sources(shared_or_none) -> list[Path]:
    """The Fernley reports, and the reference report where the shared folder has it."""
    reference = shared_or_none / "seeds" / "wandsworth-2018.pdf" if shared_or_none else None
    return [DATA] + ([reference] if reference and reference.is_file() else [])


@pytest.fixture(scope="module")
def shared_or_none():
    from conftest import shared_dir

    return shared_dir()


def ingested(sources: list[Path], *where) -> None:
    """``ofsted-kg ingest`` of the sources to ``where`` (``-o FILE`` or ``--store DIR``)."""
    result = invoke("ingest", *sources, *where)
    assert result.exit_code == 0, result.stderr


@pytest.fixture(scope="module")
def files(sources, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("files") / "all.trig"
    ingested(sources, "-o", out)
    return out


@pytest.fixture(scope="module")
def servers(sources, tmp_path_factory):
    """Two Oxigraph servers, without and with a union default graph, each loaded with
    `ofsted-kg load`; yields {union?: base URL}."""
    with oxigraph(tmp_path_factory.mktemp("named") / "db") as named, \
            oxigraph(tmp_path_factory.mktemp("union") / "db", union=True) as union:
        for base in (named, union):
            result = invoke("load", *sources, "--graph-store", f"{base}/store")
            assert result.exit_code == 0, result.stderr
        yield {False: named, True: union}


@pytest.fixture(params=[False, True], ids=["named-graphs", "union-default"])
def server(request, servers):
    """One of the two servers: (base URL, union?)."""
    return servers[request.param], request.param


def rows(*args) -> Counter:
    """The query's rows as a multiset (a duplicated row counts twice)."""
    result = invoke("query", *args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    bindings = json.loads(result.stdout)["results"]["bindings"]
    return Counter(json.dumps(b, sort_keys=True) for b in bindings)


def parameters(name: str) -> list[str]:
    return example_parameters(name)


def select(url: str, text: str):
    """Rows of a query asked of a server through the endpoint target."""
    from ingest.store.targets import EndpointTarget, select

    return select(EndpointTarget(url), text)


def patterns_all_in_graph_blocks(text: str) -> bool:
    """Whether every triple pattern of the query (EXISTS included) sits in a GRAPH block."""
    from rdflib.plugins.sparql import prepareQuery
    from rdflib.plugins.sparql.parserutils import CompValue

    def walk(node, inside: bool) -> bool:
        if isinstance(node, CompValue):
            inside = inside or node.name == "Graph"
            if node.name == "BGP" and node.get("triples") and not inside:
                return False
            return all(walk(value, inside) for value in node.values())
        if isinstance(node, list | tuple):
            return all(walk(value, inside) for value in node)
        return True

    return walk(prepareQuery(text).algebra, False)


def triples(base: str) -> int:
    return int(select(f"{base}/query", COUNT).rows[0][0].value)


QUERIES = sorted(saved_queries())


def test_queries_are_collected():
    assert len(QUERIES) >= 11


@pytest.mark.parametrize("name", QUERIES)
def test_every_pattern_of_a_saved_query_sits_in_a_graph_block(name):
    """Without GRAPH blocks a server without a union default graph has no rows, and one
    with it repeats a row for each graph a fact is in."""
    query = saved_queries()[name]
    example = {"iri": "https://w3id.org/ofsted-kg/id/authority/x", "boolean": "true",
               "date": "2018-05-31"}
    values = {p.name: example.get(p.kind, "1") for p in query.parameters}
    assert patterns_all_in_graph_blocks(query.bind(values))


@pytest.fixture(scope="module")
def store(sources, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("store") / "store"
    ingested(sources, "--store", folder)
    return folder


@pytest.mark.parametrize("name", QUERIES)
def test_server_gives_the_rows_files_and_the_store_give(server, files, store, name):
    base, union = server
    expected = rows(name, "--data", files, *parameters(name))
    assert sum(expected.values()) > 0 or name in EMPTY_ON_EXAMPLES
    assert rows(name, "--store", store, *parameters(name)) == expected
    assert rows(name, "--endpoint", f"{base}/query", *parameters(name)) == expected


# Questions the examples give no rows for (their recommendations are all supported, and so on).
EMPTY_ON_EXAMPLES = {"recommendations-without-support", "doubtful-citations",
                     "flagged-findings-without-recommendation",
                     "report-problems",  # the examples print all they state
                     "statistical-neighbours"}  # Fernley is in no reference table


def test_loading_twice_leaves_the_same_triples(server, sources):
    base, _ = server
    before = triples(base)
    result = invoke("load", *sources, "--graph-store", f"{base}/store")
    assert result.exit_code == 0, result.stderr
    assert triples(base) == before > 1000


def test_graphs_follow_the_layout(server, sources):
    """One named graph per report, and the shared authorities and vocabulary graphs; the
    authority's labels are in the authorities graph only."""
    base, _ = server
    names = {r[0].value for r in select(f"{base}/query",
                                         "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").rows}
    reports = {n for n in names if "/id/report/" in n}
    assert len(reports) == 4 + (len(sources) - 1)  # Fernley 2014, 2017, 2021, area SEND 2024
    assert {"https://w3id.org/ofsted-kg/id/graph/authorities",
            "https://w3id.org/ofsted-kg/id/graph/vocabulary"} <= names
    where = select(f"{base}/query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?a "
                   "<http://www.w3.org/2000/01/rdf-schema#label> \"Fernley\" } }")
    assert [r[0].value for r in where.rows] == ["https://w3id.org/ofsted-kg/id/graph/authorities"]


def test_reference_report_is_on_the_server(server, shared_or_none):
    if shared_or_none is None or not (shared_or_none / "seeds" / "wandsworth-2018.pdf").is_file():
        pytest.skip("the reference report ../shared/seeds/wandsworth-2018.pdf is absent")
    base, _ = server
    judgements = select(f"{base}/query", """
        PREFIX okg: <https://w3id.org/ofsted-kg/def#>
        SELECT (COUNT(*) AS ?n) WHERE {
          GRAPH <https://w3id.org/ofsted-kg/id/report/80518/2018-05-31> {
            ?judgement okg:statedIn <https://w3id.org/ofsted-kg/id/report/80518/2018-05-31> } }""")
    assert int(judgements.rows[0][0].value) >= 4


GRAPH_JUDGEMENTS = """
PREFIX okg: <https://w3id.org/ofsted-kg/def#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?name ?end ?label WHERE {
  GRAPH ?report { ?judgement okg:statedIn ?document ; okg:judgementOf ?inspection ;
                             okg:grade ?grade .
                  ?inspection okg:endDate ?end ; okg:authority ?authority . }
  GRAPH ?authorities { ?authority rdfs:label ?name }
  GRAPH ?vocabulary { ?grade skos:prefLabel ?label }
}"""


def test_graph_patterns_need_no_union_default_graph(servers):
    """docs/servers.md's claim: a query whose patterns all sit in GRAPH blocks gives the same
    rows whatever the server's default graph is."""
    assert patterns_all_in_graph_blocks(GRAPH_JUDGEMENTS)
    answers = [Counter(tuple(t.value for t in row)
                       for row in select(f"{base}/query", GRAPH_JUDGEMENTS).rows)
               for base in servers.values()]
    assert answers[0] == answers[1] and sum(answers[0].values()) > 12


def test_load_sends_the_store_as_it_holds_it(tmp_path, monkeypatch):
    """`load` without SOURCES sends every named graph of the store (the default one, or
    --store DIR): the same triples as loading the report files."""
    from ingest.store.loadable import graphs_from_sources
    from ingest.store.server import load

    monkeypatch.setenv("OFSTED_KG_STORE", str(tmp_path / "default"))
    assert invoke("ingest", DATA).exit_code == 0
    with oxigraph(tmp_path / "db") as base:
        result = invoke("load", "--graph-store", f"{base}/store")
        assert result.exit_code == 0, result.stderr
        from_store = triples(base)
        load(f"{base}/store", graphs_from_sources(sorted(DATA.rglob("*.md"))))
        assert triples(base) == from_store > 1000
    # four reports (three of children's services, one area SEND), and the authorities,
    # history, follow-through and vocabulary graphs
    assert result.stderr.startswith("8 graphs (")


@pytest.mark.parametrize("name", ["recurring-recommendation-themes", "authority-history"])
def test_words_in_comments_do_not_change_the_query_form(servers, name):
    """SPARQLWrapper sent the first as an update ("add" in a comment) and the second as a
    DESCRIBE ("describe"): both are SELECTs and answer with rows."""
    result = invoke("query", name, "--endpoint", f"{servers[True]}/query", *parameters(name),
                    "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["results"]["bindings"]


def test_load_from_a_folder_that_is_not_a_store(tmp_path):
    result = invoke("load", "--store", tmp_path / "missing", "--graph-store", "http://h/store")
    assert result.exit_code == 2
    assert result.stderr == f"Error: {tmp_path / 'missing'}: no such folder\n"
    result = invoke("load", "--store", tmp_path, "--graph-store", "http://h/store")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {tmp_path}: cannot be opened as a store (")


def test_loading_one_report_keeps_the_others_shared_facts(tmp_path):
    """A server holding three reports is sent one of them again: every saved question
    gives the rows it gave (the authorities and history graphs are added to, not
    replaced by graphs that know only that report)."""
    with oxigraph(tmp_path / "db") as base:
        assert invoke("load", DATA, "--graph-store", f"{base}/store").exit_code == 0
        before = {name: rows(name, "--endpoint", f"{base}/query", *parameters(name))
                  for name in QUERIES}
        assert sum(map(len, before.values())) > 100
        result = invoke("load", DATA / "fernley-2021.md", "--graph-store", f"{base}/store")
        assert result.exit_code == 0, result.stderr
        after = {name: rows(name, "--endpoint", f"{base}/query", *parameters(name))
                 for name in QUERIES}
    assert after == before


@pytest.mark.parametrize(("answer", "problem"), [
    ((200, "text/html", b"<html><body>Welcome</body></html>"),
     "with an HTML page, not as a Graph Store does: is this the server's graph store URL?"),
    ((204, "text/plain", b""), "holds 0 triples after the load, where"),
    ((200, "application/n-triples", b"<http://a> <http://b> "),
     "the server sent a graph that is not N-Triples (cut short?)"),
])
def test_a_load_the_server_did_not_take_is_an_error(answer, problem):
    from servers import tiny_server

    with tiny_server(lambda handler: answer) as base:
        result = invoke("load", DATA / "fernley-2021.md", "--graph-store", f"{base}/store")
    assert result.exit_code == 4
    assert problem in result.stderr and "Traceback" not in result.stderr
