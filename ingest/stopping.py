"""Whether this run killed its worker processes (Ctrl-C, SIGTERM, a run stopped early).

A worker killed while it hands back a result leaves the pool's own thread waiting for
the rest of that message for ever, and Python joins that thread at exit: such a run
would hang. So a run that killed its workers ends with ``os._exit`` once its own
clean-up (temporary files, locks, the store) is done (``cli.main``)."""

_KILLED: list[bool] = []


def mark_killed() -> None:
    _KILLED.append(True)


def workers_killed() -> bool:
    return bool(_KILLED)
