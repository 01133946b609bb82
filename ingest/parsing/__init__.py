"""Stage 2: lines of a report -> a ``model.Report``.

The framework is chosen by what the document says (its title), never by its date
or file name. Each framework's layout lives in its own module.
"""

import re

from ..errors import InputError
from ..model import Report, SourceText
from .headers import find_title, join_title

_SIF = re.compile(
    r"children in need of help and protection,? children looked after"
    r"|^review of the effectiveness of the local safeguarding children board",
    re.I,
)
_LOOKED_AFTER_2012 = re.compile(r"^inspection of (?:safeguarding and )?looked after children", re.I)
_ILACS = re.compile(r"children's (?:social care )?services\b", re.I)

def parse_report(text: SourceText) -> Report:
    """Parse one report, or raise InputError saying why it is not one."""
    lines = text.lines
    title_at = find_title(lines)
    if title_at is None:
        raise InputError(
            text.source.location,
            "is not an Ofsted inspection report of a local authority's children's services "
            "(no inspection title on its first page)",
        )
    title = join_title(lines, title_at)
    if _LOOKED_AFTER_2012.search(title):
        raise InputError(
            text.source.location,
            "is an inspection of looked after children services under the 2012 framework, "
            "which has no judgements comparable with later frameworks (not ingested)",
        )
    if _SIF.search(title):
        from .sif import parse_sif

        return parse_sif(text, title_at, title)
    if _ILACS.search(title):
        from .ilacs import parse_ilacs

        return parse_ilacs(text, title_at, title)
    raise InputError(text.source.location, f"has an inspection title not known here: {title!r}")
