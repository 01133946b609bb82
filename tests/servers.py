"""Servers for the tests: a real Oxigraph server on a free loopback port, and tiny HTTP
servers that misbehave on purpose."""

import json
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

EMPTY_RESULTS = json.dumps({"head": {"vars": ["x"]}, "results": {"bindings": []}}).encode()


def oxigraph_command() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(found).exists():
        pytest.skip("the oxigraph command is not installed (pip install oxigraph, or .[test])")
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def oxigraph(folder: Path, union: bool = False) -> Iterator[str]:
    """An Oxigraph server on ``folder``; yields its base URL; stopped afterwards, also when
    the test fails."""
    log = folder.with_suffix(".log")
    port = free_port()
    command = [oxigraph_command(), "serve", "--location", str(folder),
               "--bind", f"127.0.0.1:{port}"] + (["--union-default-graph"] if union else [])
    with open(log, "wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until_answering("oxigraph", f"{base}/query", process, log, 30)
        yield base
    finally:
        _stop(process, 10)


def _stop(process: subprocess.Popen, patience: float) -> None:
    process.terminate()
    try:
        process.wait(patience)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _wait_until_answering(name: str, endpoint: str, process: subprocess.Popen, log: Path,
                          limit: float) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{name} stopped at start: {log.read_text(errors='replace')[-2000:]}")
        try:
            urllib.request.urlopen(f"{endpoint}?query=ASK%7B%7D", timeout=2).close()
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"{name} did not answer within {limit:.0f} s: "
                f"{log.read_text(errors='replace')[-2000:]}")


Answer = Callable[[BaseHTTPRequestHandler], tuple]


