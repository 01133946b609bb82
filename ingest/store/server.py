"""SPARQL servers over HTTP: graphs sent with the SPARQL 1.1 Graph Store HTTP Protocol,
saved queries asked with the SPARQL 1.1 Protocol.

Plain ``urllib`` rather than SPARQLWrapper: the two protocols are a PUT and a POST, and
one small client gives both the same timeout, credentials and error lines. SPARQLWrapper
guesses a query's form from words anywhere in its text (comments included: "add" made a
SELECT an update), and overriding that means setting a private attribute after the guess.
Here the form comes from parsing the query (``query_form``).

Every failure is a ``ServerError``: one line naming the URL (never its userinfo) and
the problem, with the exit code the command line uses (``EXIT_UNREACHABLE``: down or
too slow, trying again may help; ``EXIT_REFUSED``: the server answered, but not with what
was asked, such as refused credentials, a wrong path, an error or a body that is not
SPARQL results; ``EXIT_USAGE``: the URL or the credentials cannot be used).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlencode, urlsplit

from .credentials import CredentialsError, basic_authorization, scrub, without_userinfo
from .names import AUTHORITIES, HISTORY

if TYPE_CHECKING:
    from rdflib import Graph

EXIT_USAGE = 2
EXIT_UNREACHABLE = 3
EXIT_REFUSED = 4
DEFAULT_TIMEOUT = 60.0
_RESULTS_JSON = "application/sparql-results+json"
_USER_AGENT = "ofsted-kg"
MERGED = {AUTHORITIES, HISTORY}  # graphs every load shares: added to, never replaced


class ServerError(Exception):
    """A server that cannot be used; ``str()`` is ``<url>: <problem>``."""

    def __init__(self, url: str, problem: str, exit_code: int) -> None:
        super().__init__(f"{without_userinfo(url)}: {problem}")
        self.exit_code = exit_code


@dataclass(frozen=True)
class Sent:
    """What ``load`` sent."""

    graphs: int
    triples: int


def query_form(text: str) -> str:
    """The saved query's form (``select``, ``ask``, ``construct``, ``describe``), read by
    parsing it: words in comments or strings do not count."""
    from rdflib.plugins.sparql.parser import parseQuery

    parsed = parseQuery(text)  # raises pyparsing's ParseException on bad syntax
    return parsed[1].name.removesuffix("Query").lower()


def ask(endpoint: str, text: str, timeout: float = DEFAULT_TIMEOUT,
        allow_partial: bool = False, on_partial: Callable[[str], None] = lambda note: None,
        ) -> bytes:
    """Run a SELECT query on a SPARQL 1.1 Protocol endpoint (POST, form-encoded) and return
    its answer, checked to be SPARQL 1.1 Query Results JSON. An answer the server says it
    capped (``X-SPARQL-MaxRows``, as Virtuoso sends), or of exactly a row limit servers
    ship with (``KNOWN_CAPS``), is an error, or with ``allow_partial`` passed to
    ``on_partial`` as a note."""
    try:
        form = query_form(text)
    except Exception as error:  # pyparsing's ParseException, and kin
        raise ServerError(endpoint, f"the query is not valid SPARQL ({error})",
                          EXIT_USAGE) from None
    if form != "select":
        raise ServerError(endpoint, f"a {form.upper()} query cannot be shown as rows; "
                                    "saved queries are SELECT queries", EXIT_USAGE)
    headers = {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
               "Accept": _RESULTS_JSON}
    body = urlencode({"query": text}).encode("utf-8")
    said: dict[str, str] = {}
    content_type, answer = request(endpoint, "POST", body, headers, timeout,
                                   answer_headers=said)
    rows = _results(endpoint, content_type, answer)
    cap = _cap(said.get("x-sparql-maxrows", ""))
    problem = None
    if cap is not None and rows >= cap:
        problem = (f"the server cut the answer at {cap} rows (X-SPARQL-MaxRows): more rows "
                   "may exist; raise the server's limit (Virtuoso: ResultSetMaxRows)")
    elif cap is None and rows in KNOWN_CAPS:
        problem = (f"the answer has exactly {rows} rows, {KNOWN_CAPS[rows]}, so it may have "
                   "been cut short without a word: raise the server's limit")
    if problem is not None:
        if not allow_partial:
            raise ServerError(endpoint, problem + ", or give --allow-partial", EXIT_REFUSED)
        on_partial(f"{without_userinfo(endpoint)}: {problem}")
    return answer


# Row limits servers ship with and apply without saying so: an answer of exactly that many
# rows is taken to be cut short (a whole answer of that size is rare; --allow-partial
# shows it).
KNOWN_CAPS = {10000: "the row limit Virtuoso ships with (ResultSetMaxRows)"}


def _cap(value: str) -> int | None:
    try:
        return int(value.strip()) if value.strip() else None
    except ValueError:
        return None


def _results(url: str, content_type: str, answer: bytes) -> int:
    """The number of rows of an answer checked to be SPARQL results JSON."""
    if "json" not in content_type:
        shown = content_type or "no content type"
        raise ServerError(url, f"the answer is not SPARQL results ({shown}): "
                               "is this the server's query endpoint?", EXIT_REFUSED)
    try:
        document = json.loads(answer)
        if not isinstance(document["head"]["vars"], list) or not isinstance(
                document["results"]["bindings"], list):
            raise ValueError
    except (ValueError, KeyError, TypeError):
        raise ServerError(url, "the answer is JSON but not SPARQL results: is this the "
                               "server's query endpoint?", EXIT_REFUSED) from None
    return len(document["results"]["bindings"])


def graph_url(graph_store: str, name: str) -> str:
    """The Graph Store Protocol address of the named graph ``name`` (indirect form)."""
    joiner = "&" if urlsplit(graph_store).query else "?"
    return f"{graph_store}{joiner}{urlencode({'graph': name})}"


def load(graph_store: str, graphs: Iterable[tuple[str, Graph | bytes]],
         timeout: float = DEFAULT_TIMEOUT,
         on_sent: Callable[[str, int], None] = lambda name, triples: None) -> Sent:
    """Send each (name, graph) to its named graph: a report graph or the vocabulary
    replaces what the server held there (PUT), so loading the same graphs twice leaves the
    same triples; the authorities and history graphs, which every load shares, are added
    to (POST), so loading some reports keeps the others' facts. Each answer is checked,
    and the graph read back and counted. A graph is an rdflib Graph or N-Triples bytes."""
    count = triples = 0
    for name, graph in graphs:
        body = graph if isinstance(graph, bytes) else _ntriples(graph)
        method = "POST" if str(name) in MERGED else "PUT"
        headers = {"Content-Type": "application/n-triples; charset=utf-8"}
        url = graph_url(graph_store, str(name))
        content_type, answer = request(url, method, body, headers, timeout, shown=graph_store)
        _check_stored(graph_store, method, content_type, answer)
        lines = body.count(b"\n") if body.endswith(b"\n") or not body else body.count(b"\n") + 1
        _check_held(graph_store, str(name), url, lines, method, timeout)
        count, triples = count + 1, triples + lines
        on_sent(str(name), lines)
    return Sent(count, triples)


def _check_stored(url: str, method: str, content_type: str, answer: bytes) -> None:
    """A Graph Store answers a PUT or POST with a status and at most a short note: an
    HTML page is some other server (a web page at that address), never a stored graph."""
    if answer.strip() and "html" in content_type.lower():
        raise ServerError(url, f"the server answered the {method} with an HTML page, not as "
                               "a Graph Store does: is this the server's graph store URL?",
                          EXIT_REFUSED)


def _check_held(shown: str, name: str, url: str, sent: int, method: str,
                timeout: float) -> None:
    """Read the graph back and count its triples: all those sent after a PUT, at least
    those after a POST."""
    content_type, answer = request(url, "GET", None, {"Accept": "application/n-triples"},
                                   timeout, shown=shown)
    held = _triples_in(shown, content_type, answer)
    if held < sent or (method == "PUT" and held != sent):
        raise ServerError(shown, f"the graph {name} holds {held} triples after the load, "
                                 f"where {sent} were sent: the load did not take", EXIT_REFUSED)


def _triples_in(shown: str, content_type: str, answer: bytes) -> int:
    import pyoxigraph as ox

    media = content_type.split(";")[0].strip().lower()
    fmt = ox.RdfFormat.from_media_type(media) if media else ox.RdfFormat.N_TRIPLES
    if fmt is None:
        raise ServerError(shown, f"the server sends a graph as {media}, not RDF: is this the "
                                 "server's graph store URL?", EXIT_REFUSED)
    try:
        return sum(1 for _ in ox.parse(answer, format=fmt))
    except (SyntaxError, ValueError):
        raise ServerError(shown, f"the server sent a graph that is not {fmt.name} (cut "
                                 "short?)", EXIT_REFUSED) from None


def _ntriples(graph: Graph) -> bytes:
    from ..rdf.files import serialise

    return serialise(graph, "nt") if len(graph) else b""


def request(url: str, method: str, body: bytes | None, headers: dict[str, str],
            timeout: float, shown: str | None = None,
            answer_headers: dict[str, str] | None = None) -> tuple[str, bytes]:
    """Send one request; returns the answer's content type and body, all within
    ``timeout`` seconds (``deadline.within``: connecting, the status line, the headers and
    the body, however slowly a server sends them). ``shown`` is the URL error lines name
    (default ``url``); the answer's headers are put in ``answer_headers`` if given."""
    import urllib.request

    from ..deadline import within

    shown = shown or url
    if urlsplit(url).scheme not in {"http", "https"}:
        raise ServerError(shown, "not an http:// or https:// URL", EXIT_USAGE)
    try:
        urlsplit(url).port  # noqa: B018  # raises ValueError for a port out of range
    except ValueError as error:
        raise ServerError(shown, f"not a usable URL ({error})", EXIT_USAGE) from None
    try:
        authorization = basic_authorization(url)
    except CredentialsError as error:
        raise ServerError(shown, str(error), EXIT_USAGE) from None
    headers = {"User-Agent": _USER_AGENT, **headers}
    if authorization:
        headers["Authorization"] = authorization
    prepared = urllib.request.Request(url, data=body, method=method, headers=headers)

    def exchange() -> tuple[str, bytes]:
        import urllib.error

        try:
            with _opener().open(prepared, timeout=timeout) as answer:
                if answer_headers is not None:
                    answer_headers.update((k.lower(), v) for k, v in answer.headers.items())
                return answer.headers.get("Content-Type", ""), answer.read()
        except urllib.error.HTTPError as error:
            error.said = _said(error)  # type: ignore[attr-defined]  # read here, in time
            raise

    try:
        return within(timeout, exchange)
    except Exception as error:  # urllib raises many kinds; each becomes one line
        raise _problem(error, shown, method, timeout, authorization) from None


