"""The site in a real browser: headless Chromium (Debian's ``chromium``) driven by
Playwright. Sorting, filtering, the reference report's recommendations with their
findings, no console errors, and no request leaving the site's folder. Screenshots go to
$OFSTED_KG_ARTEFACTS if set, else to pytest's temporary folder."""

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from ingest.cli import cli

sync_api = pytest.importorskip("playwright.sync_api",
                               reason="Playwright's Python package is not installed")
CHROMIUM = os.environ.get("OFSTED_KG_CHROMIUM") or shutil.which("chromium") or shutil.which(
    "chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine "
                                "(.ci/run installs Debian's chromium where apt-get is available)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
DATA = Path(__file__).resolve().parent / "data"


def build(tmp_path_factory, *sources: Path) -> Path:
    store = tmp_path_factory.mktemp("browser-store") / "store"
    result = CliRunner().invoke(cli, ["ingest", *map(str, sources), "--store", str(store),
                                      "--no-progress"])
    assert result.exit_code == 0, result.stderr
    site = tmp_path_factory.mktemp("browser-site") / "site"
    result = CliRunner().invoke(cli, ["site", "--store", str(store), "-o", str(site)])
    assert result.exit_code == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build(tmp_path_factory, DATA)


@pytest.fixture(scope="module")
def reference_site(tmp_path_factory, seeds) -> Path:
    return build(tmp_path_factory, DATA, seeds / "wandsworth-2018.pdf")


@pytest.fixture(scope="module")
def artefacts(tmp_path_factory) -> Path:
    named = os.environ.get("OFSTED_KG_ARTEFACTS")
    folder = Path(named) if named else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


class Visit:
    """A page opened from the site's folder, recording console errors and every request."""

    def __init__(self, browser, site: Path, path: str) -> None:
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto((site / path).as_uri())
        self.site = site

    def check_clean(self) -> None:
        assert self.errors == []
        inside = self.site.as_uri() + "/"
        outside = [u for u in self.requests if not u.startswith(inside) and
                   not u.startswith("data:")]
        assert outside == []

    def rows(self, table_id: str) -> list[str]:
        return self.page.locator(f"#{table_id} tbody tr:visible th, "
                                 f"#{table_id} tbody tr:visible td:first-child").all_inner_texts()


def test_sorting_reorders_the_rows(browser, site, artefacts):
    visit = Visit(browser, site, "index.html")
    since = "form[data-table=recent-table] input[type=date]"
    # a year before the newest (the area SEND inspection of 2024), at first
    assert visit.rows("recent-table") == ["2024-06-07"]
    visit.page.fill(since, "")
    visit.page.dispatch_event(since, "change")
    dates = visit.rows("recent-table")
    assert dates == sorted(dates, reverse=True) and len(dates) == 4
    visit.page.get_by_role("button", name="Date").click()
    assert visit.rows("recent-table") == sorted(dates)
    assert visit.page.locator("#recent-table th[aria-sort=ascending]").count() == 1
    visit.page.get_by_role("button", name="Date").click()
    assert visit.rows("recent-table") == sorted(dates, reverse=True)
    visit.page.screenshot(path=str(artefacts / "national.png"))
    visit.check_clean()


def test_a_filter_narrows_the_rows(browser, site):
    visit = Visit(browser, site, "index.html")
    visit.page.fill("form[data-table=recent-table] input[type=date]", "2017-01-01")
    visit.page.dispatch_event("form[data-table=recent-table] input[type=date]", "change")
    assert len(visit.rows("recent-table")) == 3
    assert "3 of 4 shown" in visit.page.locator(
        "form[data-table=recent-table] [role=status]").inner_text()
    visit.page.select_option("form[data-table=latest-table] select[name=grade]", "Good")
    assert visit.rows("latest-table") == []
    visit.page.select_option("form[data-table=latest-table] select[name=grade]",
                             "Requires improvement to be good")
    assert visit.rows("latest-table") == ["Fernley"]
    visit.check_clean()


def test_without_javascript_the_tables_are_whole(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((site / "index.html").as_uri())
    assert page.locator("#recent-table tbody tr:visible").count() == 4
    assert page.locator("form.filters:visible").count() == 0  # no controls that do nothing
    context.close()


def test_an_unsupported_recommendation_is_highlighted(browser, site, artefacts):
    visit = Visit(browser, site, "id/inspection/fernley/2014-04-24/index.html")
    flagged = visit.page.locator("section.unsupported")
    assert flagged.count() == 1
    assert "Recommendation 18" in flagged.inner_text()
    colour = flagged.evaluate("e => getComputedStyle(e).borderLeftColor")
    assert colour == "rgb(177, 14, 30)"
    visit.page.screenshot(path=str(artefacts / "inspection-fernley-2014.png"), full_page=True)
    visit.check_clean()


def test_authority_and_ontology_pages(browser, site, artefacts):
    visit = Visit(browser, site, "id/authority/fernley/index.html")
    assert visit.page.locator("svg[role=img] title").first.text_content().startswith(
        "Judgements of Fernley")
    links = visit.page.locator("a[href*='id/inspection/fernley/']")
    assert links.count() == 4  # three of children's services, one area SEND
    visit.page.screenshot(path=str(artefacts / "authority.png"), full_page=True)
    visit.check_clean()
    ontology = Visit(browser, site, "def/index.html")
    assert ontology.page.locator("#Recommendation").count() == 1
    ontology.page.screenshot(path=str(artefacts / "ontology.png"))
    ontology.check_clean()


def test_the_reference_report_shows_nine_recommendations_with_findings(
        browser, reference_site, artefacts):
    visit = Visit(browser, reference_site, "id/inspection/80518/2018-05-31/index.html")
    recommendations = visit.page.locator("section.recommendation")
    assert recommendations.count() == 9
    for index in range(9):
        section = recommendations.nth(index)
        assert section.locator(".finding").count() >= 1, section.inner_text()[:200]
        assert "page " in section.locator(".finding").first.inner_text()
    visit.page.screenshot(path=str(artefacts / "inspection-wandsworth-2018.png"))
    visit.check_clean()
    national = Visit(browser, reference_site, "index.html")
    assert sorted(national.rows("latest-table")) == ["Fernley", "Wandsworth"]
    national.page.locator("#latest-table").get_by_role("button", name="Authority").click()
    assert national.rows("latest-table") == ["Fernley", "Wandsworth"]
    national.page.locator("#latest-table").get_by_role("button", name="Authority").click()
    assert national.rows("latest-table") == ["Wandsworth", "Fernley"]
    national.page.select_option("form[data-table=latest-table] select[name=region]", "London")
    assert national.rows("latest-table") == ["Wandsworth"]
    national.check_clean()


PAGE_KINDS = ("index.html", "id/authority/fernley/index.html",
              "id/inspection/fernley/2014-04-24/index.html",
              "id/inspection/fernley/2024-06-07/index.html", "def/index.html")
WIDTH = "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"


def test_no_page_scrolls_sideways_at_1000_or_1400_pixels(browser, site, artefacts):
    for width in (1000, 1400):
        page = browser.new_page(viewport={"width": width, "height": 900})
        for path in PAGE_KINDS:
            page.goto((site / path).as_uri())
            scroll, client = page.evaluate(WIDTH)
            assert scroll == client == width, (path, width, scroll)
        page.goto((site / "index.html").as_uri())
        page.screenshot(path=str(artefacts / f"national-{width}.png"), full_page=True)
        page.close()


def test_the_latest_table_scrolls_in_its_own_labelled_region(browser, site):
    """Narrower than the national table, the page still does not scroll: the table scrolls
    in a region named by its caption, which the keyboard can reach and scroll."""
    page = browser.new_page(viewport={"width": 700, "height": 900})
    page.goto((site / "index.html").as_uri())
    region = page.get_by_role("region", name="Each authority's latest inspection")
    assert region.locator("table#latest-table").count() == 1
    assert page.evaluate(WIDTH) == [700, 700]
    inner, shown = region.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert inner > shown  # the table is wider than its region here, and scrolls within it
    region.focus()
    assert region.evaluate("e => e === document.activeElement")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.activeElement.scrollLeft > 0", timeout=5000)
    page.close()


def test_every_chart_holds_its_legend(browser, site):
    """The bar charts of one year each: every word of the legend lies inside its chart."""
    visit = Visit(browser, site, "index.html")
    charts = visit.page.locator("svg[role=img]")
    assert charts.count() == 3  # one a framework, each of one year
    for index in range(charts.count()):
        chart = charts.nth(index)
        box = chart.bounding_box()
        legend = chart.locator("text", has_text="Requires improvement to be good")
        assert legend.count() == 1
        for word in chart.locator("text").all():
            inner = word.bounding_box()
            assert box["x"] <= inner["x"] and inner["x"] + inner["width"] <= box["x"] + box[
                "width"], word.text_content()
            assert inner["y"] + inner["height"] <= box["y"] + box["height"]
    visit.check_clean()
