"""A local replica of Ofsted's report site, for the fetch tests: served on a free port of
127.0.0.1 (never anything else), with the listing paged as the site pages it, provider
pages of publication links, files under their numeric ids on a second server (as the
site's files live on another host), and faults injected by path."""

import hashlib
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

ROWS = 100


@dataclass
class Fault:
    """What a path answers instead of its content: ``kind`` is status (arg: the code),
    retry-after (429 with Retry-After: arg seconds), sleep (arg seconds, then the content),
    cut (arg bytes of the content, then the connection is closed), html (an HTML page),
    trickle (half the content, arg seconds, the rest), no-links (a page without
    publication links or provider links). ``times``: how many requests it answers (None:
    all)."""

    kind: str
    arg: float = 0
    times: int | None = None


@dataclass
class Item:
    file_id: str
    kind: str
    listed: date
    data: bytes


@dataclass
class Provider:
    urn: str
    name: str
    items: list[Item] = field(default_factory=list)


class Replica:
    def __init__(self) -> None:
        self.providers: dict[str, Provider] = {}
        self.faults: dict[str, list[Fault]] = {}
        self.log: list[tuple[str, str, float]] = []  # path, User-Agent, time
        self.lock = threading.Lock()
        self.site = _serve(self)
        self.files = _serve(self)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.site.server_address[1]}"

    @property
    def files_url(self) -> str:
        return f"http://127.0.0.1:{self.files.server_address[1]}"

    def add(self, urn: str, name: str, file_id: str, kind: str, listed: date,
            data: bytes) -> str:
        provider = self.providers.setdefault(urn, Provider(urn, name))
        provider.items.append(Item(file_id, kind, listed, data))
        provider.items.sort(key=lambda item: item.listed, reverse=True)  # newest first
        return self.file_url(file_id)

    def file_url(self, file_id: str) -> str:
        return f"{self.files_url}/v1/file/{file_id}"

    def fault(self, path: str, *faults: Fault) -> None:
        self.faults[path] = list(faults)

    def requested(self, prefix: str) -> list[str]:
        return [path for path, _, _ in self.log if path.startswith(prefix)]

    def stop(self) -> None:
        for server in (self.site, self.files):
            server.shutdown()
            server.server_close()

    # Pages.

    def listing(self, query: dict[str, list[str]]) -> bytes:
        start = int(query.get("start", ["0"])[0])
        rows = min(int(query.get("rows", [str(ROWS)])[0]), ROWS)
        chosen = sorted(self.providers.values(), key=lambda p: p.name)[start:start + rows]
        items = "".join(
            f'<li class="search-result"><h3><a href="/provider/44/{p.urn}">{escape(p.name)}'
            f'</a></h3><p>Local authority children\'s services</p></li>' for p in chosen)
        return _page(f"<p>{len(self.providers)} results</p><ul>{items}</ul>")

    def provider(self, urn: str) -> bytes | None:
        provider = self.providers.get(urn)
        if provider is None:
            return None
        links = "".join(
            f'<li><a class="publication-link" href="{self.file_url(item.file_id)}">'
            f'{escape(item.kind)} <span class="nonvisual">{escape(item.kind)}, PDF - '
            f'{item.listed.day:02d} {item.listed:%B %Y}</span></a></li>'
            for item in provider.items)
        return _page(f"<h1>{escape(provider.name)}</h1><ul>{links}</ul>")

    def file(self, file_id: str) -> bytes | None:
        for provider in self.providers.values():
            for item in provider.items:
                if item.file_id == file_id:
                    return item.data
        return None

    def next_fault(self, path: str) -> Fault | None:
        with self.lock:
            faults = self.faults.get(path) or []
            if not faults:
                return None
            fault = faults[0]
            if fault.times is not None:
                fault.times -= 1
                if fault.times <= 0:
                    faults.pop(0)
            return fault


def _page(body: str) -> bytes:
    return (f"<!DOCTYPE html><html lang=\"en\"><head><title>Replica</title></head>"
            f"<body><main>{body}</main></body></html>").encode()


def _serve(replica: Replica) -> ThreadingHTTPServer:
    handler = type("Handler", (_Handler,), {"replica": replica})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    return server


class _Handler(BaseHTTPRequestHandler):
    replica: Replica
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body are written apart: no 40 ms stalls

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802
        replica = self.replica
        parts = urlsplit(self.path)
        replica.log.append((parts.path, self.headers.get("User-Agent", ""), time.monotonic()))
        fault = replica.next_fault(parts.path)
        content, kind = self._content(parts.path, parse_qs(parts.query))
        try:
            self._answer(fault, content, kind)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _content(self, path: str, query: dict[str, list[str]]) -> tuple[bytes | None, str]:
        replica = self.replica
        if path == "/search":
            return replica.listing(query), "text/html; charset=utf-8"
        if path.startswith("/provider/44/"):
            return replica.provider(path.rsplit("/", 1)[-1]), "text/html; charset=utf-8"
        if path.startswith("/v1/file/"):
            return replica.file(path.rsplit("/", 1)[-1]), "application/pdf"
        return None, "text/html"

    def _answer(self, fault: Fault | None, content: bytes | None, kind: str) -> None:
        if fault is not None and fault.kind == "sleep":
            time.sleep(fault.arg)
        elif fault is not None and fault.kind == "status":
            return self._send(int(fault.arg), b"<html><body>Error</body></html>", "text/html")
        elif fault is not None and fault.kind == "retry-after":
            return self._send(429, b"Too many requests", "text/plain",
                              {"Retry-After": str(int(fault.arg))})
        elif fault is not None and fault.kind == "html":
            content, kind = _page("<p>Sorry, this file is not available</p>"), "text/html"
        elif fault is not None and fault.kind == "no-links":
            content, kind = _page("<p>We have changed our pages</p>"), "text/html"
        if content is None:
            return self._send(404, b"<html><body>Not found</body></html>", "text/html")
        if fault is not None and fault.kind == "cut":
            self._headers(200, kind, len(content), {"Connection": "close"})
            self.wfile.write(content[: int(fault.arg)])
            self.wfile.flush()
            self.close_connection = True
            return
        if fault is not None and fault.kind == "trickle":
            self._headers(200, kind, len(content))
            half = len(content) // 2
            self.wfile.write(content[:half])
            self.wfile.flush()
            time.sleep(fault.arg)
            self.wfile.write(content[half:])
            return
        self._send(200, content, kind, {"ETag": f'"{hashlib.sha1(content).hexdigest()[:16]}"'})

    def _headers(self, status: int, kind: str, length: int, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(length))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()

    def _send(self, status: int, body: bytes, kind: str, extra: dict | None = None) -> None:
        self._headers(status, kind, len(body), extra)
        self.wfile.write(body)
