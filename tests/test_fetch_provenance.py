"""Fetched reports in the graph: fetch then ingest gives the store that ingesting the same
files gives, plus where each was published; the saved queries show each report's URL. The
replica's Fernley page lists an area SEND full inspection too, which fetch takes by default."""

import csv
import io
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from conftest import shared_dir
from fetch_fixtures import FERNLEY_URN, INSPECTION, build, fernley_pdf
from replica import Replica

FAST = ("--delay", "0", "--timeout", "10", "--retries", "1", "--no-progress")
DCT = "http://purl.org/dc/terms/"


@pytest.fixture
def replica():
    site = Replica()
    try:
        site.served = build(site, shared_dir(), fillers=0, area_send=True)
        yield site
    finally:
        site.stop()


def quads(run, store: Path, tmp_path: Path) -> set[str]:
    out = tmp_path / f"{store.name}.nq"
    result = run("export", "--store", store, "-o", out)
    assert result.exit_code == 0, result.stderr
    return set(out.read_text(encoding="utf-8").splitlines())


def facts(lines: set[str]) -> set[str]:
    """The quads less the store's integrity records (each report graph's digest and triple
    count, which differ wherever the graphs do)."""
    return {line for line in lines if not line.endswith("/id/graph/integrity> .")}


def rows(run, store: Path, name: str, *params: str) -> list[dict[str, str]]:
    args = [arg for param in params for arg in ("--param", param)]
    result = run("query", name, "--store", store, "-f", "csv", *args)
    assert result.exit_code == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_fetch_then_ingest_is_ingesting_the_files_plus_where_each_was_published(
        run, replica, tmp_path):
    folder, fetched = tmp_path / "reports", tmp_path / "fetched"
    result = run("fetch", "--site", replica.url, "--to", folder, "--ingest", "--store", fetched,
                 *FAST)
    assert result.exit_code == 0, result.stderr
    assert f"{len(replica.served)} report graphs in the store" in result.stderr

    originals = tmp_path / "originals"  # the same bytes under the same names, no manifest
    for path, data in replica.served:
        (originals / path).parent.mkdir(parents=True, exist_ok=True)
        (originals / path).write_bytes(data)
    direct, again = tmp_path / "direct", tmp_path / "again"
    assert run("ingest", originals, "--store", direct, "--no-progress").exit_code == 0
    assert run("ingest", folder, "--store", again, "--no-progress").exit_code == 0

    with_urls, without = quads(run, fetched, tmp_path), quads(run, direct, tmp_path)
    assert quads(run, again, tmp_path) == with_urls  # ingesting the download folder: the same
    with_urls, without = facts(with_urls), facts(without)
    assert without <= with_urls
    added = with_urls - without
    urls = {line.split()[2] for line in added if f"<{DCT}source>" in line}
    assert urls == {f"<{replica.file_url(row['file_url'].rsplit('/', 1)[-1])}>"
                    for row in _manifest(folder)}
    assert len(urls) == len(replica.served)
    pages = {line.split()[2] for line in added if f"<{DCT}isReferencedBy>" in line}
    assert f"<{replica.url}/provider/44/{FERNLEY_URN}>" in pages
    issued = [line for line in added if f"<{DCT}issued>" in line]
    assert len(issued) == len(replica.served)
    others = [line for line in added if not any(
        f"<{DCT}{term}>" in line for term in ("source", "isReferencedBy", "issued"))]
    assert all("okg#parseWarning" in line and "the site lists" in line for line in others)

    latest = rows(run, fetched, "latest-grades", "authority=Fernley")
    assert latest and {(r["framework"], r["reportUrl"]) for r in latest} == {
        ("ilacs-2018", replica.file_url("70000021")),
        ("area-send", replica.file_url("70000024"))}  # each its own report's URL
    assert {r["reportUrl"] for r in rows(run, direct, "latest-grades")} == {""}
    table = run("query", "latest-grades", "--store", fetched, "--param", "authority=Fernley",
                "--columns", "authorityName,inspectionEnd,reportUrl", "--no-pager")
    assert table.stdout.splitlines()[3].split() == [
        "Fernley", "2021-11-19", replica.file_url("70000021")]  # whole, for a terminal's link
    history = rows(run, fetched, "authority-history", "authority=Fernley")
    assert {r["reportUrl"] for r in history} == {
        replica.file_url(file_id) for file_id in ("70000014", "70000017", "70000021",
                                                  "70000024")}


