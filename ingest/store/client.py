"""The HTTP client for SPARQL servers (``httpx``, the project's one HTTP library, imported
only when a server is asked): one ``Session`` per command and server, with its credentials
found once and answered in the scheme the server asks for (``auth``), no redirect
followed, each whole request within the time limit, and every failure one
``ServerError`` line that never shows a credential.

Exit codes: ``EXIT_UNREACHABLE``, down or too slow (trying again may help);
``EXIT_REFUSED``, the server answered, but not with what was asked (refused credentials,
a wrong path, an error, a body that is not what was asked for); ``EXIT_USAGE``, the URL
or the credentials cannot be used.
"""

from __future__ import annotations

import socket
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .credentials import (
    CredentialsError,
    basic_authorization,
    credentials,
    scrub,
    without_userinfo,
)

if TYPE_CHECKING:
    import httpx

EXIT_USAGE = 2
EXIT_UNREACHABLE = 3
EXIT_REFUSED = 4
_USER_AGENT = "ofsted-kg"


class ServerError(Exception):
    """A server that cannot be used; ``str()`` is ``<url>: <problem>``."""

    def __init__(self, url: str, problem: str, exit_code: int) -> None:
        super().__init__(f"{without_userinfo(url)}: {problem}")
        self.exit_code = exit_code


class Session:
    """Requests to one server for one command. ``url`` is the address error lines name
    (never with its userinfo); the credentials are those for its host."""

    def __init__(self, url: str, timeout: float) -> None:
        self.url = url
        self.timeout = timeout
        if urlsplit(url).scheme not in {"http", "https"}:
            raise ServerError(url, "not an http:// or https:// URL", EXIT_USAGE)
        try:
            urlsplit(url).port  # noqa: B018  # raises ValueError for a port out of range
            pair = credentials(url)
        except ValueError as error:
            raise ServerError(url, f"not a usable URL ({error})", EXIT_USAGE) from None
        except CredentialsError as error:
            raise ServerError(url, str(error), EXIT_USAGE) from None
        self._basic = basic_authorization(*pair) if pair else None
        self._pair = pair
        self._http: httpx.Client | None = None

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None

    def _client(self) -> httpx.Client:
        if self._http is None:
            import httpx

            from .auth import BasicThenDigest

            auth = BasicThenDigest(*self._pair) if self._pair else None
            self._http = httpx.Client(auth=auth, follow_redirects=False,
                                      timeout=httpx.Timeout(self.timeout),
                                      headers={"User-Agent": _USER_AGENT})
        return self._http

    def request(self, url: str, method: str, body: bytes | None, headers: dict[str, str],
                answer_headers: dict[str, str] | None = None) -> tuple[str, bytes]:
        """Send one request to ``url`` (on this session's server); returns the answer's
        content type and body, all within the session's timeout (``deadline.within``:
        connecting, the status line, the headers and the body, however slowly a server
        sends them, a Digest challenge's second request included). The answer's headers
        are put in ``answer_headers`` if given."""
        from ..deadline import within

        client = self._client()
        if body is not None:
            headers = {**headers, "Content-Length": str(len(body))}  # also for b"" (PUT)
        sent: list[str | None] = [self._basic]

        def exchange() -> tuple[str, bytes]:
            with client.stream(method, url, content=body, headers=headers) as answer:
                sent.append(answer.request.headers.get("Authorization"))
                if not answer.is_success:
                    raise _refusal(self.url, method, answer, self._basic is not None, sent)
                data = answer.read()
                if answer_headers is not None:
                    answer_headers.update((k.lower(), v) for k, v in answer.headers.items())
                return answer.headers.get("Content-Type", ""), data

        try:
            return within(self.timeout, exchange, on_timeout=self.close)
        except Exception as error:  # httpx raises many kinds; each becomes one line
            raise _problem(error, self.url, self.timeout, sent) from None


