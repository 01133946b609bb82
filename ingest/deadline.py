"""A time limit on a whole piece of network work (connect, status line, headers, body),
for any HTTP client.

Socket timeouts (urllib's ``timeout``, httpx's ``Timeout``) bound each read, not the
request: a server that sends one byte every half second is waited on for ever. ``within``
runs the work in a daemon thread and gives up when the time is over, raising
``TimeoutError``; the abandoned thread ends with its connection, or with the process.
Use it around one request and the reading of its answer:

    answer = within(timeout, lambda: client.get(url).content)
"""

import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def within(seconds: float, work: Callable[[], T],
           on_timeout: Callable[[], object] | None = None) -> T:
    """``work()``'s result or exception, if it ends within ``seconds``; else
    ``TimeoutError`` (after calling ``on_timeout``, e.g. to close the connection)."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["result"] = work()
        except BaseException as error:  # handed to the caller's thread
            outcome["error"] = error

    thread = threading.Thread(target=run, name="within", daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        if on_timeout is not None:
            try:
                on_timeout()
            except Exception:
                pass  # closing is a courtesy; the caller is told of the timeout
        raise TimeoutError(f"not done within {seconds:g} s")
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["result"]  # type: ignore[return-value]
