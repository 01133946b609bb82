"""Screenshots of one page of each kind for the README (docs/img/), from a site of the
fictional Fernley reports in tests/data (no real report's text goes into the repository).

    python scripts/site_screenshots.py [--chromium /usr/bin/chromium]
"""

import argparse
import tempfile
from pathlib import Path

from click.testing import CliRunner
from playwright.sync_api import sync_playwright

from ingest.cli import cli

ROOT = Path(__file__).resolve().parent.parent
PAGES = {"national.png": "index.html", "authority.png": "id/authority/fernley/index.html",
         "inspection.png": "id/inspection/fernley/2014-04-24/index.html",
         "ontology.png": "def/index.html"}
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        store, site = Path(scratch) / "store", Path(scratch) / "site"
        for command in (["ingest", str(ROOT / "tests" / "data"), "--store", str(store),
                         "--no-progress"], ["site", "--store", str(store), "-o", str(site)]):
            result = CliRunner().invoke(cli, command)
            assert result.exit_code == 0, result.stderr
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=args.chromium, args=FLAGS)
            page = browser.new_page(viewport={"width": 1100, "height": 760})
            for name, path in PAGES.items():
                page.goto((site / path).as_uri())
                page.screenshot(path=str(args.out / name))
                print(args.out / name)
            browser.close()


if __name__ == "__main__":
    main()
