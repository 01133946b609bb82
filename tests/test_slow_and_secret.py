"""A server that drips its answer is given up on when --timeout is over (the whole
request, not each read); a server that quotes the credentials back never gets them
printed."""

import base64
import json
import time
from pathlib import Path

import pytest
from servers import EMPTY_RESULTS, drip_server, tiny_server

FERNLEY = Path(__file__).resolve().parent / "data" / "fernley-2021.md"
HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
DRIPS = {
    "status line": HEAD + b"\r\n" + EMPTY_RESULTS,
    "body": HEAD + f"Content-Length: {len(EMPTY_RESULTS) * 40}\r\n\r\n".encode()
    + EMPTY_RESULTS * 40,
}


@pytest.mark.parametrize("part", sorted(DRIPS))
@pytest.mark.parametrize("command", ["query", "load"])
def test_a_dripping_server_is_given_up_on_within_the_timeout(run, command, part):
    with drip_server(DRIPS[part], interval=0.2 if part == "body" else 0.5) as base:
        started = time.monotonic()
        if command == "query":
            result = run("query", "judgements", "--endpoint", f"{base}/query", "--timeout", "2")
        else:
            result = run("load", FERNLEY, "--graph-store", f"{base}/store", "--timeout", "2")
        took = time.monotonic() - started
    assert result.exit_code == 3, result.stderr
    assert "no answer within 2 s (--timeout)" in result.stderr
    assert took < (8 if command == "query" else 30)  # 2 s, and starting on a busy machine


def test_within_gives_the_result_or_the_error():
    from ingest.deadline import within

    assert within(1, lambda: 42) == 42
    with pytest.raises(ZeroDivisionError):
        within(1, lambda: 1 / 0)
    started = time.monotonic()
    with pytest.raises(TimeoutError):
        within(0.3, lambda: time.sleep(5))
    assert time.monotonic() - started < 1


def _echo(handler):
    """An error page that quotes every request header, the Authorization one included."""
    items = sorted(handler.headers.items(), key=lambda item: item[0] != "Authorization")
    headers = "".join(f"{k}: {v}\n" for k, v in items)
    return 400, "text/plain", f"Bad request. You sent:\n{headers}password=pass word:1".encode()


@pytest.mark.parametrize("command", ["query", "load"])
def test_credentials_quoted_by_the_server_are_not_printed(run, monkeypatch, command):
    monkeypatch.setenv("OFSTED_KG_USER", "reader")
    monkeypatch.setenv("OFSTED_KG_PASSWORD", "pass word:1")
    token = base64.b64encode(b"reader:pass word:1").decode()
    with tiny_server(_echo) as base:
        if command == "query":
            result = run("query", "judgements", "--endpoint", f"{base}/query")
        else:
            result = run("load", FERNLEY, "--graph-store", f"{base}/store")
    assert result.exit_code == 4
    assert "the server answered 400 Bad Request: Bad request. You sent:" in result.stderr
    assert "Authorization: ***" in result.stderr
    for secret in (token, "pass word:1", "word:1"):
        assert secret not in result.stderr


def _capped(rows: int, cap: int | None):
    body = json.dumps({"head": {"vars": ["x"]}, "results": {"bindings": [
        {"x": {"type": "literal", "value": str(n)}} for n in range(rows)]}}).encode()
    said = {"X-SPARQL-MaxRows": str(cap)} if cap is not None else {}
    return lambda handler: (200, "application/sparql-results+json", body, said)


def test_an_answer_the_server_cut_short_is_an_error_unless_allowed(run):
    with tiny_server(_capped(5, 5)) as base:
        refused = run("query", "judgements", "--endpoint", f"{base}/q", "-f", "csv")
        allowed = run("query", "judgements", "--endpoint", f"{base}/q", "-f", "csv",
                      "--allow-partial")
    assert refused.exit_code == 4 and refused.stdout == ""
    assert "the server cut the answer at 5 rows (X-SPARQL-MaxRows)" in refused.stderr
    assert "or give --allow-partial" in refused.stderr
    assert allowed.exit_code == 0 and len(allowed.stdout.splitlines()) == 6
    assert "Note: " in allowed.stderr and "the rows shown are not all" in allowed.stderr
    with tiny_server(_capped(4, 5)) as base:  # under the cap: whole
        result = run("query", "judgements", "--endpoint", f"{base}/q", "-f", "csv")
    assert result.exit_code == 0 and result.stderr == ""


def test_an_answer_of_exactly_a_limit_servers_ship_with_is_taken_as_cut_short(run):
    """Virtuoso as installed cuts answers at 10,000 rows; some versions say nothing."""
    with tiny_server(_capped(10000, None)) as base:
        refused = run("query", "judgements", "--endpoint", f"{base}/q", "-f", "csv")
        allowed = run("query", "judgements", "--endpoint", f"{base}/q", "-f", "csv",
                      "--allow-partial")
    assert refused.exit_code == 4 and refused.stdout == ""
    assert "exactly 10000 rows, the row limit Virtuoso ships with" in refused.stderr
    assert allowed.exit_code == 0 and len(allowed.stdout.splitlines()) == 10001
    with tiny_server(_capped(9999, None)) as base:  # one fewer: whole
        result = run("query", "judgements", "--endpoint", f"{base}/q", "-f", "csv")
    assert result.exit_code == 0 and result.stderr == ""


def test_allow_partial_needs_an_endpoint(run):
    result = run("query", "judgements", "--allow-partial")
    assert result.exit_code == 2
    assert "--allow-partial applies to --endpoint only" in result.stderr


def test_an_answer_that_is_not_http_is_exit_4_and_a_bad_port_exit_2(run):
    with drip_server(b"SSH-2.0-OpenSSH_9.2\r\n", interval=0) as base:
        result = run("query", "judgements", "--endpoint", f"{base}/q", "--timeout", "5")
    assert result.exit_code == 4 and "the server's answer is not HTTP" in result.stderr
    with drip_server(b"", interval=0) as base:  # hangs up without a word: may be passing
        result = run("query", "judgements", "--endpoint", f"{base}/q", "--timeout", "5")
    assert result.exit_code == 3 and "the connection failed" in result.stderr
    result = run("query", "judgements", "--endpoint", "http://127.0.0.1:99999/q")
    assert result.exit_code == 2
    assert result.stderr == ("Error: http://127.0.0.1:99999/q: not a usable URL "
                             "(Port out of range 0-65535)\n")
