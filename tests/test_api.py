"""The Python API: open a store, list the saved questions, ask one with parameters and
get rows (or a DataFrame), ingest files, validate; as the README shows it."""

import datetime
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.api import QueryError, open_store

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    store = tmp_path_factory.mktemp("api") / "store"
    graph = open_store(store, writable=True)
    outcome = graph.ingest(DATA)
    assert sum(outcome.frameworks.values()) == 4 and not outcome.refused  # one area SEND
    return graph


def test_ask_gives_rows_of_python_values(kg):
    rows = kg.ask("latest-grades", authority="Fernley")
    grades = {row["gradeLabel"] for row in rows if row.get("outcomeLabel") is None}
    assert grades == {"Requires improvement to be good", "Good"}
    assert [row["outcomeLabel"] for row in rows if row.get("outcomeLabel")] == [
        "Widespread and/or systemic failings"]  # beside the grades, never one of them
    assert rows[0]["authorityName"] == "Fernley"
    assert rows[0]["inspectionEnd"] == datetime.date(2021, 11, 19)
    found = kg.ask("findings", authority="Fernley")
    assert all(isinstance(row["number"], int) for row in found)


def test_queries_lists_every_saved_question(kg):
    listed = kg.queries()
    assert "latest-grades" in listed and listed["latest-grades"].startswith("Each authority")


def test_a_wrong_value_raises_naming_the_nearest(kg):
    with pytest.raises(QueryError, match="did you mean Fernley"):
        kg.ask("latest-grades", authority="Fernly")


def test_frame_is_a_dataframe_with_the_querys_columns(kg):
    pytest.importorskip("pandas", reason="pandas is optional: pip install pandas")
    frame = kg.frame("judgements", authority="Fernley")
    assert list(frame.columns)[:3] == ["authorityName", "inspectionEnd", "published"]
    assert len(frame) == len(kg.ask("judgements", authority="Fernley"))
    empty = kg.frame("doubtful-citations")
    assert len(empty) == 0 and "authorityName" in empty.columns


def test_validate_and_read_only(kg, tmp_path):
    assert kg.validate().conforms
    reader = open_store(kg.location)
    with pytest.raises(PermissionError, match="writable=True"):
        reader.ingest(DATA)


def test_the_readme_example_runs(kg):
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    example = readme.split("```python\n", 1)[1].split("```", 1)[0]
    script = f"import os\nos.environ['OFSTED_KG_STORE'] = {str(kg.location)!r}\n{example}"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
