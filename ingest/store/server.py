"""SPARQL servers over HTTP: graphs sent with the SPARQL 1.1 Graph Store HTTP Protocol,
saved queries asked with the SPARQL 1.1 Protocol.

One small client (``client.Session``, on httpx) rather than SPARQLWrapper: the two
protocols are a PUT and a POST, and one client gives both the same timeout, credentials
(Basic, or Digest when the server asks) and error lines. SPARQLWrapper
guesses a query's form from words anywhere in its text (comments included: "add" made a
SELECT an update), and overriding that means setting a private attribute after the guess.
Here the form comes from parsing the query (``query_form``).

Every failure is a ``ServerError`` (``client``): one line naming the URL (never its
userinfo) and the problem, with the exit code the command line uses.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlencode, urlsplit

from .client import EXIT_REFUSED, EXIT_UNREACHABLE, EXIT_USAGE, ServerError, Session
from .credentials import without_userinfo
from .names import AUTHORITIES, HISTORY

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["EXIT_REFUSED", "EXIT_UNREACHABLE", "EXIT_USAGE", "ServerError", "Sent", "ask",
           "load", "query_form"]
DEFAULT_TIMEOUT = 60.0
_RESULTS_JSON = "application/sparql-results+json"
MERGED = {AUTHORITIES, HISTORY}  # graphs every load shares: added to, never replaced


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
    with Session(endpoint, timeout) as session:
        content_type, answer = session.request(endpoint, "POST", body, headers, said)
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
    with Session(graph_store, timeout) as session:
        for name, graph in graphs:
            body = graph if isinstance(graph, bytes) else _ntriples(graph)
            method = "POST" if str(name) in MERGED else "PUT"
            headers = {"Content-Type": "application/n-triples; charset=utf-8"}
            url = graph_url(graph_store, str(name))
            content_type, answer = session.request(url, method, body, headers)
            _check_stored(graph_store, method, content_type, answer)
            lines = (body.count(b"\n") if body.endswith(b"\n") or not body
                     else body.count(b"\n") + 1)
            _check_held(session, str(name), url, lines, method)
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


def _check_held(session: Session, name: str, url: str, sent: int, method: str) -> None:
    """Read the graph back and count its triples: all those sent after a PUT, at least
    those after a POST."""
    shown = session.url
    content_type, answer = session.request(url, "GET", None,
                                           {"Accept": "application/n-triples"})
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
