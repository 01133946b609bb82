"""The embedded store: one named graph per report, shared graphs holding each fact once,
history joined whatever the order of ingests, export, validate and duplicates."""

import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from examples import example_parameters

from ingest.queries import saved_queries
from ingest.store.names import AUTHORITIES, FOLLOW_THROUGH, HISTORY, INTEGRITY, VOCABULARY

DATA = Path(__file__).resolve().parent / "data"
F2014, F2017, F2021 = (DATA / f"fernley-{year}.md" for year in (2014, 2017, 2021))
REPORT = "https://w3id.org/ofsted-kg/id/report/fernley/"


def ingest(run, store: Path, *sources: Path) -> str:
    result = run("ingest", *sources, "--store", store, "--no-progress")
    assert result.exit_code == 0, result.stderr
    return result.stderr


def answers(run, store: Path) -> dict[str, list]:
    """Every saved query's rows from the store."""
    found = {}
    for name in saved_queries():
        result = run("query", name, "--store", store, "-f", "json", *example_parameters(name))
        assert result.exit_code == 0, (name, result.stderr)
        found[name] = json.loads(result.stdout)["results"]["bindings"]
    return found


def quads(store: Path) -> set:
    opened = ox.Store.read_only(str(store))
    return set(opened)


def graph_names(store: Path) -> set[str]:
    return {g.value for g in ox.Store.read_only(str(store)).named_graphs()}


@pytest.fixture(scope="module")
def together(tmp_path_factory) -> Path:
    from click.testing import CliRunner

    from ingest.cli import cli

    store = tmp_path_factory.mktemp("together") / "store"
    result = CliRunner().invoke(cli, ["ingest", str(F2014), str(F2017), str(F2021),
                                      "--store", str(store)])
    assert result.exit_code == 0, result.stderr
    return store


def test_each_report_is_a_graph_and_shared_facts_are_stated_once(together):
    names = graph_names(together)
    reports = {REPORT + end for end in ("2014-04-24", "2017-03-24", "2021-11-19")}
    assert names == reports | {AUTHORITIES, VOCABULARY, HISTORY, FOLLOW_THROUGH, INTEGRITY}
    store = ox.Store.read_only(str(together))
    fernley = ox.NamedNode("https://w3id.org/ofsted-kg/id/authority/fernley")
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    where = [q.graph_name.value for q in store.quads_for_pattern(fernley, label, None)]
    assert where == [AUTHORITIES]
    assert len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(VOCABULARY)))) > 100


def test_history_graph_joins_the_previous_inspection(together):
    store = ox.Store.read_only(str(together))
    joined = [(q.subject.value, q.predicate.value, q.object.value)
              for q in store.quads_for_pattern(None, None, None, ox.NamedNode(HISTORY))]
    base = "https://w3id.org/ofsted-kg/id/inspection/fernley/"
    assert joined == [(base + "2017-03-24/previous", "http://www.w3.org/2002/07/owl#sameAs",
                       base + "2014-04-24")]


@pytest.mark.parametrize("runs", [
    [[F2017], [F2021], [F2014]],  # the earlier report last, each in a run of its own
    [[F2021, F2017], [F2014]],
    [[F2014], [F2017, F2021], [F2014, F2017, F2021]],  # and everything again
])
def test_any_order_and_any_number_of_runs_give_the_same_store(run, tmp_path, together, runs):
    store = tmp_path / "store"
    for sources in runs:
        ingest(run, store, *sources)
    assert quads(store) == quads(together)
    assert answers(run, store) == answers(run, together)


def test_reingest_changes_nothing_and_export_is_the_same_bytes(run, tmp_path, together):
    store = tmp_path / "store"
    shutil.copytree(together, store)
    before = quads(store)
    ingest(run, store, F2017)
    assert quads(store) == before
    first, second = tmp_path / "a.trig", tmp_path / "b.trig"
    assert run("export", "--store", store, "-o", first).exit_code == 0
    assert run("export", "--store", together, "-o", second).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    # ingest -o writes the same layout, byte for byte
    files = tmp_path / "files.trig"
    assert run("ingest", F2021, F2014, F2017, "-o", files).exit_code == 0
    assert files.read_bytes() == first.read_bytes()
    nquads = tmp_path / "all.nq"
    assert run("export", "--store", store, "-o", nquads).exit_code == 0
    assert len(nquads.read_text().splitlines()) == len(before)


def test_files_store_and_endpointless_targets_agree(run, tmp_path, together):
    exported = tmp_path / "all.trig"
    assert run("export", "--store", together, "-o", exported).exit_code == 0
    for name in saved_queries():
        args = ["-f", "json", *example_parameters(name)]
        from_store = run("query", name, "--store", together, *args).stdout
        from_file = run("query", name, "--data", exported, *args).stdout
        assert from_store == from_file, name


def test_same_report_given_twice_is_one_report_and_said(run, tmp_path):
    store = tmp_path / "store"
    copy = tmp_path / "copy" / "fernley-2017.txt"
    copy.parent.mkdir()
    shutil.copy(F2017, copy)
    result = run("ingest", F2017, copy, F2017, "--store", store, "--no-progress")
    assert result.exit_code == 0, result.stderr
    notes = [line for line in result.stderr.splitlines() if line.startswith("Note:")]
    assert notes == [f"Note: {copy}: the same report ({REPORT}2017-03-24) as {F2017}, "
                     "which is kept"] + [
        f"Note: {F2017}: the same report ({REPORT}2017-03-24) as {F2017}, which is kept"]
    assert "3 files: 1 ingested (sif 1), 2 the same report as another, 0 refused" in (
        result.stderr)
    folder = tmp_path / "graphs"
    result = run("ingest", F2017, copy, "-o", folder, "--no-progress")
    assert "1 file written" in result.stderr and len(list(folder.iterdir())) == 1


