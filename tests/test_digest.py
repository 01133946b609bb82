"""A server that asks for HTTP Digest (as Virtuoso's `/sparql-graph-crud-auth` and
`/sparql-auth` do) is answered with Digest: `load` and `query` through a Digest-checking
server in front of a real Oxigraph give the rows the embedded store gives; a wrong
password is the documented 401 line; the Basic token goes at most once to such a server
per command; a Digest answer quoted back by the server is not printed."""

from pathlib import Path

import pytest
from servers import digest_proxy, oxigraph, tiny_server
from test_server import ingested, parameters, rows

from ingest.queries import saved_queries

DATA = Path(__file__).resolve().parent / "data"
FERNLEY = DATA / "fernley-2021.md"
USER, PASSWORD = "loader", "l0ad s3cret:word"
QUERIES = sorted(saved_queries())


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("store") / "store"
    ingested([DATA], "--store", folder)
    return folder


@pytest.fixture(scope="module")
def proxied(tmp_path_factory):
    """Oxigraph behind a Digest-checking server, loaded through it with `ofsted-kg load`;
    yields (base URL, what the Digest server saw during the load)."""
    from test_server import invoke

    with oxigraph(tmp_path_factory.mktemp("oxigraph") / "db") as upstream, \
            digest_proxy(upstream, USER, PASSWORD) as (base, seen), \
            pytest.MonkeyPatch.context() as patch:
        patch.setenv("OFSTED_KG_USER", USER)
        patch.setenv("OFSTED_KG_PASSWORD", PASSWORD)
        result = invoke("load", DATA, "--graph-store", f"{base}/store")
        assert result.exit_code == 0, result.stderr
        during_load = list(seen.requests)
        yield base, during_load


@pytest.fixture
def credentials(monkeypatch):
    monkeypatch.setenv("OFSTED_KG_USER", USER)
    monkeypatch.setenv("OFSTED_KG_PASSWORD", PASSWORD)


def test_load_answers_the_digest_challenge_and_sends_basic_at_most_once(proxied):
    base, requests = proxied
    # Basic first (unasked), refused with a bare 401 as Virtuoso 7.2 does; a HEAD without
    # credentials for the challenge; then every request with Digest: one PUT (or POST)
    # and one read-back GET per graph, none sent twice
    (first, _), *_ = requests
    assert requests[:3] == [(first, "Basic"), ("HEAD", ""), (first, "Digest")]
    assert {scheme for _, scheme in requests[3:]} == {"Digest"}
    assert len(requests) == 2 + 2 * 8  # 8 graphs: 4 reports and 4 shared


def test_a_digest_challenge_in_answer_to_basic_is_answered_at_once(run, tmp_path,
                                                                   credentials):
    """A server that follows RFC 9110 answers Basic with its Digest challenge."""
    with oxigraph(tmp_path / "db") as upstream, \
            digest_proxy(upstream, USER, PASSWORD, like_virtuoso=False) as (base, seen):
        result = run("load", FERNLEY, "--graph-store", f"{base}/store")
        assert result.exit_code == 0, result.stderr
        (first, _), *_ = seen.requests
        assert seen.requests[:2] == [(first, "Basic"), (first, "Digest")]
        assert {scheme for _, scheme in seen.requests[2:]} == {"Digest"}
        answer = rows("judgements", "--endpoint", f"{base}/query")
    ingested([FERNLEY], "--store", tmp_path / "store")
    assert answer == rows("judgements", "--store", tmp_path / "store")
    assert sum(answer.values()) > 0


@pytest.mark.parametrize("name", QUERIES)
def test_queries_through_digest_give_the_rows_the_store_gives(proxied, store, credentials,
                                                              name):
    base, _ = proxied
    expected = rows(name, "--store", store, *parameters(name))
    assert rows(name, "--endpoint", f"{base}/query", *parameters(name)) == expected


@pytest.mark.parametrize("command", ["query", "load"])
def test_a_wrong_password_is_the_documented_401_line(run, proxied, monkeypatch, command):
    base, _ = proxied
    monkeypatch.setenv("OFSTED_KG_USER", USER)
    monkeypatch.setenv("OFSTED_KG_PASSWORD", "not the password")
    if command == "query":
        result = run("query", "judgements", "--endpoint", f"{base}/query")
        url = f"{base}/query"
    else:
        result = run("load", FERNLEY, "--graph-store", f"{base}/store")
        url = f"{base}/store"
    assert result.exit_code == 4
    assert result.stderr == f"Error: {url}: the server refused the credentials (401 " \
                            "Unauthorized)\n"
    assert "not the password" not in result.stderr


def test_no_credentials_is_the_documented_401_line(run, proxied, monkeypatch):
    base, _ = proxied
    monkeypatch.delenv("OFSTED_KG_USER", raising=False)
    monkeypatch.delenv("OFSTED_KG_PASSWORD", raising=False)
    monkeypatch.setenv("NETRC", "/nonexistent")
    result = run("query", "judgements", "--endpoint", f"{base}/query")
    assert result.exit_code == 4
    assert "the server asks for credentials (401 Unauthorized): set OFSTED_KG_USER" \
        in result.stderr


def test_a_digest_answer_quoted_back_is_not_printed(run, credentials):
    """A server that asks for Digest, then quotes the request's headers in an error."""
    sent = []

    def answer(handler):
        header = handler.headers.get("Authorization") or ""
        if not header.startswith("Digest "):
            return 401, "text/plain", b"", {
                "WWW-Authenticate": 'Digest realm="SPARQL", nonce="abc123", qop="auth"'}
        sent.append(header)
        return 400, "text/plain", f"Bad request: you sent {header}".encode()

    with tiny_server(answer) as base:
        result = run("query", "judgements", "--endpoint", f"{base}/query")
    assert result.exit_code == 4 and len(sent) == 1
    assert "the server answered 400 Bad Request: Bad request: you sent" in result.stderr
    digest_hash = sent[0].split('response="')[1].split('"')[0]
    assert digest_hash not in result.stderr and PASSWORD not in result.stderr
