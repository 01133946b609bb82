"""The site of the whole corpus: every authority has a page, the reference report's page
shows its nine recommendations with their findings and page numbers, and the national
counts equal ``query latest-grades``."""

import csv
import io
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from sitehelp import table

from ingest.cli import cli

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def corpus_site(corpus_store, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus-site") / "site"
    result = CliRunner().invoke(cli, ["site", "--store", str(corpus_store), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    return out


def test_every_authority_of_the_corpus_has_a_page(corpus_site, shared):
    urns = {folder.name.split("-", 1)[0] for folder in (shared / "corpus").iterdir()
            if folder.is_dir() and any(folder.glob("*.pdf"))}
    pages = {p.parent.name for p in (corpus_site / "id/authority").glob("*/index.html")}
    assert len(urns) >= 100 and urns <= pages


def test_national_counts_equal_latest_grades(corpus_site, corpus_store):
    result = CliRunner().invoke(cli, ["query", "latest-grades", "--store", str(corpus_store),
                                      "-f", "csv"])
    latest = list(csv.DictReader(io.StringIO(result.stdout)))
    expected = Counter((r["serviceAreaLabel"], r["gradeLabel"]) for r in latest)
    rows = table((corpus_site / "index.html").read_text(), "How many authorities")
    shown = Counter({(row[0], grade): int(n) for row in rows[1:]
                     for grade, n in zip(rows[0][1:-1], row[1:-1], strict=True) if int(n)})
    assert shown == expected


def test_the_reference_report_page(corpus_site):
    html = (corpus_site / "id/inspection/80518/2018-05-31/index.html").read_text()
    sections = re.findall(r'<section class="recommendation[^"]*".*?</section>', html, re.S)
    assert len(sections) == 9
    for section in sections:
        assert "<strong>Finding " in section
        assert re.search(r"</strong>, page \d+", section)


def test_the_summary_workbook_shows_each_authoritys_neighbours_with_their_own_grades(
        corpus_site):
    """The neighbours sheet: the reference table's neighbours of every authority, each
    beside the grades of its own summary row, and blank where the corpus has no report."""
    openpyxl = pytest.importorskip("openpyxl", reason="openpyxl reads the spreadsheet back")
    from ingest.authorities import by_la_code, by_urn

    workbook = openpyxl.load_workbook(corpus_site / "summary.xlsx")
    assert workbook.sheetnames == ["summary", "neighbours"]
    summary = _sheet_rows(workbook["summary"])
    neighbours = _sheet_rows(workbook["neighbours"])
    own = {row["urn"]: row for row in summary}
    wandsworth = [row for row in neighbours if row["authorityName"] == "Wandsworth"]
    expected = {by_la_code(code).urn  # type: ignore[union-attr]
                for code in by_urn("80518").stat_neighbours}  # type: ignore[union-attr]
    assert {row["neighbourURN"] for row in wandsworth} == expected
    assert {row["authorityName"] for row in neighbours} == {row["authorityName"] for row in summary}
    held = [row for row in neighbours if row["childrensServicesReport"]]
    assert len(held) > len(neighbours) / 2
    for row in held:
        theirs = own[row["neighbourURN"]]
        assert row["inspectionEnd"] == theirs["inspectionEnd"]
        assert row["overall"] == theirs["overall"]
    for row in neighbours:
        if row["neighbourURN"] is not None and not row["childrensServicesReport"]:
            assert row["neighbourURN"] not in own and row["neighbourName"]
            assert row["inspectionEnd"] is None and row["overall"] is None


def _sheet_rows(sheet) -> list[dict]:
    header = [cell.value for cell in sheet[1]]
    return [dict(zip(header, row, strict=True))
            for row in sheet.iter_rows(min_row=2, values_only=True)]
