"""The HTTP policy for the report site: polite, bounded and never leaving half a file.

One request at a time, ``delay`` seconds between the start of one request and the next
(default ``DEFAULT_DELAY``); a User-Agent naming ofsted-kg and its version; every request
bounded as a whole (connecting, and each wait for bytes, within ``timeout`` seconds;
the whole answer too, checked as bytes arrive, so a request that trickles ends within
twice ``timeout`` at worst); a request that times out, cannot connect, is cut short,
or is answered 429 or 5xx is tried again, up to ``retries`` times, waiting
``backoff * 2**attempt`` seconds or what the answer's Retry-After asks (up to
``MAX_RETRY_AFTER``).
"""

import email.utils
import hashlib
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TypeVar

import httpx

from .. import __version__

DEFAULT_DELAY = 1.0  # seconds between requests; 0.8 s is the shortest known to survive
DEFAULT_TIMEOUT = 60.0  # seconds for a whole request, body included
DEFAULT_RETRIES = 4
MAX_RETRY_AFTER = 300.0  # a Retry-After longer than this is a failure, not a wait
USER_AGENT = (f"ofsted-kg/{__version__} (Ofsted inspection reports to a knowledge graph; "
              "polite: one request at a time)")
_CHUNK = 1 << 16
T = TypeVar("T")


class FetchError(Exception):
    """A URL that could not be fetched (after the retries); the message says why."""

    def __init__(self, url: str, problem: str, status: int | None = None) -> None:
        super().__init__(url, problem, status)
        self.url = url
        self.problem = problem
        self.status = status

    def __str__(self) -> str:
        return f"{self.url}: {self.problem}"


class NotPDF(FetchError):
    """A file whose bytes are not a PDF (an HTML page, an error message...)."""


class _Retry(Exception):
    def __init__(self, problem: str, wait: float | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.wait = wait


@dataclass(frozen=True)
class Download:
    sha256: str
    size: int
    etag: str | None
    last_modified: str | None


class Client:
    """One polite HTTP client for a whole run."""

    def __init__(self, delay: float = DEFAULT_DELAY, timeout: float = DEFAULT_TIMEOUT,
                 retries: int = DEFAULT_RETRIES, backoff: float | None = None) -> None:
        self.delay = delay
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff if backoff is not None else max(delay, 0.1) * 2
        self.requests = 0
        self._last = 0.0
        self._http = httpx.Client(
            headers={"User-Agent": USER_AGENT}, follow_redirects=True,
            timeout=httpx.Timeout(timeout), trust_env=False)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def text(self, url: str) -> str:
        """The page at ``url`` as text."""
        return self._with_retries(url, lambda response, deadline: _body(response, deadline)
                                  .decode(response.encoding or "utf-8", "replace"))

    def download(self, url: str, target: Path) -> Download:
        """The file at ``url`` written to ``target``: through a temporary file beside it,
        renamed only when the body is whole and is a PDF (else NotPDF or FetchError, and
        no file is left)."""
        return self._with_retries(url, lambda response, deadline:
                                  _save(url, response, deadline, target))

    def _with_retries(self, url: str, read: Callable[[httpx.Response, float], T]) -> T:
        for attempt in range(self.retries + 1):
            try:
                return self._once(url, read)
            except _Retry as retry:
                if attempt == self.retries:
                    tries = f"{self.retries + 1} tries" if self.retries else "1 try"
                    raise FetchError(url, f"{retry.problem} ({tries})") from None
                wait = retry.wait if retry.wait is not None else self.backoff * 2 ** attempt
                if wait > MAX_RETRY_AFTER:
                    raise FetchError(url, f"{retry.problem}, and asked to wait {wait:.0f} s") \
                        from None
                time.sleep(wait)
        raise AssertionError("unreachable")

    def _once(self, url: str, read: Callable[[httpx.Response, float], T]) -> T:
        self._pause()
        deadline = time.monotonic() + self.timeout
        try:
            with self._http.stream("GET", url) as response:
                _check_status(url, response)
                return read(response, deadline)
        except httpx.TimeoutException:
            raise _Retry(f"no answer within {self.timeout:g} s") from None
        except (httpx.RemoteProtocolError, httpx.ReadError) as error:
            raise _Retry(f"the answer was cut short ({error})") from None
        except httpx.TransportError as error:
            raise _Retry(f"cannot be reached ({error or type(error).__name__})") from None
        except httpx.InvalidURL as error:
            raise FetchError(url, f"is not a URL that can be fetched ({error})") from None

    def _pause(self) -> None:
        """Wait until ``delay`` seconds have passed since the previous request began."""
        wait = self._last + self.delay - time.monotonic()
        if wait > 0 and self.requests:
            time.sleep(wait)
        self._last = time.monotonic()
        self.requests += 1


def _check_status(url: str, response: httpx.Response) -> None:
    status = response.status_code
    if status == 429 or status >= 500:
        raise _Retry(f"the server answered {status} {response.reason_phrase}",
                     _retry_after(response.headers.get("Retry-After")))
    if status >= 400:
        raise FetchError(url, f"the server answered {status} {response.reason_phrase}", status)


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date), or None."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _chunks(response: httpx.Response, deadline: float) -> Iterator[bytes]:
    """The body, raising a timeout once the whole request has taken too long."""
    for chunk in response.iter_bytes(_CHUNK):
        if time.monotonic() > deadline:
            raise httpx.ReadTimeout("the whole answer took too long")
        yield chunk


def _body(response: httpx.Response, deadline: float) -> bytes:
    return _whole(response, b"".join(_chunks(response, deadline)))


def _whole(response: httpx.Response, data: bytes) -> bytes:
    expected = response.headers.get("Content-Length")
    encoded = response.headers.get("Content-Encoding")
    if expected and expected.isdigit() and not encoded and len(data) != int(expected):
        raise _Retry(f"the answer was cut short ({len(data)} of {expected} bytes)")
    return data


def _save(url: str, response: httpx.Response, deadline: float, target: Path) -> Download:
    with _temporary(target) as (partial, stream):
        digest, size, head = hashlib.sha256(), 0, b""
        expected = response.headers.get("Content-Length")
        for chunk in _chunks(response, deadline):
            if len(head) < 8:
                head += chunk[:8]
            digest.update(chunk)
            size += len(chunk)
            stream.write(chunk)
        if (expected and expected.isdigit() and not response.headers.get("Content-Encoding")
                and size != int(expected)):
            raise _Retry(f"the answer was cut short ({size} of {expected} bytes)")
        if not head.startswith(b"%PDF-"):
            raise NotPDF(url, f"is not a PDF ({_what(head, response)})")
        stream.flush()
        os.fsync(stream.fileno())
        os.replace(partial, target)
    return Download(digest.hexdigest(), size, response.headers.get("ETag"),
                    response.headers.get("Last-Modified"))


def _what(head: bytes, response: httpx.Response) -> str:
    kind = response.headers.get("Content-Type", "").split(";")[0].strip() or "no type"
    if head.lstrip().lower().startswith((b"<!doc", b"<html", b"<head", b"<body")):
        return f"an HTML page, {kind}"
    return f"{kind}, starting {head[:8]!r}" if head else "empty"


@contextmanager
def _temporary(target: Path) -> Iterator[tuple[Path, BinaryIO]]:
    """A temporary file beside ``target``, removed unless renamed into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.part")
    try:
        with open(partial, "wb") as stream:
            yield partial, stream
    finally:
        partial.unlink(missing_ok=True)
