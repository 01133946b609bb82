"""Reports titled for the trust that runs a council's children's services: the council is
the inspected authority; the trust's name is kept as printed. The corpus has no such
report (its trust-run councils' reports are titled for the council), so these tests use
the fictional Fernley."""

from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS

from ingest.pipeline import ingest_file, read_report
from ingest.rdf.namespaces import ID, OKG
from ingest.validate import validate

FERNLEY_2021 = Path(__file__).resolve().parent / "data" / "fernley-2021.md"
COUNCIL_TITLE = "## Inspection of Fernley local authority children's services"


def _titled(tmp_path: Path, title: str, place_above: str | None = None) -> Path:
    text = FERNLEY_2021.read_text(encoding="utf-8").replace(COUNCIL_TITLE, f"## {title}")
    if place_above is not None:
        text = text.replace("# Borough of Fernley", f"# {place_above}")
    path = tmp_path / "trust.md"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("trust", [
    "Fernley Children and Families Trust", "Fernley Children's Trust", "Fernley Children First",
])
def test_trust_title_names_the_council_and_keeps_the_trust(tmp_path, trust):
    report = read_report(_titled(tmp_path, f"Inspection of {trust}"))
    assert report.trust_name == trust
    assert report.authority == "Fernley" and report.authority_ref.key == "fernley"
    assert report.framework == "ilacs-2018"


def test_trust_in_the_graph_beside_the_council(tmp_path):
    graph = ingest_file(_titled(tmp_path, "Inspection of Fernley Children's Trust"))
    inspection = URIRef("https://w3id.org/ofsted-kg/id/inspection/fernley/2021-11-19")
    assert graph.value(inspection, OKG.authority) == ID["authority/fernley"]
    trust = graph.value(inspection, OKG.servicesRunBy)
    assert graph.value(trust, RDFS.label) == Literal("Fernley Children's Trust")
    assert validate(graph).conforms


def test_a_trust_of_a_known_council_resolves_to_its_urn(tmp_path):
    report = read_report(_titled(tmp_path, "Inspection of Slough Children First"))
    assert report.authority_ref.urn == "80553"
    assert report.trust_name == "Slough Children First"
