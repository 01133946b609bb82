"""Every exit code of every command, as docs/commands.md lists them."""

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "docs" / "commands.md"


def test_help_and_version_exit_0(run):
    assert run("--help").exit_code == 0
    assert run("--version").exit_code == 0


def test_a_usage_error_exits_2(run):
    assert run("no-such-command").exit_code == 2
    assert run("ingest").exit_code == 2  # a missing argument


def test_ingest_exit_codes(run, example, tmp_path):
    assert run("ingest", example, "-o", tmp_path / "a.ttl").exit_code == 0
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    assert run("ingest", example, broken, "-o", tmp_path / "b.ttl").exit_code == 1
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run("ingest", empty, "-o", tmp_path / "c.ttl").exit_code == 2
    blocked = tmp_path / "file"
    blocked.write_text("a file where a folder should be")
    result = run("ingest", example, "-o", blocked / "d.ttl")
    assert result.exit_code == 2 and "cannot be written" in result.stderr
    # 3 (another run writing the output), 130 and 143: tests/test_processes.py


def test_validate_exit_codes(run, example, tmp_path):
    good = tmp_path / "good.ttl"
    run("ingest", example, "-o", good)
    assert run("validate", good).exit_code == 0
    empty = tmp_path / "empty.ttl"
    empty.write_text("")
    result = run("validate", empty)
    assert result.exit_code == 1 and "No inspection found" in result.stdout
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle")
    result = run("validate", bad)
    assert result.exit_code == 2 and result.stderr.startswith(f"Error: {bad}")


def test_queries_and_query_exit_codes(run, example, tmp_path):
    assert run("queries").exit_code == 0
    graph = tmp_path / "g.ttl"
    run("ingest", example, "-o", graph)
    assert run("query", "judgements", "--data", graph).exit_code == 0
    assert run("query", "no-such-query", "--data", graph).exit_code == 2


def test_reconcile_exit_codes(run, shared, tmp_path):
    sheet = shared / "reference" / "ofsted-la-inspection-outcomes-2025.ods"
    report = shared / "corpus" / "80461-devon" / "2020-03-17.pdf"
    graph = tmp_path / "devon.ttl"
    assert run("ingest", report, "-o", graph).exit_code == 0
    assert run("reconcile", sheet, "--data", graph).exit_code == 0
    text = graph.read_text(encoding="utf-8")
    overall = re.search(r"judgement/overall> .*?okg:grade grade:([\w-]+)", text, re.S)
    other = "inadequate" if overall[1] != "inadequate" else "good"
    changed = tmp_path / "changed.ttl"
    changed.write_text(text.replace(f"okg:grade grade:{overall[1]}", f"okg:grade grade:{other}",
                                    1), encoding="utf-8")
    result = run("reconcile", sheet, "--data", changed)
    assert result.exit_code == 1 and "differs: Devon" in result.stdout
    assert run("reconcile", tmp_path / "none.ods", "--data", graph).exit_code == 2


@pytest.mark.parametrize("command", ["ingest", "validate", "queries", "query", "reconcile"])
def test_the_readme_lists_each_commands_exit_codes(command):
    row = next(line for line in README.read_text(encoding="utf-8").splitlines()
               if line.startswith(f"| `ofsted-kg {command}"))
    assert re.search(r"\| 0\b", row), row
