"""Every way a server can fail gives one line `Error: <url>: <problem>` and a documented
exit code (3: down or too slow; 4: it answered with a refusal or an error; 2: the URL or
the credentials cannot be used), never a traceback and never a password."""

import base64
from pathlib import Path

import pytest
from servers import EMPTY_RESULTS, free_port, oxigraph, tiny_server

from ingest.store.server import query_form

FERNLEY = Path(__file__).resolve().parent / "data" / "fernley-2017.md"


def one_line(result) -> str:
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


@pytest.fixture
def closed_url() -> str:
    return f"http://127.0.0.1:{free_port()}"


def test_server_down(run, closed_url):
    result = run("query", "judgements", "--endpoint", f"{closed_url}/query")
    assert one_line(result) == (f"Error: {closed_url}/query: the server is not answering "
                                "(connection refused)")
    assert result.exit_code == 3
    result = run("load", FERNLEY, "--graph-store", f"{closed_url}/store")
    assert one_line(result) == (f"Error: {closed_url}/store: the server is not answering "
                                "(connection refused)")
    assert result.exit_code == 3


def test_slow_server(run):
    with tiny_server(lambda h: (200, "application/sparql-results+json", EMPTY_RESULTS),
                     delay=3) as base:
        result = run("query", "judgements", "--endpoint", f"{base}/sparql", "--timeout", "0.5")
    assert one_line(result) == f"Error: {base}/sparql: no answer within 0.5 s (--timeout)"
    assert result.exit_code == 3


def test_wrong_path_on_a_real_server(run, tmp_path):
    with oxigraph(tmp_path / "db") as base:
        result = run("query", "judgements", "--endpoint", f"{base}/spaql")
        assert one_line(result) == (f"Error: {base}/spaql: nothing at this path "
                                    "(404 Not Found): check the URL")
        assert result.exit_code == 4
        result = run("load", FERNLEY, "--graph-store", f"{base}/nowhere")
        assert one_line(result).startswith(f"Error: {base}/nowhere: nothing at this path (404")
        assert result.exit_code == 4
        result = run("load", FERNLEY, "--graph-store", f"{base}/query")  # not the graph store
        assert one_line(result).startswith(f"Error: {base}/query: ")
        assert result.exit_code == 4


def _unauthorized(handler):
    return 401, "text/plain", b"who are you?"


def test_credentials_asked_for(run):
    with tiny_server(_unauthorized) as base:
        result = run("query", "judgements", "--endpoint", f"{base}/sparql")
    assert one_line(result) == (f"Error: {base}/sparql: the server asks for credentials (401 "
                                "Unauthorized): set OFSTED_KG_USER and OFSTED_KG_PASSWORD, or "
                                "use a netrc file")
    assert result.exit_code == 4


def test_credentials_refused_and_never_shown(run, monkeypatch):
    monkeypatch.setenv("OFSTED_KG_USER", "reader")
    monkeypatch.setenv("OFSTED_KG_PASSWORD", "s3cret-word")
    with tiny_server(_unauthorized) as base:
        result = run("load", FERNLEY, "--graph-store", f"{base}/store")
    line = one_line(result)
    assert line == f"Error: {base}/store: the server refused the credentials (401 Unauthorized)"
    assert "s3cret" not in line and result.exit_code == 4


def test_password_in_the_url_is_refused_and_not_shown(run):
    result = run("query", "judgements", "--endpoint", "http://me:s3cret-word@127.0.0.1:9/q")
    line = one_line(result)
    assert line.startswith("Error: http://127.0.0.1:9/q: credentials in the URL are not accepted")
    assert "s3cret" not in result.stderr and result.exit_code == 2


def _expecting(user: str, password: str):
    wanted = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()

    def answer(handler):
        if handler.headers.get("Authorization") != wanted:
            return 401, "text/plain", b"no"
        return 200, "application/sparql-results+json", EMPTY_RESULTS

    return answer


