"""HTTP authentication for a SPARQL server, in the scheme the server asks for.

Basic goes with the first request, unasked (servers behind a proxy that checks it, and
Oxigraph, Fuseki or GraphDB behind one, expect it so). A server that answers
``401`` with ``WWW-Authenticate: Digest`` (RFC 7616, as Virtuoso's
``/sparql-graph-crud-auth`` and ``/sparql-auth`` do) is answered with Digest, by
``httpx.DigestAuth``; the rest of the command's requests to it then go with Digest only,
so a Digest server sees the Basic token once per command at most.

Imported only when a server is asked (httpx is imported with it).
"""

from collections.abc import Generator

import httpx


class BasicThenDigest(httpx.Auth):
    """Basic unasked; Digest once a server asks for it, for the rest of the run."""

    requires_request_body = True  # the request may be sent again, answering a challenge

    def __init__(self, user: str, password: str, basic: str) -> None:
        self._basic = basic  # the Authorization header value
        self._digest = httpx.DigestAuth(user, password)
        self.digest_asked = False

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self.digest_asked:
            yield from self._digest.auth_flow(request)
            return
        request.headers["Authorization"] = self._basic
        response = yield request
        if not asks_for_digest(response):
            return
        self.digest_asked = True
        del request.headers["Authorization"]
        # DigestAuth's flow: its first request (unauthenticated) is the one just answered,
        # so its challenge is handed over instead of asking again
        flow = self._digest.auth_flow(request)
        next(flow)
        try:
            request = flow.send(response)
        except StopIteration:
            return
        yield request


def asks_for_digest(response: httpx.Response) -> bool:
    """A 401 whose challenges include Digest."""
    return response.status_code == 401 and any(
        challenge.strip().lower().startswith("digest ")
        for challenge in response.headers.get_list("www-authenticate"))
