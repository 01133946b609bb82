"""How a run stops on a signal (Ctrl-C, SIGTERM), and whether it killed its workers.

The signal ends the run as ``SystemExit(128 + signal)``, so ``finally`` blocks run and
temporary files and locks go. The stop is also remembered, because the exit can be
swallowed on the way: a compiled module being imported when the signal comes (scikit-learn
loads scipy's) turns it into ``ImportError: initialization failed``, which a batch would
otherwise report as one report that could not be read, and go on. Code that reports
errors and goes on asks ``stop_requested`` first (``batch``, ``cli.main``).

A worker killed while it hands back a result leaves the pool's own thread waiting for
the rest of that message for ever, and Python joins that thread at exit: such a run
would hang. So a run that killed its workers ends with ``os._exit`` once its own
clean-up (temporary files, locks, the store) is done (``cli.main``)."""

_KILLED: list[bool] = []
_STOPPED: list[int] = []  # the exit status a signal asked for


def mark_killed() -> None:
    _KILLED.append(True)


def workers_killed() -> bool:
    return bool(_KILLED)


def stop_requested() -> int | None:
    """The exit status (128 + the signal) if a signal has asked this run to stop."""
    return _STOPPED[0] if _STOPPED else None


def stop_on_signals(kill_workers: bool = False) -> None:
    """SIGTERM and Ctrl-C end the run as an exit (128 + the signal: 130 for SIGINT, 143
    for SIGTERM), with no traceback; with ``kill_workers``, worker processes are killed at
    once, wherever the run is."""
    import signal

    def stop(signum: int, frame: object) -> None:
        signal.signal(signum, signal.SIG_IGN)  # once is enough
        _STOPPED.append(128 + signum)
        if kill_workers:
            import multiprocessing

            for worker in multiprocessing.active_children():
                worker.kill()
                mark_killed()
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
