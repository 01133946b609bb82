"""ofsted-kg site: the pages, their agreement with the saved queries, the downloads, the
same bytes each time, and the folder replaced only by a complete site."""

import json
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from sitehelp import table

from ingest.publish.ontology import ontology_terms

HERE = Path(__file__).resolve().parent
FERNLEY = HERE / "data"
OKG = "https://w3id.org/ofsted-kg/def#"


@pytest.fixture(scope="module")
def fernley_store(tmp_path_factory) -> Path:
    from click.testing import CliRunner

    from ingest.cli import cli

    store = tmp_path_factory.mktemp("site-store") / "store"
    result = CliRunner().invoke(cli, ["ingest", str(FERNLEY), "--store", str(store),
                                      "--no-progress"])
    assert result.exit_code == 0, result.stderr
    return store


@pytest.fixture(scope="module")
def site(fernley_store, tmp_path_factory) -> Path:
    from click.testing import CliRunner

    from ingest.cli import cli

    out = tmp_path_factory.mktemp("site") / "site"
    result = CliRunner().invoke(cli, ["site", "--store", str(fernley_store), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "pages written to" in result.stderr
    return out


def query_rows(run, store: Path, name: str) -> list[dict[str, str]]:
    result = run("query", name, "--store", store, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return [{k: v["value"] for k, v in b.items()}
            for b in json.loads(result.stdout)["results"]["bindings"]]


def test_every_page_is_where_its_iri_leads(site, run, fernley_store):
    inspections = {r["inspection"] for r in query_rows(run, fernley_store, "inspection-grades")}
    assert len(inspections) == 4  # with the area SEND inspection
    for iri in inspections:
        page = site / (iri.removeprefix("https://w3id.org/ofsted-kg/") + "/index.html")
        html = page.read_text()
        assert f"&lt;{iri}&gt;" in html  # the page names what it shows
    authority = site / "id/authority/fernley/index.html"
    for iri in inspections:
        assert iri.rsplit("/", 1)[-1] in authority.read_text()
    assert (site / "index.html").is_file() and (site / "def/index.html").is_file()


def test_national_counts_equal_latest_grades(site, run, fernley_store):
    latest = query_rows(run, fernley_store, "latest-grades")
    expected = Counter((r["serviceAreaLabel"], r["gradeLabel"]) for r in latest
                       if "gradeLabel" in r)  # not the area SEND outcome
    rows = table((site / "index.html").read_text(), "How many authorities")
    header, body = rows[0], rows[1:]
    shown = Counter({(row[0], grade): int(n) for row in body
                     for grade, n in zip(header[1:-1], row[1:-1], strict=True) if int(n)})
    assert shown == expected
    latest_table = table((site / "index.html").read_text(), "Each authority's latest")
    assert [row[0] for row in latest_table[1:]] == ["Fernley"]


def test_inspection_page_sets_each_recommendation_beside_its_findings(site):
    html = (site / "id/inspection/fernley/2014-04-24/index.html").read_text()
    assert html.count('class="recommendation"') + html.count(
        'class="recommendation unsupported"') == 7
    unsupported = html.split('class="recommendation unsupported"')
    assert len(unsupported) == 2  # recommendation 18 to the LSCB: no finding supports it
    assert "Recommendation 18" in unsupported[1].split("</section>")[0]
    assert "No finding supports this recommendation" in unsupported[1]
    assert "Finding 8" in html and "score 0.24" in html


def test_previous_grades_beside_the_latest(site):
    rows = table((site / "id/inspection/fernley/2017-03-24/index.html").read_text(),
                 "The grades this report gives")
    overall = next(r for r in rows if r[0] == "Overall effectiveness")
    assert overall[1:] == ["Good", "Inadequate"]  # 2017's grade, and 2014's as 2017 states it


def test_each_page_links_its_report_graph(site, fernley_store):
    html = (site / "id/inspection/fernley/2017-03-24/index.html").read_text()
    assert 'href="../../../../id/report/fernley/2017-03-24.ttl"' in html
    store = ox.Store.read_only(str(fernley_store))
    graph = ox.NamedNode("https://w3id.org/ofsted-kg/id/report/fernley/2017-03-24")
    expected = {q.triple for q in store.quads_for_pattern(None, None, None, graph)}
    for suffix, fmt in ((".ttl", ox.RdfFormat.TURTLE), (".jsonld", ox.RdfFormat.JSON_LD)):
        path = site / f"id/report/fernley/2017-03-24{suffix}"
        assert {q.triple for q in ox.parse(path=str(path), format=fmt)} == expected


def test_nothing_is_fetched_from_elsewhere(site):
    for page in site.rglob("*.html"):
        html = page.read_text()
        assert "<script src" not in html and "<link rel=\"stylesheet\"" not in html
        assert "href=\"http" not in html, page  # no report URLs in the examples' graph


def test_the_same_graph_gives_the_same_bytes(site, fernley_store, run, tmp_path):
    again = tmp_path / "again"
    assert run("site", "--store", fernley_store, "-o", again).exit_code == 0
    files = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    for name in files:
        assert (site / name).read_bytes() == (again / name).read_bytes(), name


def test_a_previous_site_is_replaced_only_by_a_complete_one(fernley_store, run, tmp_path):
    out = tmp_path / "site"
    assert run("site", "--store", fernley_store, "-o", out).exit_code == 0
    before = (out / "index.html").read_bytes()
    empty = tmp_path / "empty.ttl"
    empty.write_text("")
    result = run("site", "--data", empty, "-o", out)
    assert result.exit_code == 2
    assert result.stderr == "Error: no inspection reports to publish (ingest some first)\n"
    assert (out / "index.html").read_bytes() == before
    (out / "stale.html").write_text("left from before")
    assert run("site", "--store", fernley_store, "-o", out).exit_code == 0
    assert not (out / "stale.html").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_folder_of_other_files_is_not_replaced(fernley_store, run, tmp_path):
    (tmp_path / "mine.txt").write_text("keep me")
    result = run("site", "--store", fernley_store, "-o", tmp_path)
    assert result.exit_code == 2
    assert "is a folder of other files, not a site this command wrote" in result.stderr
    assert (tmp_path / "mine.txt").read_text() == "keep me"


def test_an_output_that_cannot_be_written(fernley_store, run, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = run("site", "--store", fernley_store, "-o", blocker / "site")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {blocker / 'site'}: cannot be written")
    assert result.stderr.count("\n") == 1


def test_an_unreachable_endpoint(run, tmp_path):
    result = run("site", "--endpoint", "http://127.0.0.1:9/sparql", "--timeout", "2",
                 "-o", tmp_path / "site")
    assert result.exit_code == 3, result.stderr
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    assert not (tmp_path / "site").exists()


def test_the_site_from_files_is_the_site_from_the_store(site, fernley_store, run, tmp_path):
    exported = tmp_path / "all.trig"
    assert run("export", "--store", fernley_store, "-o", exported).exit_code == 0
    assert run("site", "--data", exported, "-o", tmp_path / "s").exit_code == 0
    for name in ("index.html", "id/inspection/fernley/2014-04-24/index.html",
                 "ofsted-kg.trig", "id/report/fernley/2014-04-24.ttl"):
        assert (tmp_path / "s" / name).read_bytes() == (site / name).read_bytes(), name


def test_the_ontology_page_documents_every_term(site):
    html = (site / "def/index.html").read_text()
    classes, properties = ontology_terms()
    assert len(classes) >= 10 and len(properties) >= 40
    from rdflib import OWL, RDF, Graph

    graph = Graph()
    for path in sorted((HERE.parent / "ontology").glob("*.ttl")):
        graph.parse(path)
    declared = {str(s) for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
                for s in graph.subjects(RDF.type, kind) if str(s).startswith(OKG)}
    assert declared == {t.iri for t in classes + properties}
    for term in classes + properties:
        assert f'id="{term.name}"' in html and term.label in html.replace("&#39;", "'")
    assert "<svg" in html and "How the classes relate" in html


def test_inspection_page_shows_what_became_of_the_previous_recommendations(site, run,
                                                                           fernley_store):
    rows = table((site / "id/inspection/fernley/2021-11-19/index.html").read_text(),
                 "What this report says of each recommendation of the inspection ending "
                 "2017-03-24")
    expected = query_rows(run, fernley_store, "follow-through-status")
    expected = [r for r in expected if r["laterInspectionEnd"] == "2021-11-19"]
    assert rows[0] == ["Previous recommendation", "Status", "Behind the status"]
    assert [r[0].split(":")[0] for r in rows[1:]] == [r["earlierNumber"] for r in expected]
    repeated = next(r for r in rows[1:] if r[0].startswith("3:"))  # asked for again in 2021
    assert repeated[1:] == ["Asked for again", "recommendation 2 of this report"]
    html = (site / "id/inspection/fernley/2021-11-19/index.html").read_text()
    assert 'href="#recommendation-local-authority-2"' in html
    assert 'id="recommendation-local-authority-2"' in html
    earlier = (site / "id/inspection/fernley/2017-03-24/index.html").read_text()
    assert 'id="recommendation-local-authority-3"' in earlier
    first = (site / "id/inspection/fernley/2014-04-24/index.html").read_text()
    assert 'id="follow-through"' not in first  # no inspection before it in the data


def test_an_authority_without_statistical_neighbours_keeps_its_row_in_the_workbook(site):
    """Fernley is in no reference table, so it has no neighbours: the summary workbook's
    neighbours sheet still names it, with nothing stated about neighbours."""
    openpyxl = pytest.importorskip("openpyxl", reason="openpyxl reads the spreadsheet back")
    workbook = openpyxl.load_workbook(site / "summary.xlsx")
    assert workbook.sheetnames == ["summary", "neighbours"]
    rows = list(workbook["neighbours"].iter_rows(values_only=True))
    assert rows[0][:4] == ("authorityName", "neighbourName", "neighbourURN",
                           "childrensServicesReport")
    assert rows[1:] == [("Fernley",) + (None,) * (len(rows[0]) - 1)]


SEND_OUTCOME = "Widespread and/or systemic failings"  # Fernley's 2024 area SEND outcome


def test_the_area_send_outcome_is_on_the_inspection_page_as_an_outcome(site, run,
                                                                       fernley_store):
    """An area SEND inspection's one headline fact is its outcome: shown in words and
    called an outcome (never a grade badge), with the next steps send-outcomes gives."""
    html = (site / "id/inspection/fernley/2024-06-07/index.html").read_text()
    [send] = query_rows(run, fernley_store, "send-outcomes")
    assert send["outcomeLabel"] == SEND_OUTCOME
    assert '<h2 id="outcome">Outcome</h2>' in html
    assert f'<strong class="outcome">{SEND_OUTCOME}</strong>' in html
    assert "an outcome, not a grade" in html
    assert f'class="badge other">{SEND_OUTCOME}' not in html and "no graded judgements" not in html
    steps = table(html, "The next steps this report states for Fernley Local Area Partnership")
    assert steps == [
        ["Next full inspection", f"within about {send['nextFullWithinYears']} years "
                                 f"(about {send['nextFullDue']})"],
        ["Monitoring inspection", f"within about {send['monitoringWithinMonths']} months "
                                  f"(about {send['monitoringDue']})"],
        ["Priority action plan required", "yes"]]
    assert steps[0][1] == "within about 3 years (about 2027-06)"
    children = (site / "id/inspection/fernley/2021-11-19/index.html").read_text()
    assert 'id="outcome"' not in children and 'class="outcome"' not in children


def test_the_area_send_outcome_is_in_the_authority_pages_judgements(site):
    rows = table((site / "id/authority/fernley/index.html").read_text(), "Every inspection")
    send = next(r for r in rows if r[0] == "2024-06-07")
    assert send[3] == f"Outcome (area SEND; not a grade): {SEND_OUTCOME}"
    assert not any("No graded judgements" in cell for row in rows for cell in row)


def test_the_national_page_lists_each_latest_area_send_outcome(site, run, fernley_store):
    html = (site / "index.html").read_text()
    rows = table(html, "The outcome of each local area partnership's latest area SEND")
    expected = [[r["authorityName"], r["inspectionEnd"], r["outcomeLabel"]]
                for r in query_rows(run, fernley_store, "latest-grades") if "outcomeLabel" in r]
    assert rows == [["Authority", "Last day on site", "Outcome"], *expected]
    assert expected == [["Fernley", "2024-06-07", SEND_OUTCOME]]
    assert 'href="id/inspection/fernley/2024-06-07/index.html"' in html


def test_an_earlier_area_send_inspection_shows_its_own_outcome(run, tmp_path):
    """Two area SEND inspections of one partnership: each page shows its own outcome, the
    next steps only the latest's (the earlier ones are overtaken), the national page the
    latest outcome."""
    earlier = (FERNLEY / "area-send" / "fernley-2024.md").read_text()
    outcome = earlier.split("## Inspection outcome\n")[1].split("## Information")[0]
    earlier = earlier.replace("3 to 7 June 2024", "6 to 10 May 2019").replace(
        outcome, "\nThe local area partnership's arrangements typically lead to positive "
        "experiences and outcomes for children and young people with SEND.\n\nThe next full "
        "reinspection will be within approximately five years.\n\n")
    (tmp_path / "fernley-2019.md").write_text(earlier)
    store, out = tmp_path / "store", tmp_path / "site"
    assert run("ingest", FERNLEY, tmp_path / "fernley-2019.md", "--store", store,
               "--no-progress").exit_code == 0
    assert run("site", "--store", store, "-o", out).exit_code == 0
    first = (out / "id/inspection/fernley/2019-05-10/index.html").read_text()
    assert '<strong class="outcome">Typically positive experiences and outcomes</strong>' in first
    assert "The next steps this report states" not in first
    assert "Next steps are shown for each partnership's latest area SEND inspection" in first
    latest = (out / "id/inspection/fernley/2024-06-07/index.html").read_text()
    assert f'<strong class="outcome">{SEND_OUTCOME}</strong>' in latest
    assert "The next steps this report states" in latest
    authority = table((out / "id/authority/fernley/index.html").read_text(), "Every inspection")
    assert [r[3] for r in authority if r[1] == "area-send"] == [
        "Outcome (area SEND; not a grade): Typically positive experiences and outcomes",
        f"Outcome (area SEND; not a grade): {SEND_OUTCOME}"]
    national = table((out / "index.html").read_text(), "The outcome of each local area")
    assert national[1:] == [["Fernley", "2024-06-07", SEND_OUTCOME]]


def test_inspection_grades_carries_the_outcome_of_area_send_inspections_only(run,
                                                                              fernley_store):
    rows = query_rows(run, fernley_store, "inspection-grades")
    outcomes = {r["inspectionEnd"]: r.get("outcomeLabel") for r in rows}
    assert outcomes == {"2014-04-24": None, "2017-03-24": None, "2021-11-19": None,
                        "2024-06-07": SEND_OUTCOME}


def test_a_bar_chart_is_as_wide_as_its_legend():
    """One year of bars is narrow; the legend beneath still fits (its entries in rows)."""
    from ingest.publish.charts import GRADES, Bar, stacked_bars

    svg = str(stacked_bars("One year", [Bar("2021", {"Good": 1})], GRADES))
    width = float(svg.split('width="', 1)[1].split('"', 1)[0])
    longest = "RI Requires improvement to be good"
    assert f">{longest}</text>" in svg
    x = float(svg.split(f">{longest}</text>")[0].rsplit('x="', 1)[1].split('"')[0])
    assert x + 6 * len(longest) <= width  # 6 units a character at font-size 10: ample
    rows = sorted({float(t.split('y="')[1].split('"')[0]) for t in svg.split("<text")[1:]
                   if 'font-size="10">' in t and "middle" not in t})
    assert rows == [262, 278, 294] and 'height="302"' in svg  # the legend in three rows
    wide = str(stacked_bars("Twelve years", [Bar(str(y), {"Good": 1})
                                             for y in range(2010, 2022)], GRADES))
    assert wide.count('y="262" font-size="10">') == 4  # twelve bars: the legend in one row