def _refusal(url: str, method: str, answer: httpx.Response, authorized: bool,
             sent: list[str | None]) -> ServerError:
    """The line for an answer that is not a success."""
    status = f"{answer.status_code} {answer.reason_phrase}".strip()
    code = answer.status_code
    if code == 401:
        problem = (f"the server refused the credentials ({status})" if authorized else
                   f"the server asks for credentials ({status}): set OFSTED_KG_USER and "
                   "OFSTED_KG_PASSWORD, or use a netrc file")
    elif 300 <= code < 400:
        target = without_userinfo(answer.headers.get("Location", ""))
        problem = (f"the server redirects ({status})" + (f" to {target}" if target else "")
                   + ": give that URL")
    elif code == 403:
        problem = f"the server refused access ({status})"
    elif code == 404:
        problem = f"nothing at this path ({status}): check the URL"
    elif code == 405:
        problem = f"the server does not accept {method} here ({status}): check the URL"
    else:
        said = _first_words(answer)
        problem = f"the server answered {status}" + (f": {said}" if said else "")
    return ServerError(url, scrub(problem, *sent), EXIT_REFUSED)


def _first_words(answer: httpx.Response) -> str:
    """The first words of an error answer's body."""
    data = b""
    try:
        for chunk in answer.iter_bytes():
            data += chunk
            if len(data) >= 2000:
                break
    except Exception:
        pass  # what came is enough
    return " ".join(data[:2000].decode("utf-8", "replace").split())[:200]


def _problem(error: Exception, url: str, timeout: float, sent: list[str | None]
             ) -> ServerError:
    import httpx

    if isinstance(error, ServerError):
        return error
    if isinstance(error, TimeoutError | httpx.TimeoutException):
        return ServerError(url, f"no answer within {timeout:g} s (--timeout)", EXIT_UNREACHABLE)
    causes = _causes(error)
    if any(isinstance(cause, ConnectionRefusedError) for cause in causes):
        return ServerError(url, "the server is not answering (connection refused)",
                           EXIT_UNREACHABLE)
    if any(isinstance(cause, socket.gaierror) for cause in causes):
        return ServerError(url, f"unknown host {urlsplit(url).hostname!r}", EXIT_UNREACHABLE)
    detail = scrub(" ".join(str(error).split())[:200], *sent) or type(error).__name__
    if isinstance(error, httpx.InvalidURL | httpx.UnsupportedProtocol):
        return ServerError(url, f"not a usable URL ({detail})", EXIT_USAGE)
    if isinstance(error, httpx.RemoteProtocolError) and (
            "disconnected" not in detail or _hung_up_after_sending(causes)):
        if "disconnected" in detail:
            detail = "it sent something else and hung up"
        return ServerError(url, f"the server's answer is not HTTP ({detail})", EXIT_REFUSED)
    if isinstance(error, httpx.TransportError | OSError):
        return ServerError(url, f"the connection failed ({detail})", EXIT_UNREACHABLE)
    raise error  # a bug, not a server problem: let it show


def _hung_up_after_sending(causes: list[BaseException]) -> bool:
    """Whether a server that hung up "without sending a response" had sent bytes that were
    not an HTTP answer (a service of another protocol saying why it hangs up): those
    bytes are still in the HTTP/1.1 parser (h11) of the connection, which httpx does not
    show but its traceback holds. False when they cannot be found: the line then says
    the connection failed, which may be passing."""
    for cause in causes:
        frame = cause.__traceback__
        while frame is not None:
            parser = getattr(frame.tb_frame.f_locals.get("self"), "_h11_state", None)
            trailing = getattr(parser, "trailing_data", None)
            if isinstance(trailing, tuple) and trailing and isinstance(trailing[0], bytes):
                return bool(trailing[0])
            frame = frame.tb_next
    return False


def _causes(error: BaseException) -> list[BaseException]:
    """The error and what it was raised from (httpx wraps the socket's error)."""
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain
