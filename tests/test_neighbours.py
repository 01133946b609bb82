"""Statistical neighbours: copied from the reference table into the authorities graph,
asked by the statistical-neighbours query, shown on the authority page."""

import csv
import json

from ingest.authorities import by_la_code, by_urn


def test_every_neighbour_code_names_an_authority_of_the_table():
    wandsworth = by_urn("80518")
    assert wandsworth is not None and len(wandsworth.stat_neighbours) == 10
    neighbours = [by_la_code(code) for code in wandsworth.stat_neighbours]
    assert all(n is not None for n in neighbours)
    assert "Lambeth" in {n.name for n in neighbours if n is not None}


def test_the_table_copies_the_reference(shared):
    with (shared / "reference" / "authorities.csv").open(encoding="utf-8-sig") as stream:
        reference = {row["urn"]: row["stat_neighbours"] for row in csv.DictReader(stream)}
    for urn, listed in reference.items():
        known = by_urn(urn)
        assert known is not None
        assert list(known.stat_neighbours) == [c.strip() for c in listed.split(",") if c.strip()]


def test_the_query_lists_a_reports_authoritys_neighbours(run, seeds, tmp_path):
    store = tmp_path / "store"
    assert run("ingest", seeds / "wandsworth-2018.pdf", "--store", store,
               "--no-progress").exit_code == 0
    result = run("query", "statistical-neighbours", "--store", store, "-f", "json")
    assert result.exit_code == 0, result.stderr
    rows = [{k: v["value"] for k, v in b.items()}
            for b in json.loads(result.stdout)["results"]["bindings"]]
    assert len(rows) == 10 and {r["authorityName"] for r in rows} == {"Wandsworth"}
    expected = {by_la_code(code).urn for code in by_urn("80518").stat_neighbours}  # type: ignore
    assert {r["neighbourURN"] for r in rows} == expected
    site = tmp_path / "site"
    assert run("site", "--store", store, "-o", site).exit_code == 0
    html = (site / "id/authority/80518/index.html").read_text()
    assert html.count("No report of this authority in the graph") == 10
