import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from ingest.cli import cli

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE / "data" / "fernley-2017.md"


def shared_dir() -> Path | None:
    named = os.environ.get("OFSTED_SHARED")
    candidates = [Path(named)] if named else [HERE.parent.parent / "shared"]
    return next((p for p in candidates if p.is_dir()), None)


@pytest.fixture(scope="session")
def shared() -> Path:
    found = shared_dir()
    if found is None:
        pytest.skip("shared material not found: set OFSTED_SHARED or place it at ../shared")
    return found


@pytest.fixture(scope="session")
def seeds(shared: Path) -> Path:
    return shared / "seeds"


@pytest.fixture(scope="session")
def example() -> Path:
    return EXAMPLE


@pytest.fixture(autouse=True)
def store_in_tmp(tmp_path_factory, monkeypatch):
    """Every test's default store is a folder of its own, never the user's data folder."""
    monkeypatch.setenv("OFSTED_KG_STORE", str(tmp_path_factory.mktemp("store") / "store"))


@pytest.fixture(autouse=True)
def loopback_only(request, monkeypatch):
    """In the fetch tests, a connection to anything but 127.0.0.1 fails at once (as
    OSError, which a client reports as a connection fault), so no test reaches the real
    site, whatever it asks."""
    if not request.node.module.__name__.startswith("test_fetch"):
        return
    import socket

    connect = socket.socket.connect

    def guarded(sock, address):
        host = address[0] if isinstance(address, tuple) else address
        if sock.family in (socket.AF_INET, socket.AF_INET6) and host != "127.0.0.1":
            raise OSError(f"{host} is not loopback: the tests reach 127.0.0.1 only")
        return connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    monkeypatch.setattr(socket, "getaddrinfo", _loopback_names(socket.getaddrinfo))


def _loopback_names(getaddrinfo):
    def resolve(host, *args, **kwargs):
        if host not in ("127.0.0.1", "localhost"):
            raise OSError(f"{host} is not loopback: the tests reach 127.0.0.1 only")
        return getaddrinfo(host, *args, **kwargs)

    return resolve


@pytest.fixture
def run():
    """Run the CLI in-process; returns the click Result (stdout, stderr, exit_code)."""

    def invoke(*args: str):
        return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return invoke


@pytest.fixture(scope="session")
def example_graph():
    from ingest.pipeline import ingest_file

    return ingest_file(EXAMPLE)


@pytest.fixture(scope="session")
def corpus_store(shared, tmp_path_factory) -> Path:
    """The whole corpus ingested once into a store, for the corpus tests that query it."""
    import os

    from click.testing import CliRunner

    from ingest.cli import cli

    corpus = shared / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"the corpus folder {corpus} is absent")
    store = tmp_path_factory.mktemp("corpus") / "store"
    result = CliRunner().invoke(cli, ["ingest", str(corpus), "--store", str(store), "-j",
                                      str(os.cpu_count() or 1), "--no-progress"])
    assert result.exit_code in (0, 1), result.stderr  # some corpus files are refused
    assert "report graphs in the store" in result.stderr
    return store
