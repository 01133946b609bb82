"""Stage 2: lines of a report -> a ``model.Report``.

The framework is chosen by what the document says (its title), never by its date
or file name: ``DISPATCH`` is a table of title pattern -> the parser of that kind of
report (a module of this package with a ``parse(text, title_at, title)`` function) or
the reason such a report is refused. Adding a framework means one parser module, its
row here and its vocabulary (``ontology/frameworks.ttl``, ``ingest/frameworks.py``).
"""

import re
from importlib import import_module

from ..authorities import resolve
from ..errors import NotAReport
from ..model import Report, SourceText
from .earlier import earlier_inspections
from .headers import TRUST_TITLE, find_title, join_title

# (title pattern, parser module or None, reason for refusing where there is no parser);
# the first row whose pattern the title matches decides.
DISPATCH: tuple[tuple[re.Pattern[str], str | None, str], ...] = (
    (re.compile(r"^area\s+send\s+inspection\s+of\b", re.I), "area_send", ""),
    (re.compile(r"^inspection of (?:safeguarding and )?looked after children", re.I),
     "lac2012", ""),
    (
        re.compile(
            r"children in need of help and protection,? children looked after"
            r"|^review of the effectiveness of the local safeguarding children board",
            re.I,
        ),
        "sif",
        "",
    ),
    (re.compile(r"children's (?:social care )?services\b", re.I), "ilacs", ""),
    (TRUST_TITLE, "ilacs", ""),
)


def parse_report(text: SourceText) -> Report:
    """Parse one report, or raise InputError saying why it is not one."""
    lines = text.lines
    title_at = find_title(lines)
    if title_at is None:
        raise NotAReport(
            text.source.location,
            "is not an Ofsted inspection report of a local authority's children's services "
            "(no inspection title on its first page)",
        )
    title = join_title(lines, title_at)
    report = _dispatch(text, title_at, title)
    report.authority_ref = resolve(report.authority)
    if report.framework not in {"lac-2012", "area-send"}:
        report.earlier = earlier_inspections(lines)
    return report


def _dispatch(text: SourceText, title_at: int, title: str) -> Report:
    for pattern, module, refusal in DISPATCH:
        if pattern.search(title):
            if module is None:
                raise NotAReport(text.source.location, refusal)
            return import_module(f"{__name__}.{module}").parse(text, title_at, title)
    raise NotAReport(text.source.location, f"has an inspection title not known here: {title!r}")
