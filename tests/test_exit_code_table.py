"""The exit-code table of docs/commands.md, checked: every code each command's row lists
is produced by a case here (or by the named test that needs processes or signals), and
every case gives the code its row documents."""

import re
import socket
from pathlib import Path

import pytest
from servers import oxigraph, tiny_server

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "docs" / "commands.md"
DATA = ROOT / "tests" / "data"
EXAMPLE = DATA / "fernley-2017.md"
ELSEWHERE = {  # codes whose case needs processes or signals, and the test that runs it
    ("ingest", 3): "tests/test_processes.py::test_a_second_run_writing_the_same_output_is_refused",
    ("ingest", 130): "tests/test_processes.py::test_a_signal_ends_the_run_its_workers_and_its",
    ("ingest", 143): "tests/test_processes.py::test_a_signal_ends_the_run_its_workers_and_its",
}
OWNED_ELSEWHERE = {"fetch", "site"}  # checked by their own tests (test_fetch*, test_site*)


def documented() -> set[tuple[str, int]]:
    """(command, code) for every code the table's rows list."""
    found = set()
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\| `ofsted-kg (\w+)", line)
        if not match or match[1] in OWNED_ELSEWHERE:
            continue
        codes = line.rstrip(" |").rsplit(" | ", 1)[1]
        found |= {(match[1], int(code)) for code in re.findall(r"(?:^|; |, )(\d+)\b", codes)}
    return found


def closed_port() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


def server_error(handler):
    return 500, "text/plain", b"it broke"


def case(command: str, code: int, run, tmp_path: Path) -> int:  # noqa: C901  one table
    """Run the documented case; returns the exit code it gave."""
    good = tmp_path / "good.ttl"
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    store = tmp_path / "store"
    if command in ("validate", "export", "query", "list") or (command, code) == ("load", 0):
        assert run("ingest", EXAMPLE, "-o", good).exit_code == 0
        assert run("ingest", EXAMPLE, "--store", store).exit_code == 0
    cases = {
        ("ingest", 0): lambda: run("ingest", EXAMPLE, "-o", tmp_path / "a.ttl"),
        ("ingest", 1): lambda: run("ingest", EXAMPLE, broken, "-o", tmp_path / "b.ttl"),
        ("ingest", 2): lambda: run("ingest", _folder(tmp_path), "-o", tmp_path / "c.ttl"),
        ("validate", 0): lambda: run("validate", good),
        ("validate", 1): lambda: run("validate", _empty(tmp_path)),
        ("validate", 2): lambda: run("validate", "--store", tmp_path / "no-store"),
        ("queries", 0): lambda: run("queries"),
        ("query", 0): lambda: run("query", "judgements", "--store", store),
        ("query", 2): lambda: run("query", "no-such-query", "--store", store),
        ("query", 3): lambda: run("query", "judgements", "--endpoint", closed_port() + "/q"),
        ("query", 4): lambda: _with_server(server_error, lambda base: run(
            "query", "judgements", "--endpoint", base + "/q")),
        ("list", 0): lambda: run("list", "frameworks", "--store", store),
        ("list", 2): lambda: run("list", "authorities", "--store", tmp_path / "no-store"),
        ("list", 3): lambda: run("list", "authorities", "--endpoint", closed_port() + "/q"),
        ("list", 4): lambda: _with_server(server_error, lambda base: run(
            "list", "authorities", "--endpoint", base + "/q")),
        ("export", 0): lambda: run("export", "--store", store, "-o", tmp_path / "all.trig"),
        ("export", 2): lambda: run("export", "--store", store, "-o", tmp_path / "all.xyz"),
        ("load", 0): lambda: _with_oxigraph(tmp_path, lambda base: run(
            "load", EXAMPLE, "--graph-store", base + "/store")),
        ("load", 1): lambda: _with_oxigraph(tmp_path, lambda base: run(
            "load", EXAMPLE, broken, "--graph-store", base + "/store")),
        ("load", 2): lambda: run("load", EXAMPLE),
        ("load", 3): lambda: run("load", EXAMPLE, "--graph-store", closed_port() + "/store"),
        ("load", 4): lambda: _with_server(server_error, lambda base: run(
            "load", EXAMPLE, "--graph-store", base + "/store")),
        ("reconcile", 0): lambda: _reconcile(run, tmp_path, change=False),
        ("reconcile", 1): lambda: _reconcile(run, tmp_path, change=True),
        ("reconcile", 2): lambda: run("reconcile", tmp_path / "none.ods", "--data", EXAMPLE),
    }
    return cases[(command, code)]().exit_code


def _folder(tmp_path: Path) -> Path:
    """A folder with no report file in it: nothing to read."""
    folder = tmp_path / "no-reports"
    folder.mkdir()
    (folder / "notes.csv").write_text("not a report\n")
    return folder


def _empty(tmp_path: Path) -> Path:
    empty = tmp_path / "empty.ttl"
    empty.write_text("")
    return empty


def _with_server(answer, action):
    with tiny_server(answer) as base:
        return action(base)


def _with_oxigraph(tmp_path: Path, action):
    with oxigraph(tmp_path / "db") as base:
        return action(base)


def _reconcile(run, tmp_path: Path, change: bool):
    from conftest import shared_dir

    shared = shared_dir()
    if shared is None:
        pytest.skip("reconcile's cases need ../shared (the official sheet and a report)")
    sheet = shared / "reference" / "ofsted-la-inspection-outcomes-2025.ods"
    graph = tmp_path / "devon.ttl"
    assert run("ingest", shared / "corpus" / "80461-devon" / "2020-03-17.pdf",
               "-o", graph).exit_code == 0
    if change:
        text = graph.read_text(encoding="utf-8")
        grade = re.search(r"judgement/overall> .*?okg:grade grade:([\w-]+)", text, re.S)[1]
        other = "inadequate" if grade != "inadequate" else "good"
        graph.write_text(text.replace(f"okg:grade grade:{grade}", f"okg:grade grade:{other}",
                                      1), encoding="utf-8")
    return run("reconcile", sheet, "--data", graph)


CASES = sorted(documented() - set(ELSEWHERE))


def test_the_table_is_read_and_every_code_has_a_case():
    assert len(CASES) >= 20
    commands = {command for command, _ in documented()}
    assert commands == {"ingest", "validate", "queries", "query", "export", "load", "reconcile",
                        "list"}
    for (command, code), where in ELSEWHERE.items():
        assert (command, code) in documented()
        path, _, name = where.partition("::")
        assert f"def {name}" in (ROOT / path).read_text(encoding="utf-8")


@pytest.mark.parametrize(("command", "code"), CASES)
def test_each_documented_exit_code(run, tmp_path, command, code):
    assert case(command, code, run, tmp_path) == code
