"""The one error type the pipeline raises for input it cannot use."""


class InputError(Exception):
    """A source that is not a usable report; the message says why, in one line."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(source, reason)  # both in args, so the error survives pickling
        self.source = source
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


class NotAReport(InputError):
    """A file that is not a report of a kind read here (an HTML page, an empty file, a
    document with no inspection title): skipped, and said so, rather than a report that
    could not be read. ``ingest --strict`` fails on it too."""