def _manifest(folder: Path) -> list[dict[str, str]]:
    with (folder / "manifest.csv").open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_the_shapes_check_where_a_file_was_published():
    from rdflib import Literal, URIRef
    from rdflib.namespace import DCTERMS

    from ingest.model import Listing
    from ingest.pipeline import read_report
    from ingest.rdf.graph import authority_graph, report_graph
    from ingest.rdf.identity import source_iri
    from ingest.validate import validate

    report = read_report(Path(__file__).resolve().parent / "data" / "fernley-2021.md")
    url = "https://files.ofsted.gov.uk/v1/file/1"
    report.source = replace(report.source, listing=Listing(
        url, "https://reports.ofsted.gov.uk/provider/44/1", date(2021, 12, 10), ""))
    graph = authority_graph(report, report_graph(report))
    assert validate(graph).conforms
    graph.add((source_iri(report.source.sha256), DCTERMS.source, Literal(url)))
    graph.remove((source_iri(report.source.sha256), DCTERMS.source, URIRef(url)))
    outcome = validate(graph)
    assert not outcome.conforms
    assert any("(dcterms:source), an IRI" in p.message for p in outcome.problems)


def test_a_listed_date_other_than_the_printed_one_is_a_warning(run, tmp_path):
    site = Replica()
    try:
        site.add(FERNLEY_URN, "Fernley", "71000017", INSPECTION, date(2017, 5, 15),
                 fernley_pdf(2017))  # the report prints "Report published: 12 May 2017"
        store = tmp_path / "store"
        result = run("fetch", "--site", site.url, "--to", tmp_path / "r", "--ingest",
                     "--store", store, *FAST)
    finally:
        site.stop()
    assert result.exit_code == 0, result.stderr
    checked = run("validate", "--store", store)
    assert checked.exit_code == 0  # a warning: the graph conforms, and says so
    assert ("The report prints 'Report published' 2017-05-12, but the site lists it as "
            f"published on 2017-05-15 ({site.file_url('71000017')})") in " ".join(
        checked.stdout.split())  # validate wraps its lines to 100 columns
    issued = {line for line in quads(run, store, tmp_path) if f"<{DCT}issued>" in line}
    assert any('"2017-05-12"' in line for line in issued)  # both dates kept
    assert any('"2017-05-15"' in line for line in issued)


def test_a_kind_ingest_cannot_read_is_refused_with_the_usual_reason(run, replica, tmp_path):
    result = run("fetch", "--site", replica.url, "--to", tmp_path / "r", "--authority",
                 "Fernley", "--kinds", "Children's services focused visit", "--ingest",
                 "--store", tmp_path / "store", *FAST)
    assert result.exit_code == 1
    # not a report read here: skipped, said so (and nothing else was fetched: exit 1)
    errors = [line for line in result.stderr.splitlines() if line.startswith("Skipped:")]
    assert errors == [f"Skipped: {tmp_path / 'r' / (FERNLEY_URN + '-fernley')}/2019-03-01.pdf: "
                      "is not an Ofsted inspection report of a local authority's children's "
                      "services (no inspection title on its first page)"]


def test_from_list_fetches_the_files_a_list_names(run, replica, tmp_path):
    listing = tmp_path / "list.csv"
    with listing.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["path", "provider_urn", "provider_page", "file_url", "listed_as",
                         "published_as_listed"])
        writer.writerow(["x.pdf", FERNLEY_URN, "", replica.file_url("70000021"),
                         "children's services inspection - 10 december 2021", "2021-12-10"])
        writer.writerow(["y.pdf", FERNLEY_URN, "", replica.file_url("70000017"), "", ""])
    folder = tmp_path / "r"
    result = run("fetch", "--from-list", listing, "--to", folder, "--site", replica.url, *FAST)
    assert result.exit_code == 0, result.stderr
    assert not replica.requested("/search") and not replica.requested("/provider")
    assert [(r["path"], r["kind"], r["published_as_listed"]) for r in _manifest(folder)] == [
        (f"{FERNLEY_URN}-{FERNLEY_URN}/2021-12-10.pdf", INSPECTION, "2021-12-10"),
        (f"{FERNLEY_URN}-{FERNLEY_URN}/70000017.pdf", "", "")]
    assert (folder / f"{FERNLEY_URN}-{FERNLEY_URN}" / "2021-12-10.pdf").read_bytes() == \
        fernley_pdf(2021)


def test_from_list_without_the_columns_is_refused(run, tmp_path):
    listing = tmp_path / "list.csv"
    listing.write_text("url,urn\nhttp://127.0.0.1:9/v1/file/1,1\n", encoding="utf-8")
    result = run("fetch", "--from-list", listing, "--to", tmp_path / "r", *FAST)
    assert result.exit_code == 2
    assert result.stderr == f"Error: {listing}, line 2: needs a file_url and a provider_urn\n"
