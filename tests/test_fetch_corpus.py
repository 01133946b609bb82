"""The whole corpus through fetch: a replica serving every corpus file under its real file
id, with provider pages as the publications list gives them; fetch gets every file whole
and records its real id, a second run gets nothing, and ingest records every URL."""

import csv
from datetime import date

import pytest
from replica import Replica

FAST = ("--delay", "0", "--timeout", "30", "--retries", "1", "--no-progress")


@pytest.mark.corpus
def test_the_corpus_fetched_from_a_replica_then_ingested_with_every_url(run, shared, tmp_path):
    listing = shared / "reference" / "ofsted-publications.csv"
    if not listing.is_file():
        pytest.skip(f"{listing} is absent")
    with listing.open(encoding="utf-8", newline="") as stream:
        rows = [row for row in csv.DictReader(stream)
                if (shared / "corpus" / row["path"]).read_bytes()[:5] == b"%PDF-"]
    from ingest.authorities import by_urn

    site = Replica()
    try:
        for row in rows:
            known = by_urn(row["provider_urn"])
            site.add(row["provider_urn"], known.name if known else row["provider_urn"],
                     row["file_url"].rsplit("/", 1)[-1], "Children's services inspection",
                     date.fromisoformat(row["published_as_listed"]),
                     (shared / "corpus" / row["path"]).read_bytes())
        folder = tmp_path / "reports"
        first = run("fetch", "--site", site.url, "--to", folder, *FAST)
        assert first.exit_code == 0, first.stderr
        second = run("fetch", "--site", site.url, "--to", folder, *FAST)
        assert second.exit_code == 0 and f"0 new, {len(rows)} unchanged" in second.stderr
    finally:
        site.stop()
    with (folder / "manifest.csv").open(encoding="utf-8", newline="") as stream:
        held = {r["file_url"].rsplit("/", 1)[-1]: r for r in csv.DictReader(stream)}
    assert len(held) == len(rows)
    for row in rows:  # every file whole, under its real id
        entry = held[row["file_url"].rsplit("/", 1)[-1]]
        data = (shared / "corpus" / row["path"]).read_bytes()
        assert (folder / entry["path"]).read_bytes() == data
    out = tmp_path / "fetched.nq"
    result = run("ingest", folder, "-o", out, "-j", "2", "--no-progress")
    assert result.exit_code == 0, result.stderr
    sources = [line for line in out.read_text(encoding="utf-8").splitlines()
               if "<http://purl.org/dc/terms/source>" in line]
    reports = int(result.stderr.split(": ")[1].split()[0])  # "N files: M ingested ..."
    assert len(sources) == reports == len(rows)  # every report with its URL


