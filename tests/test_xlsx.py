"""query -f xlsx: typed cells, a frozen header, an autofilter, widths, the same bytes."""

import datetime
import subprocess
import sys

import pytest
from examples import example_parameters

from ingest.queries import saved_queries

openpyxl = pytest.importorskip("openpyxl", reason="openpyxl reads the spreadsheets back")


@pytest.fixture(scope="module")
def store(tmp_path_factory, example):
    from click.testing import CliRunner

    from ingest.cli import cli

    folder = tmp_path_factory.mktemp("xlsx") / "store"
    data = example.parent
    result = CliRunner().invoke(cli, ["ingest", str(data), "--store", str(folder),
                                      "--no-progress"])
    assert result.exit_code == 0, result.stderr
    return folder


def test_summary_has_one_typed_row_per_authority(run, store, tmp_path):
    out = tmp_path / "summary.xlsx"
    result = run("query", "summary", "--store", store, "-f", "xlsx", "-o", out)
    assert result.exit_code == 0, result.stderr
    sheet = openpyxl.load_workbook(out).active
    header = [c.value for c in sheet[1]]
    assert header[:8] == ["authorityName", "urn", "laCode", "onsCode", "region",
                          "inspectionStart", "inspectionEnd", "framework"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 1
    row = dict(zip(header, rows[0], strict=True))
    assert row["authorityName"] == "Fernley"
    assert row["inspectionEnd"] == datetime.datetime(2021, 11, 19)
    assert row["reinspection"] is False
    assert (row["overall"], row["previousOverall"]) == ("Requires improvement to be good", "Good")
    assert row["previousEnd"] == datetime.datetime(2017, 3, 24)
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(header)).column_letter}2"
    assert sheet.column_dimensions["A"].width >= len("authorityName")


def test_numbers_are_numbers(run, store, tmp_path):
    out = tmp_path / "rf.xlsx"
    assert run("query", "recommendation-findings", "--store", store, "-f", "xlsx",
               "-o", out).exit_code == 0
    sheet = openpyxl.load_workbook(out).active
    header = [c.value for c in sheet[1]]
    first = dict(zip(header, next(sheet.iter_rows(min_row=2, values_only=True)), strict=True))
    assert isinstance(first["number"], int) and isinstance(first["score"], float)


@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_every_saved_query_writes_a_spreadsheet(run, store, tmp_path, name):
    out = tmp_path / f"{name}.xlsx"
    result = run("query", name, "--store", store, "-f", "xlsx", "-o", out,
                 *example_parameters(name))
    assert result.exit_code == 0, result.stderr
    sheet = openpyxl.load_workbook(out).active
    assert [c.value for c in sheet[1]] == saved_header(run, store, name)


def saved_header(run, store, name):
    result = run("query", name, "--store", store, "-f", "csv", *example_parameters(name))
    return result.stdout.splitlines()[0].split(",")


def test_the_same_rows_give_the_same_bytes(store, tmp_path):
    outputs = []
    for attempt in ("a", "b"):  # two processes: nothing of the moment in the bytes
        out = tmp_path / f"{attempt}.xlsx"
        command = [sys.executable, "-m", "ingest", "query", "summary", "--store", str(store),
                   "-f", "xlsx", "-o", str(out)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_xlsx_needs_an_output_file(run, store):
    result = run("query", "summary", "--store", store, "-f", "xlsx")
    assert result.exit_code == 2
    assert result.stderr == "Error: -f xlsx writes a file: give -o FILE.xlsx\n"
