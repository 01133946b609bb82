"""The one error type the pipeline raises for input it cannot use."""


class InputError(Exception):
    """A source that is not a usable report; the message says why, in one line."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(source, reason)  # both in args, so the error survives pickling
        self.source = source
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def decoded(path: object) -> str:
    """A file name as text that can always be stored: bytes that are not UTF-8 become
    U+FFFD."""
    import os

    return os.fsencode(path).decode("utf-8", "replace")  # type: ignore[arg-type]


def shown(path: object) -> str:
    """A path as text that can always be printed on one line: ``decoded``, with control
    characters (a newline in a name) as ``\\n``-style escapes."""
    text = decoded(path) if isinstance(path, str) or hasattr(path, "__fspath__") else str(path)
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)


class QueryError(Exception):
    """A saved query that cannot be found, read or given its parameters (here, below both
    ``queries`` and the store modules that check parameter values, so neither imports the
    other for it)."""


class NotAReport(InputError):
    """A file that is not a report of a kind read here (an HTML page, an empty file, a
    document with no inspection title): skipped, and said so, rather than a report that
    could not be read. ``ingest --strict`` fails on it too."""
