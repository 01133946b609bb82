"""scripts/bench_queries.py times saved queries as new processes and says which is slowest."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_times_each_query_and_names_the_slowest(tmp_path, example):
    command = Path(sys.executable).parent / "ofsted-kg"
    if not command.exists():
        pytest.skip("the ofsted-kg command is not installed in this environment")
    data = tmp_path / "g.trig"
    subprocess.run([command, "ingest", example, "-o", data], check=True, capture_output=True)
    out = tmp_path / "times.json"
    done = subprocess.run(
        [sys.executable, ROOT / "scripts" / "bench_queries.py", "--data", data, "--runs", "1",
         "--only", "judgements", "--only", "authority-history", "-o", out],
        capture_output=True, text=True, check=True)
    figures = json.loads(out.read_text())
    timed = {q["query"]: q for q in figures["queries"]}
    assert timed["judgements"]["rows"] > 0 and timed["judgements"]["exit"] == 0
    assert timed["authority-history"]["skipped"] == "needs --param authority=VALUE"
    assert figures["slowest"]["query"] == "judgements"
    assert f"slowest: judgements {timed['judgements']['median']:.2f} s" in done.stdout