def test_validate_store_and_files(run, together, tmp_path):
    result = run("validate", "--store", together)
    assert result.exit_code == 0 and result.stdout.startswith("Conforms")
    exported = tmp_path / "all.trig"
    run("export", "--store", together, "-o", exported)
    assert run("validate", exported).stdout == result.stdout
    broken = tmp_path / "broken.trig"
    broken.write_text(exported.read_text().replace("okg:endDate", "okg:otherDate"))
    result = run("validate", broken)
    assert result.exit_code == 1 and "exactly one end date" in result.stdout


def test_default_store_comes_from_the_environment(run, tmp_path, monkeypatch):
    monkeypatch.setenv("OFSTED_KG_STORE", str(tmp_path / "env-store"))
    result = run("ingest", F2017, "--no-progress")
    assert result.exit_code == 0 and str(tmp_path / "env-store") in result.stderr
    table = run("query", "judgements", "--param", "authority=Fernley")
    assert table.exit_code == 0 and "(12 rows)" in table.stdout


def test_querying_the_store_does_not_load_rdflib(together):
    """Start-up matters: the query path runs on pyoxigraph alone."""
    import subprocess
    import sys

    code = ("import sys; from ingest.cli import cli; "
            f"cli.main(['query', 'judgements', '--store', {str(together)!r}, '-f', 'csv'], "
            "standalone_mode=False); print('rdflib' in sys.modules, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.startswith("authorityName,") and done.stderr.strip() == "False"


def test_the_pdf_is_kept_over_its_text_rendering(run, seeds, tmp_path):
    text, pdf = seeds / "wandsworth-2018.pdftext.txt", seeds / "wandsworth-2018.pdf"
    store = tmp_path / "store"
    result = run("ingest", text, pdf, "--store", store, "--no-progress")
    assert result.exit_code == 0, result.stderr
    report = "https://w3id.org/ofsted-kg/id/report/80518/2018-05-31"
    assert f"Note: {text}: the same report ({report}) as {pdf}, which is kept" in result.stderr
    pages = ox.Store.read_only(str(store)).query(
        "PREFIX okg: <https://w3id.org/ofsted-kg/def#> "
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?f a okg:Finding ; okg:page ?page } }")
    assert int(next(iter(pages))["n"].value) == 77  # the PDF's findings, with their pages


def test_a_folder_of_report_files_gives_each_row_once(run, tmp_path, together):
    folder = tmp_path / "graphs"
    result = run("ingest", F2014, F2017, F2021, "-o", folder, "--no-progress")
    assert result.exit_code == 0 and len(list(folder.iterdir())) == 3
    for name in ("latest-grades", "recommendations", "findings", "grade-changes"):
        from_files = run("query", name, "--data", folder, "-f", "json").stdout
        assert from_files == run("query", name, "--store", together, "-f", "json").stdout, name
    # files of one report each carry no history: the 2017 report's account of 2014 stays apart
    judgements = json.loads(run("query", "judgements", "--data", folder, "-f", "json").stdout)
    assert len(judgements["results"]["bindings"]) == 7 + 12 + 4
    assert run("validate", folder).exit_code == 0


def test_a_store_another_process_writes_to_is_one_line(tmp_path):
    import subprocess
    import sys

    holder = ox.Store(str(tmp_path / "store"))  # this process holds the writer's lock
    done = subprocess.run([sys.executable, "-m", "ingest", "ingest", str(F2017), "--store",
                           str(tmp_path / "store")], capture_output=True, text=True)
    del holder
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert done.stderr.startswith(f"Error: {tmp_path / 'store'}: the store cannot be opened")
    assert "another process is writing to it" in done.stderr


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".jsonld", ".rdf"])
def test_export_writes_the_merged_graph_in_every_syntax(run, tmp_path, together, suffix):
    import pyoxigraph as ox

    out = tmp_path / f"all{suffix}"
    result = run("export", "--store", together, "-o", out)
    assert result.exit_code == 0, result.stderr
    written = ox.Store()
    written.load(path=str(out), format=ox.RdfFormat.from_extension(suffix[1:]))
    store = ox.Store.read_only(str(together))
    integrity = "https://w3id.org/ofsted-kg/id/graph/integrity"
    expected = {q.triple for q in store if not isinstance(q.graph_name, ox.DefaultGraph)
                and q.graph_name.value != integrity}
    assert {q.triple for q in written} == expected  # every graph's triples, each once
    assert result.stderr == f"{len(expected)} triples written to {out}\n"
    again = tmp_path / f"again{suffix}"
    run("export", "--store", together, "-o", again)
    assert again.read_bytes() == out.read_bytes()  # the same bytes for the same store


def test_export_refuses_a_suffix_of_no_syntax(run, tmp_path, together):
    result = run("export", "--store", together, "-o", tmp_path / "all.xlsx")
    assert result.exit_code == 2
    assert result.stderr == (f"Error: {tmp_path / 'all.xlsx'}: export writes .trig, .nq, .ttl, "
                             ".nt, .jsonld, .rdf files\n")
