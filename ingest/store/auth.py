"""HTTP authentication for a SPARQL server, in the scheme the server asks for.

Basic goes with the first request, unasked (what most servers, and a proxy in front of
Oxigraph, Fuseki or GraphDB, expect). A server that asks for Digest (RFC 7616, as
Virtuoso's ``/sparql-graph-crud-auth`` and ``/sparql-auth`` do) is answered with Digest,
by ``httpx.DigestAuth``, and the rest of the command's requests to it go with Digest only,
so it sees the Basic token once per command at most. A server asks with a 401 whose
``WWW-Authenticate`` offers Digest; Virtuoso 7.2 answers a request that carries Basic
with a bare 401 (no ``WWW-Authenticate``, against RFC 9110), so then a ``HEAD`` without
credentials fetches its challenge.

Imported only when a server is asked (httpx is imported with it).
"""

from collections.abc import Generator

import httpx

from .credentials import basic_authorization


class BasicThenDigest(httpx.Auth):
    """Basic unasked; Digest once a server asks for it, for the rest of the command."""

    requires_request_body = True  # the request may be sent again, answering a challenge

    def __init__(self, user: str, password: str) -> None:
        self._basic = basic_authorization(user, password)  # the Authorization header value
        self._digest = httpx.DigestAuth(user, password)
        self.digest_asked = False

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self.digest_asked:
            yield from self._digest.auth_flow(request)
            return
        request.headers["Authorization"] = self._basic
        response = yield request
        if response.status_code != 401:
            return
        challenge = response
        if not response.headers.get_list("www-authenticate"):
            challenge = yield _probe(request)
        if not asks_for_digest(challenge):
            if challenge is not response:
                yield request  # the refusal of the credentials is the answer
            return
        self.digest_asked = True
        del request.headers["Authorization"]
        # DigestAuth's flow: its first request (without credentials) has been answered
        # already, so that challenge is handed to it instead of asking again
        flow = self._digest.auth_flow(request)
        next(flow)
        try:
            request = flow.send(challenge)
        except StopIteration:
            return
        yield request


def _probe(request: httpx.Request) -> httpx.Request:
    """A HEAD of the same URL without credentials or body: its answer is the challenge."""
    headers = {k: v for k, v in request.headers.items()
               if k.lower() not in {"authorization", "content-length", "content-type"}}
    return httpx.Request("HEAD", request.url, headers=headers)


def asks_for_digest(response: httpx.Response) -> bool:
    """A 401 whose challenges include Digest."""
    return response.status_code == 401 and any(
        challenge.strip().lower().startswith("digest ")
        for challenge in response.headers.get_list("www-authenticate"))
