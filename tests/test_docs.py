"""The documentation cannot drift: docs/cli.md is what --help prints, every saved query
and every command is documented, and the README's links lead somewhere."""

import importlib.util
import re
from pathlib import Path

import pytest

from ingest.cli import cli
from ingest.queries import saved_queries

ROOT = Path(__file__).resolve().parent.parent


def _cli_docs():
    spec = importlib.util.spec_from_file_location("cli_docs", ROOT / "scripts" / "cli_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_is_in_step_with_help():
    expected = _cli_docs().render()
    written = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert written == expected, "docs/cli.md is out of step: run python scripts/cli_docs.py"


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_is_documented_with_help(name):
    assert cli.commands[name].help, name
    assert f"`ofsted-kg {name}" in (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")


def test_every_saved_query_is_documented():
    documented = set(re.findall(r"^\| `([a-z-]+)` \|",
                                (ROOT / "docs" / "queries.md").read_text(encoding="utf-8"),
                                re.M))
    assert saved_queries() and set(saved_queries()) <= documented, (
        set(saved_queries()) - documented)


def test_every_link_in_the_readme_and_docs_leads_to_a_file():
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    for page in pages:
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            assert (page.parent / target).exists(), f"{page.name}: {target}"
