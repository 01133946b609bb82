"""A real Virtuoso whose anonymous Graph Store endpoint may not write (no
`GRANT SPARQL_UPDATE TO "SPARQL"`), with a user of its own made by the isql statements
docs/servers.md gives: `ofsted-kg load` through `/sparql-graph-crud-auth` (HTTP Digest)
with that user's credentials, and every saved query, over `/sparql-auth` (Digest too),
gives the rows the embedded store gives; anonymous writes are refused, as is a wrong
password.

Skipped, saying why, where Virtuoso is not installed (.ci/run installs it with apt-get).
"""

from pathlib import Path

import pytest
from servers import virtuoso
from test_virtuoso import QUERIES, invoke, rows, variants

DATA = Path(__file__).resolve().parent / "data"
FERNLEY = DATA / "fernley-2017.md"
USER, PASSWORD = "kg_loader", "l0ad-s3cret"
UNGRANTED = {"kg_reader": "r3ad-only"}  # made without GRANT SPARQL_UPDATE


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("store") / "store"
    result = invoke("ingest", DATA, "--store", folder)
    assert result.exit_code == 0, result.stderr
    return folder


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """Virtuoso without anonymous writes, loaded by its user through the authenticated
    Graph Store endpoint; yields its base URL."""
    with virtuoso(tmp_path_factory.mktemp("virtuoso"), anonymous_writes=False,
                  users={USER: PASSWORD}, ungranted=UNGRANTED) as base, \
            pytest.MonkeyPatch.context() as patch:
        patch.setenv("OFSTED_KG_USER", USER)
        patch.setenv("OFSTED_KG_PASSWORD", PASSWORD)
        result = invoke("load", DATA, "--graph-store", f"{base}/sparql-graph-crud-auth")
        assert result.exit_code == 0, result.stderr
        assert "8 graphs" in result.stderr
        yield base


@pytest.fixture
def credentials(monkeypatch):
    monkeypatch.setenv("OFSTED_KG_USER", USER)
    monkeypatch.setenv("OFSTED_KG_PASSWORD", PASSWORD)


@pytest.mark.parametrize("name", QUERIES)
def test_digest_loaded_virtuoso_gives_the_rows_the_store_gives(server, store, credentials,
                                                                name):
    for parameters in variants(name):
        expected = rows(name, "--store", store, *parameters)
        answer = rows(name, "--endpoint", f"{server}/sparql-auth", "--timeout", "120",
                      *parameters)
        assert answer == expected, (parameters, answer - expected, expected - answer)


def test_anonymous_writes_are_refused(server, monkeypatch):
    monkeypatch.delenv("OFSTED_KG_USER", raising=False)
    monkeypatch.delenv("OFSTED_KG_PASSWORD", raising=False)
    monkeypatch.setenv("NETRC", "/nonexistent")
    result = invoke("load", FERNLEY, "--graph-store", f"{server}/sparql-graph-crud")
    assert result.exit_code == 4
    assert result.stderr.startswith(f"Error: {server}/sparql-graph-crud: the server refused "
                                    "access (403")
    result = invoke("load", FERNLEY, "--graph-store", f"{server}/sparql-graph-crud-auth")
    assert result.exit_code == 4
    assert result.stderr == (f"Error: {server}/sparql-graph-crud-auth: the server asks for "
                             "credentials (401 Unauthorized): set OFSTED_KG_USER and "
                             "OFSTED_KG_PASSWORD, or use a netrc file\n")


def test_a_user_without_the_grant_may_not_write(server, monkeypatch):
    (user, password), = UNGRANTED.items()
    monkeypatch.setenv("OFSTED_KG_USER", user)
    monkeypatch.setenv("OFSTED_KG_PASSWORD", password)
    result = invoke("load", FERNLEY, "--graph-store", f"{server}/sparql-graph-crud-auth")
    assert result.exit_code == 4
    assert result.stderr.startswith(f"Error: {server}/sparql-graph-crud-auth: the server "
                                    "refused access (403")


@pytest.mark.parametrize("command", ["load", "query"])
def test_a_wrong_password_is_refused(server, monkeypatch, command):
    monkeypatch.setenv("OFSTED_KG_USER", USER)
    monkeypatch.setenv("OFSTED_KG_PASSWORD", "not-" + PASSWORD)
    if command == "load":
        url = f"{server}/sparql-graph-crud-auth"
        result = invoke("load", FERNLEY, "--graph-store", url)
    else:
        url = f"{server}/sparql-auth"
        result = invoke("query", "judgements", "--endpoint", url)
    assert result.exit_code == 4
    assert result.stderr == f"Error: {url}: the server refused the credentials (401 " \
                            "Unauthorized)\n"


def test_the_documented_statements_are_those_the_tests_run():
    from servers import virtuoso_user

    doc = (Path(__file__).resolve().parent.parent / "docs" / "servers.md").read_text()
    for statement in virtuoso_user(USER, "PASSWORD").split("; "):
        assert f"`{statement.rstrip(';')};`" in doc, statement