def test_credentials_from_the_environment(run, monkeypatch):
    monkeypatch.setenv("OFSTED_KG_USER", "reader")
    monkeypatch.setenv("OFSTED_KG_PASSWORD", "pass word:1")
    with tiny_server(_expecting("reader", "pass word:1")) as base:
        result = run("query", "judgements", "--endpoint", f"{base}/sparql")
    assert result.exit_code == 0, result.stderr
    assert "(0 rows)" in result.stdout


def test_credentials_from_a_netrc_file(run, monkeypatch, tmp_path):
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login team password hunter2\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    monkeypatch.delenv("OFSTED_KG_USER", raising=False)
    monkeypatch.delenv("OFSTED_KG_PASSWORD", raising=False)
    with tiny_server(_expecting("team", "hunter2")) as base:
        result = run("query", "judgements", "--endpoint", f"{base}/sparql")
    assert result.exit_code == 0, result.stderr


def test_half_set_credentials_are_refused(run, monkeypatch):
    monkeypatch.setenv("OFSTED_KG_USER", "reader")
    monkeypatch.delenv("OFSTED_KG_PASSWORD", raising=False)
    with tiny_server(_expecting("reader", "x")) as base:
        result = run("query", "judgements", "--endpoint", f"{base}/sparql")
    assert one_line(result) == (f"Error: {base}/sparql: OFSTED_KG_PASSWORD is not set "
                                "(both or neither)")
    assert result.exit_code == 2


@pytest.mark.parametrize("status, content_type, body, problem", [
    (500, "text/plain", b"disk on fire\nmore", "the server answered 500 Internal Server Error: "
                                               "disk on fire more"),
    (503, "text/html", b"", "the server answered 503 Service Unavailable"),
    (200, "text/html", b"<html>login page</html>",
     "the answer is not SPARQL results (text/html): is this the server's query endpoint?"),
    (200, "application/json", b'{"status": "ok"}',
     "the answer is JSON but not SPARQL results: is this the server's query endpoint?"),
])
def test_error_answers(run, status, content_type, body, problem):
    with tiny_server(lambda h: (status, content_type, body)) as base:
        result = run("query", "judgements", "--endpoint", f"{base}/sparql")
    assert one_line(result) == f"Error: {base}/sparql: {problem}"
    assert result.exit_code == 4


def test_not_an_http_url(run):
    result = run("query", "judgements", "--endpoint", "ftp://example.org/sparql")
    assert one_line(result) == "Error: ftp://example.org/sparql: not an http:// or https:// URL"
    assert result.exit_code == 2


def test_query_form_is_parsed_not_guessed():
    """SPARQLWrapper took "add" in a comment for an update, "describe" for DESCRIBE."""
    text = "# add, describe, construct\nSELECT ?s WHERE { ?s ?p 'ask' }"
    assert query_form(text) == "select"
    assert query_form("PREFIX a: <http://x/> ASK { ?s a:select ?o }") == "ask"


def test_timeout_needs_an_endpoint(run):
    result = run("query", "judgements", "--data", FERNLEY, "--timeout", "3")
    assert one_line(result) == "Error: --timeout applies to --endpoint only"
    assert result.exit_code == 2


def test_a_redirect_is_reported_not_followed(run, monkeypatch):
    """Following it would send the credentials wherever it points."""
    monkeypatch.setenv("OFSTED_KG_USER", "reader")
    monkeypatch.setenv("OFSTED_KG_PASSWORD", "s3cret-word")
    seen = []

    def moved(handler):
        seen.append(handler.headers.get("Authorization"))
        return 301, "text/plain", b"", {"Location": "http://127.0.0.1:9/elsewhere"}

    with tiny_server(moved) as base:
        result = run("query", "judgements", "--endpoint", f"{base}/sparql")
    assert one_line(result) == (f"Error: {base}/sparql: the server redirects (301 Moved "
                                "Permanently) to http://127.0.0.1:9/elsewhere: give that URL")
    assert result.exit_code == 4 and len(seen) == 1
