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


# each labels file (measured with --set all) and the first line of its table in
# docs/follow-through.md (step 24: the 2,248 labels of the eleven files, all seen; the
# tables of steps 7 to 23 record what was measured then, on the code of then)
DOCUMENTED = [("follow_through_labels.csv", "| all 185 labels (file 1), seen, step 24 |"),
              ("follow_through_labels2.csv", "| 216 labels (file 2), seen, step 24 |"),
              ("follow_through_labels3.csv", "| 175 labels (file 3), seen, step 24 |"),
              ("follow_through_labels4.csv", "| 325 labels (file 4), seen, step 24 |"),
              ("follow_through_labels5.csv", "| 157 labels (file 5), seen, step 24 |"),
              ("follow_through_labels6.csv", "| 157 labels (file 6), seen, step 24 |"),
              ("follow_through_labels7.csv",
               "| 162 labels (file 7), seen since step 16, step 24 |"),
              ("follow_through_labels8.csv",
               "| 170 labels (file 8), seen since step 17, step 24 |"),
              ("follow_through_labels9-agreed.csv",
               "| 185 labels (file 9, agreed), seen since step 19, step 24 |"),
              ("follow_through_labels10-agreed.csv",
               "| 311 labels (file 10, agreed), seen since step 21, step 24 |"),
              ("follow_through_labels11-agreed.csv",
               "| 205 labels (file 11, agreed), seen since step 23, step 24 |"),
              ("follow_through_labels12-agreed.csv",
               "| 213 labels (file 12, agreed), seen since step 25, step 26 |"),
              ("follow_through_labels13-agreed.csv",
               "| fresh held-aside (207 labels, file 13, agreed) |")]


@pytest.mark.parametrize(("labels", "table"), DOCUMENTED)
def test_the_documented_follow_through_figures_are_the_scripts(corpus_store, labels, table):
    """docs/follow-through.md's tables say what scripts/follow_through_accuracy.py prints:
    each row's figures (before any '->', the table's current value) are the script's."""
    import re
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    result = subprocess.run([sys.executable, str(root / "scripts" / "follow_through_accuracy.py"),
                             str(corpus_store), "--labels", str(root / "tests" / "data" / labels),
                             "--set", "all"], capture_output=True, text=True, check=True)
    printed = {line.split("|")[1].strip(): re.findall(r"\(\d+/\d+\)", line)
               for line in result.stdout.splitlines() if line.startswith("| ")}
    doc = (root / "docs" / "follow-through.md").read_text(encoding="utf-8")
    rows = doc.split(table, 1)[1].split("\n\n", 1)[0].splitlines()[2:]
    assert len(rows) == 6
    for row in rows:
        cells = [cell.strip() for cell in row.split("|")[1:-1]]
        measure = cells[0]
        # the figures after any '->' (a before -> after table), with their counts
        documented = [re.findall(r"\(\d+/\d+\)", cell.split("->")[-1]) for cell in cells[1:]]
        assert [f for cell in documented for f in cell] == printed[measure], measure
