"""Credentials for a SPARQL server: from the environment or a netrc file, never from
the command line, never printed.

``OFSTED_KG_USER`` and ``OFSTED_KG_PASSWORD`` win; otherwise the netrc file (``$NETRC``,
else ``~/.netrc``) entry for the server's host, else its ``default`` entry. A URL that
carries its own ``user:password@`` is refused, so a password never sits in shell history
or a process list.
"""

import base64
import netrc
import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

USER_VARIABLE = "OFSTED_KG_USER"
PASSWORD_VARIABLE = "OFSTED_KG_PASSWORD"


class CredentialsError(Exception):
    """Credentials that cannot be used; the message never contains a secret."""


def without_userinfo(url: str) -> str:
    """The URL as it may be shown: any ``user:password@`` removed."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


def credentials(url: str) -> tuple[str, str] | None:
    """The user and password for ``url``'s server, or None when none are set."""
    if "@" in urlsplit(url).netloc:
        raise CredentialsError(
            f"credentials in the URL are not accepted; set {USER_VARIABLE} and "
            f"{PASSWORD_VARIABLE}, or use a netrc file")
    return _from_environment() or _from_netrc(urlsplit(url).hostname or "")


def basic_authorization(user: str, password: str) -> str:
    """The HTTP Basic ``Authorization`` header value (RFC 7617, UTF-8)."""
    token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    return f"Basic {token}"


def _from_environment() -> tuple[str, str] | None:
    user = os.environ.get(USER_VARIABLE)
    password = os.environ.get(PASSWORD_VARIABLE)
    if user is None and password is None:
        return None
    if not user or password is None:
        missing = USER_VARIABLE if not user else PASSWORD_VARIABLE
        raise CredentialsError(f"{missing} is not set (both or neither)")
    return user, password


def _from_netrc(host: str) -> tuple[str, str] | None:
    path = Path(os.environ.get("NETRC") or Path.home() / ".netrc")
    if not path.is_file():
        return None
    try:
        entry = netrc.netrc(str(path)).authenticators(host)
    except (netrc.NetrcParseError, OSError) as error:
        # the parser's message may quote the file's text: name the file and line only
        line = getattr(error, "lineno", None)
        where = f" (line {line})" if line else ""
        raise CredentialsError(f"the netrc file {path} cannot be read{where}") from None
    if entry is None:
        return None
    login, _, password = entry
    return (login or "", password or "")


_SECRET_PATTERNS = [
    # a header quoted back: "Authorization: Basic dXNlcjpwYXNz", "proxy-authorization=..."
    (r"(?i)\b((?:proxy-)?authorization)(\"?\s*[:=]\s*\"?)(?:(?:basic|bearer|digest|negotiate)"
     r"\s+)?[^\s\"',;]+", r"\1\2***"),
    (r"(?i)\b(basic|bearer|digest|negotiate)\s+[A-Za-z0-9+/=._~-]{6,}", r"\1 ***"),
    # a Digest answer quoted back: its response hash (the password is never sent)
    (r"(?i)\b(response)(\s*=\s*\"?)[0-9A-Za-z+/=]{6,}", r"\1\2***"),
    (r"(?i)\b(password|passwd|pwd|token|secret|api[_-]?key)(\"?\s*[:=]\s*\"?)[^\s\"',;&]+",
     r"\1\2***"),
]


def scrub(text: str, *authorizations: str | None) -> str:
    """``text`` (a server's answer, to be quoted) with anything that looks like a
    credential replaced by ``***``: the Authorization headers sent (Basic or Digest) and
    the password and token in a Basic one, wherever they appear, and any header, token,
    Digest response or password the text shows."""
    import re

    secrets: list[str] = []
    for authorization in filter(None, authorizations):
        scheme, _, token = authorization.partition(" ")
        secrets += [authorization, token]
        if scheme.lower() != "basic":
            continue
        try:
            user, _, password = base64.b64decode(token).decode("utf-8").partition(":")
            secrets += [password] if len(password) >= 3 else []
        except (ValueError, UnicodeDecodeError):
            pass
    for secret in sorted(filter(None, secrets), key=len, reverse=True):
        text = text.replace(secret, "***")
    for pattern, replacement in _SECRET_PATTERNS:
        text = re.sub(pattern, replacement, text)
    return text
