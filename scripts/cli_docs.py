"""Write docs/cli.md, the command-line reference, from the commands' own --help.

    python scripts/cli_docs.py           # rewrite docs/cli.md
    python scripts/cli_docs.py --check   # exit 1 if docs/cli.md is out of step

``tests/test_docs.py`` runs the check, so the reference cannot drift from the code.
"""

import sys
from pathlib import Path

import click

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
WIDTH = 100

INTRO = """# Command-line reference

Every command and option as `ofsted-kg COMMAND --help` prints it. This file is written by
`python scripts/cli_docs.py` from the code (a test checks it is in step); what the commands
are for, with examples, is in the [README](../README.md) and [commands.md](commands.md).
"""


def _help(command: click.Command, name: str, parent: click.Context) -> str:
    context = click.Context(command, info_name=name, parent=parent, terminal_width=WIDTH,
                            max_content_width=WIDTH)
    return command.get_help(context)


def render() -> str:
    from ingest.cli import cli

    top = click.Context(cli, info_name="ofsted-kg", terminal_width=WIDTH,
                        max_content_width=WIDTH, **cli.context_settings)
    parts = [INTRO, "## ofsted-kg\n", "```\n" + cli.get_help(top) + "\n```\n"]
    for name in sorted(cli.commands):
        parts.append(f"## ofsted-kg {name}\n")
        parts.append("```\n" + _help(cli.commands[name], name, top) + "\n```\n")
    return "\n".join(parts)


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        if not DOC.exists() or DOC.read_text(encoding="utf-8") != text:
            print(f"{DOC} is out of step with --help: run python scripts/cli_docs.py",
                  file=sys.stderr)
            return 1
        return 0
    DOC.write_text(text, encoding="utf-8")
    print(f"{DOC} written", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
