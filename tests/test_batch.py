"""Ingesting many files at once: named graphs, folders, refusals that do not stop a batch."""

import shutil
from pathlib import Path

import pytest
from rdflib import Dataset, URIRef

EXAMPLE_IRI = "https://w3id.org/ofsted-kg/id/report/fernley/2017-03-24"


@pytest.fixture
def batch_dir(tmp_path: Path, example: Path) -> Path:
    folder = tmp_path / "reports"
    (folder / "nested").mkdir(parents=True)
    shutil.copy(example, folder / "nested" / example.name)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    (folder / "notes.csv").write_text("ignored, not a report suffix\n")
    return folder


@pytest.mark.parametrize("suffix,fmt", [("trig", "trig"), ("nq", "nquads")])
def test_named_graph_per_report_and_refusal_reported(run, batch_dir, tmp_path, suffix, fmt):
    out = tmp_path / f"all.{suffix}"
    result = run("ingest", batch_dir, "-o", out, "--no-progress")
    assert result.exit_code == 1  # one file was refused
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "broken.pdf" in errors[0]
    assert "2 files: 1 ingested (sif 1), 1 refused" in result.stderr
    dataset = Dataset()
    dataset.parse(out, format=fmt)
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    shared = "https://w3id.org/ofsted-kg/id/graph/"
    assert names == {EXAMPLE_IRI, shared + "authorities", shared + "vocabulary",
                     shared + "integrity"}
    report = dataset.graph(URIRef(EXAMPLE_IRI))
    authorities = dataset.graph(URIRef(shared + "authorities"))
    assert not set(report) & set(authorities)  # each fact once
    from ingest.store.targets import files_store

    assert len(files_store([out])) == sum(len(dataset.graph(URIRef(n))) for n in names)


def test_one_file_per_report_in_a_folder(run, example, tmp_path):
    out = tmp_path / "graphs"
    result = run("ingest", example, example, "-o", out, "-f", "nt", "--no-progress")
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in out.iterdir()] == ["fernley-2017-03-24.nt"]


def test_jobs_do_not_change_the_bytes(run, example, tmp_path):
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}.trig"
        result = run("ingest", example, example, "-o", out, "-j", jobs, "--no-progress")
        assert result.exit_code == 0
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_folder_of_graphs_is_queryable(run, example, tmp_path):
    out = tmp_path / "graphs"
    assert run("ingest", example, "-o", out, "--no-progress").exit_code == 0
    result = run("query", "judgements", "--data", out, "-f", "csv")
    assert result.exit_code == 0 and "Outstanding" in result.stdout


def test_nothing_to_ingest_is_a_usage_error(run, tmp_path):
    result = run("ingest", tmp_path, "-o", tmp_path / "x.trig")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "no report files" in result.stderr
