"""Follow-through on the whole corpus: every authority with two or more reports is followed."""

import json
from collections import Counter

import pyoxigraph as ox
import pytest

pytestmark = pytest.mark.corpus

PREFIXES = ("PREFIX okg: <https://w3id.org/ofsted-kg/def#> "
            "PREFIX prov: <http://www.w3.org/ns/prov#> ")


def test_every_authority_with_two_reports_has_follow_through_rows(corpus_store):
    from click.testing import CliRunner

    from ingest.cli import cli

    store = ox.Store.read_only(str(corpus_store))
    reports = Counter(row["a"].value for row in store.query(  # type: ignore[union-attr]
        PREFIXES + "SELECT ?a WHERE { GRAPH ?g { ?g prov:wasGeneratedBy ?i . "
        "?i okg:authority ?a } }"))
    several = sorted(a for a, n in reports.items() if n >= 2)
    assert len(several) > 100
    del store  # the command opens the store itself
    for authority in several:
        result = CliRunner().invoke(cli, ["query", "follow-through", "--store", str(corpus_store),
                                          "--param", f"authority={authority}", "-f", "json"])
        assert result.exit_code == 0, result.stderr
        rows = json.loads(result.stdout)["results"]["bindings"]
        assert rows, authority
        for row in rows:  # traceable: the earlier recommendation and any sentence's place
            assert row["recommendation"]["value"].startswith(authority.replace(
                "/authority/", "/inspection/"))
            if row["status"]["value"] in ("improved", "still-a-concern", "repeated"):
                assert row["evidence"]["value"] and row["evidenceFrom"]["value"]
