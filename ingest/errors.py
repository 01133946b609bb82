"""The one error type the pipeline raises for input it cannot use."""


class InputError(Exception):
    """A source that is not a usable report; the message says why, in one line."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
