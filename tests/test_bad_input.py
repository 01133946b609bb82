"""Bad input: one line on stderr naming the file and the problem, a non-zero exit."""

import pytest

CASES = {
    "empty.pdf": (b"", "is empty"),
    "blank.txt": (b"  \n\n", "is empty"),
    "page.pdf": (b"<!DOCTYPE html>\n<html><body>Not found</body></html>", "is an HTML page"),
    "broken.pdf": (b"%PDF-1.7\nthis is not really a pdf", "is not a readable PDF"),
    "notes.txt": (b"Shopping list\n- eggs\n- milk\n", "is not an Ofsted inspection report"),
    "binary.bin": (bytes(range(256)) * 4, "is neither a PDF nor UTF-8 text"),
}


NOT_REPORTS = {"empty.pdf", "blank.txt", "page.pdf", "notes.txt", "binary.bin"}


@pytest.mark.parametrize("name", sorted(CASES))
def test_refused_with_one_line(run, tmp_path, name):
    data, reason = CASES[name]
    said = "Skipped" if name in NOT_REPORTS else "Error"
    source = tmp_path / name
    source.write_bytes(data)
    output = tmp_path / "out.ttl"
    output.write_text("previous contents\n")
    result = run("ingest", source, "-o", output)
    assert result.exit_code == 1  # nothing to ingest: a failure, even if not a report
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith(f"{said}: {source}: {reason}")
    assert output.read_text() == "previous contents\n"  # nothing half-written


def test_missing_file(run, tmp_path):
    result = run("ingest", tmp_path / "nowhere.pdf")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {tmp_path / 'nowhere.pdf'}: cannot be read")


def test_html_pages_in_the_corpus_are_refused(run, shared):
    import csv

    with open(shared / "corpus" / "MANIFEST.csv", newline="") as stream:
        html = [row["path"] for row in csv.DictReader(stream) if row["content"] != "pdf"]
    assert len(html) == 3
    for path in html:
        result = run("ingest", shared / "corpus" / path, "-o", "-")
        assert result.exit_code == 1
        assert result.stderr.startswith(f"Skipped: {shared / 'corpus' / path}: is an HTML page")
        assert len(result.stderr.splitlines()) == 1


def test_files_that_are_not_reports_are_skipped_and_counted(run, tmp_path, example):
    import shutil

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(example, folder / "report.md")
    for name in ("page.pdf", "empty.pdf"):
        (folder / name).write_bytes(CASES[name][0])
    result = run("ingest", folder, "--store", tmp_path / "store")
    assert result.exit_code == 0, result.stderr  # so `ingest && validate` goes on
    assert [line.split(":")[0] for line in result.stderr.splitlines()[:2]] == [
        "Skipped", "Skipped"]
    assert "3 files: 1 ingested (sif 1), 2 not a report (skipped), 0 refused" in result.stderr
    assert run("ingest", folder, "--store", tmp_path / "store", "--strict").exit_code == 1
    (folder / "broken.pdf").write_bytes(CASES["broken.pdf"][0])  # a report not read fails
    result = run("ingest", folder, "--store", tmp_path / "store")
    assert result.exit_code == 1 and "Error: " in result.stderr and "1 refused" in result.stderr


def test_truncated_report_is_refused(run, tmp_path, example):
    text = example.read_text().split("## Inspection findings")[0].replace("Inspection date", "X")
    source = tmp_path / "truncated.md"
    source.write_text(text)
    result = run("ingest", source)
    assert result.exit_code == 1
    assert "has no inspection dates" in result.stderr
