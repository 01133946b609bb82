"""The command line end to end, in-process."""

import json

from rdflib import Graph


def test_ingest_validate_query(run, example, tmp_path):
    out = tmp_path / "fernley.ttl"
    result = run("ingest", example, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert "@prefix okg:" in out.read_text()
    result = run("validate", out)
    assert result.exit_code == 0 and result.stdout.startswith("Conforms")


def test_validate_exit_codes_and_formats(run, example, tmp_path):
    out = tmp_path / "fernley.ttl"
    run("ingest", example, "-o", out)
    broken = tmp_path / "broken.ttl"
    text = out.read_text()
    broken.write_text(text.replace("okg:endDate", "okg:otherDate"))
    result = run("validate", broken)
    assert result.exit_code == 1
    assert "Does not conform" in result.stdout and "exactly one end date" in result.stdout
    report = json.loads(run("validate", broken, "--format", "json").stdout)
    assert report["conforms"] is False and report["results"][0]["severity"] == "Violation"
    shacl = run("validate", broken, "--format", "ttl").stdout
    assert len(Graph().parse(data=shacl, format="turtle")) > 0
    garbage = tmp_path / "garbage.ttl"
    garbage.write_text("this is not turtle")
    result = run("validate", garbage)
    assert result.exit_code == 2 and result.stderr.startswith(f"Error: {garbage}: cannot be read")
    assert run("validate", tmp_path / "missing.ttl").exit_code == 2


def test_query_without_a_store_says_how_to_make_one(run, tmp_path):
    result = run("query", "judgements", "--store", tmp_path / "none")
    assert result.exit_code == 2
    assert result.stderr == (f"Error: {tmp_path / 'none'}: no store here; 'ofsted-kg ingest "
                             f"REPORTS --store {tmp_path / 'none'}' creates one\n")
    result = run("query", "judgements", "--store", tmp_path, "--data", tmp_path / "x.ttl")
    assert result.exit_code == 2 and "give one of --store DIR" in result.stderr


def test_installed_command_runs_from_another_folder(tmp_path, example):
    import subprocess
    import sys
    from pathlib import Path

    import pytest

    command = Path(sys.executable).parent / "ofsted-kg"
    if not command.exists():
        pytest.skip("the ofsted-kg command is not installed in this environment")
    subprocess.run([command, "ingest", example, "-o", "g.ttl"], cwd=tmp_path, check=True)
    listed = subprocess.run([command, "query", "judgements", "--data", "g.ttl"], cwd=tmp_path,
                            check=True, capture_output=True, text=True).stdout
    assert "Fernley" in listed and "(12 rows)" in listed


def test_validate_speaks_of_councils_files_and_parts_in_100_columns(run, tmp_path):
    from pathlib import Path

    data = Path(__file__).resolve().parent / "data"
    store = tmp_path / "store"
    assert run("ingest", data, "--store", store).exit_code == 0
    result = run("validate", "--store", store)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Conforms: 4 reports checked; 2 warnings, in 1 of them"  # area SEND too
    assert "Fernley, inspection ended 2014-04-24, report file fernley-2014.md" in lines
    assert ("  Warning: LSCB recommendation 18: No finding supports this recommendation."
            in lines)
    assert all(len(line) <= 100 for line in lines) and "https://" not in result.stdout
    machine = json.loads(run("validate", "--store", store, "-f", "json").stdout)
    assert {r["path"] for r in machine["results"]} == {"okg:ofstedURN", "^okg:supports"}


def test_messages_during_a_progress_bar_are_whole_lines(run, tmp_path):
    import shutil
    from pathlib import Path

    folder = tmp_path / "in"
    shutil.copytree(Path(__file__).resolve().parent / "data", folder)
    (folder / "page.pdf").write_text("<html><body>not a report</body></html>")
    (folder / "empty.md").write_text("")
    result = run("ingest", folder, "--store", tmp_path / "store", "--progress")
    # the bar is cleared before each message (tqdm.write), never split by it
    shown = [part for line in result.stderr.split("\n") for part in line.split("\r")]
    said = [part for part in shown if "kipped:" in part]
    assert len(said) == 2 and all(part.startswith("Skipped: ") for part in said), said