@contextmanager
def tiny_server(answer: Answer, delay: float = 0.0) -> Iterator[str]:
    """An HTTP server whose every request gets ``answer(handler)`` (status, content type,
    body and, optionally, a dict of more headers), after ``delay`` seconds; yields its
    base URL."""

    class Handler(BaseHTTPRequestHandler):
        def _respond(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(length)
            time.sleep(delay)
            status, content_type, body, *headers = answer(self)
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                for key, value in (headers[0] if headers else {}).items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except OSError:
                pass  # the client gave up waiting

        do_GET = do_POST = do_PUT = _respond

        def log_message(self, *args) -> None:
            pass

    with _serving(ThreadingHTTPServer(("127.0.0.1", 0), Handler)) as base:
        yield base


class DigestProxy:
    """What a Digest proxy saw: each request's method and authentication scheme ("" for
    none)."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str]] = []


@contextmanager
def digest_proxy(upstream: str, user: str, password: str, realm: str = "SPARQL",
                 like_virtuoso: bool = True) -> Iterator[tuple[str, DigestProxy]]:
    """A server in front of ``upstream`` that, as Virtuoso's ``/sparql-graph-crud-auth``
    does, asks every request for HTTP Digest (RFC 7616: MD5, qop=auth) and forwards it
    only when the response hash is right for ``user`` and ``password``, the request's
    method and URI and a nonce it issued; anything else gets a 401 and a new challenge,
    except that a request with Basic gets, ``like_virtuoso`` (7.2), a bare 401 without
    one. Yields the base URL and what it saw."""
    import hashlib
    import re
    import secrets

    seen = DigestProxy()
    nonces: set[str] = set()

    def md5(text: str) -> str:
        return hashlib.md5(text.encode()).hexdigest()

    def valid(handler: BaseHTTPRequestHandler) -> bool:
        header = handler.headers.get("Authorization") or ""
        seen.requests.append((handler.command, header.partition(" ")[0]))
        if not header.startswith("Digest "):
            return False
        fields = dict(re.findall(r'(\w+)="?([^",]*)"?', header[len("Digest "):]))
        if fields.get("nonce") not in nonces or fields.get("uri") != handler.path:
            return False
        ha1 = md5(f"{user}:{realm}:{password}")
        ha2 = md5(f"{handler.command}:{handler.path}")
        expected = md5(f"{ha1}:{fields['nonce']}:{fields.get('nc')}:{fields.get('cnonce')}:"
                       f"auth:{ha2}")
        return (fields.get("username") == user and fields.get("qop") == "auth"
                and fields.get("response") == expected)

    class Handler(BaseHTTPRequestHandler):
        def _respond(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            basic = (self.headers.get("Authorization") or "").startswith("Basic ")
            allowed = valid(self)
            if not allowed and basic and like_virtuoso:
                return self._send(401, {"Content-Type": "text/html"}, b"")
            if not allowed:
                nonce = secrets.token_hex(16)
                nonces.add(nonce)
                challenge = (f'Digest realm="{realm}", nonce="{nonce}", qop="auth", '
                             'algorithm="MD5"')
                return self._send(401, {"WWW-Authenticate": challenge,
                                        "Content-Type": "text/plain"}, b"who are you?")
            headers = {k: v for k, v in self.headers.items()
                       if k.lower() in {"content-type", "accept"}}
            forwarded = urllib.request.Request(upstream + self.path, data=body,
                                               method=self.command, headers=headers)
            try:
                with urllib.request.urlopen(forwarded, timeout=60) as answer:
                    status, answer_headers, data = answer.status, answer.headers, answer.read()
            except urllib.error.HTTPError as error:
                status, answer_headers, data = error.code, error.headers, error.read()
            self._send(status, {"Content-Type": answer_headers.get("Content-Type", "")}, data)

        def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        do_GET = do_HEAD = do_POST = do_PUT = _respond

        def log_message(self, *args) -> None:
            pass

    with _serving(ThreadingHTTPServer(("127.0.0.1", 0), Handler)) as base:
        yield base, seen


@contextmanager
def drip_server(answer: bytes, interval: float = 0.5) -> Iterator[str]:
    """A server that reads a request and sends ``answer`` (a whole HTTP response) one byte
    every ``interval`` seconds: each read is quick, the whole answer never comes."""
    import socketserver

    class Handler(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            self.request.settimeout(5)
            try:
                self.request.recv(65536)
                for byte in answer:
                    self.request.sendall(bytes([byte]))
                    time.sleep(interval)
            except OSError:
                pass  # the client gave up

    with _serving(socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)) as base:
        yield base


@contextmanager
def _serving(server) -> Iterator[str]:
    """A loopback server served from a thread while the block runs, then closed."""
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


VIRTUOSO_INI = """\
[Database]
DatabaseFile = virtuoso.db
ErrorLogFile = virtuoso.log
LockFile = virtuoso.lck
TransactionFile = virtuoso.trx
xa_persistent_file = virtuoso.pxa
[TempDatabase]
DatabaseFile = virtuoso-temp.db
TransactionFile = virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DirsAllowed = .
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerThreads = 4
[SPARQL]
; the one-time settings docs/servers.md asks of an administrator: no row limit below the
; largest answer, no "anytime" cut that returns part of an answer as if it were whole
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 0
; the Debian package's estimate limit, kept: a saved query the planner misjudges fails here
MaxQueryCostEstimationTime = 400
"""

# What an administrator runs once (docs/servers.md): the SPARQL endpoints' user may write
# graphs through /sparql-graph-crud (anyone who reaches the port may then write) ...
VIRTUOSO_GRANT = 'GRANT SPARQL_UPDATE TO "SPARQL";'


def virtuoso_user(user: str, password: str) -> str:
    """... or, instead, a user of its own may, through /sparql-graph-crud-auth (HTTP
    Digest): the isql statements docs/servers.md gives."""
    return (f"DB.DBA.USER_CREATE('{user}', '{password}'); "
            f'GRANT SPARQL_UPDATE TO "{user}";')


def virtuoso_commands() -> tuple[str, str]:
    """``virtuoso-t`` and its ``isql`` from Debian's virtuoso-opensource, or skip."""
    server = shutil.which("virtuoso-t")
    isql = shutil.which("isql-vt") or shutil.which("isql-v")
    if not server or not isql:
        pytest.skip("Virtuoso is not installed (Debian: apt-get install virtuoso-opensource; "
                    ".ci/run installs it where apt-get is available)")
    return server, isql


@contextmanager
def virtuoso(folder: Path, anonymous_writes: bool = True,
             users: dict[str, str] | None = None,
             ungranted: dict[str, str] | None = None) -> Iterator[str]:
    """A Virtuoso server with a new database in ``folder`` on free loopback ports, set up as
    docs/servers.md says: ``anonymous_writes`` through /sparql-graph-crud, and each of
    ``users`` (name: password) allowed to write through /sparql-graph-crud-auth, each of
    ``ungranted`` made without that grant; yields its base URL; stopped afterwards, also
    when the test fails."""
    server, isql = virtuoso_commands()
    folder.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(
        VIRTUOSO_INI.format(sql_port=sql_port, http_port=http_port), encoding="utf-8")
    log = folder / "server.log"
    with open(log, "wb") as output:
        process = subprocess.Popen([server, "+foreground", "+configfile", "virtuoso.ini"],
                                   cwd=folder, stdout=output, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{http_port}"
        # a new database takes Virtuoso some 20-30 s to make on a busy machine
        _wait_until_answering("virtuoso", f"{base}/sparql", process, log, 180)
        statements = [VIRTUOSO_GRANT] if anonymous_writes else []
        statements += [virtuoso_user(user, word) for user, word in (users or {}).items()]
        statements += [virtuoso_user(user, word).partition(" GRANT")[0]
                       for user, word in (ungranted or {}).items()]
        for statement in statements:
            granted = subprocess.run([isql, f"127.0.0.1:{sql_port}", "dba", "dba",
                                      f"exec={statement}"], capture_output=True, timeout=60)
            if granted.returncode != 0 or b"Error" in granted.stdout + granted.stderr:
                pytest.fail(f"virtuoso: {statement.split(';')[0]} failed: "
                            f"{granted.stdout!r} {granted.stderr!r}")
        yield base
    finally:
        _stop(process, 30)