def _said(error) -> str:
    """The first words of an error answer's body."""
    try:
        text = error.read(2000).decode("utf-8", "replace")
    except Exception:
        text = ""
    return " ".join(text.split())[:200]


def _opener():
    """urllib without redirects: following one would send the credentials to wherever
    it points, and turn a POSTed query into a GET. A redirect is reported instead."""
    import urllib.request

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None  # urllib then raises the 3xx as an HTTPError

    return urllib.request.build_opener(NoRedirect)


def _problem(error: Exception, url: str, method: str, timeout: float,
             authorization: str | None) -> ServerError:
    import http.client
    import socket
    import urllib.error

    if isinstance(error, ServerError):
        return error
    if isinstance(error, urllib.error.HTTPError):
        problem = _status_problem(error, method, bool(authorization))
        return ServerError(url, scrub(problem, authorization), EXIT_REFUSED)
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(reason, TimeoutError | socket.timeout):
        return ServerError(url, f"no answer within {timeout:g} s (--timeout)", EXIT_UNREACHABLE)
    if isinstance(reason, ConnectionRefusedError):
        return ServerError(url, "the server is not answering (connection refused)",
                           EXIT_UNREACHABLE)
    if isinstance(reason, socket.gaierror):
        return ServerError(url, f"unknown host {urlsplit(url).hostname!r}", EXIT_UNREACHABLE)
    detail = scrub(" ".join(str(reason).split())[:200], authorization) or type(reason).__name__
    if isinstance(reason, http.client.InvalidURL | ValueError):  # a port out of range
        return ServerError(url, f"not a usable URL ({detail})", EXIT_USAGE)
    if isinstance(reason, http.client.BadStatusLine) and not isinstance(
            reason, http.client.RemoteDisconnected):
        return ServerError(url, f"the server's answer is not HTTP ({detail})", EXIT_REFUSED)
    if isinstance(reason, http.client.HTTPException | OSError):
        return ServerError(url, f"the connection failed ({detail})", EXIT_UNREACHABLE)
    raise error  # a bug, not a server problem: let it show


def _status_problem(error, method: str, authorized: bool) -> str:
    status = f"{error.code} {error.reason}".strip()
    if error.code == 401:
        return (f"the server refused the credentials ({status})" if authorized else
                f"the server asks for credentials ({status}): set OFSTED_KG_USER and "
                "OFSTED_KG_PASSWORD, or use a netrc file")
    if 300 <= error.code < 400:
        target = without_userinfo(error.headers.get("Location", "") or "")
        return (f"the server redirects ({status})" + (f" to {target}" if target else "")
                + ": give that URL")
    if error.code == 403:
        return f"the server refused access ({status})"
    if error.code == 404:
        return f"nothing at this path ({status}): check the URL"
    if error.code == 405:
        return f"the server does not accept {method} here ({status}): check the URL"
    said = getattr(error, "said", "")
    return f"the server answered {status}" + (f": {said}" if said else "")
