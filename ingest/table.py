"""Query results as a plain table for a person at a terminal.

The table fits ``WIDTH`` columns: IRIs are kept whole (a shortened IRI cannot be pasted
back), and long text is wrapped to a few lines, its end cut with an ellipsis, with a note
saying so. Rows whose columns cannot fit side by side are shown as blocks, one line per
column. ``wide`` puts every cell whole on one line.
"""

import textwrap
from collections.abc import Sequence

WIDTH = 100
GAP = 2
MIN_TEXT = 12  # a text column is never narrower than this, even if the table overflows
MAX_LINES = 4


def table(names: Sequence[str], rows: Sequence[Sequence[object]], wide: bool = False) -> str:
    """``rows`` of rdflib terms (or None for unbound) under the column ``names``: columns
    when they fit in ``WIDTH``, else one block of ``name  value`` lines per row."""
    cells = [[_text(term) for term in row] for row in rows]
    whole = [any(_is_iri(row[i]) for row in rows) for i in range(len(names))]
    natural = [max([len(n)] + [len(r[i]) for r in cells]) for i, n in enumerate(names)]
    least = [n if w else min(n, max(len(name), MIN_TEXT))
             for n, w, name in zip(natural, whole, names, strict=True)]
    if wide:
        lines, shortened = _columns(names, cells, natural), False
    elif sum(least) + GAP * (len(names) - 1) <= WIDTH:
        lines, shortened = _wrapped_columns(names, cells, _fit(natural, least))
    else:
        lines, shortened = _records(names, cells, whole)
    count = f"{len(rows)} row{'s' if len(rows) != 1 else ''}"
    note = "; long text shortened: --wide, -f csv or -f json show it whole" if shortened else ""
    return "\n".join([*lines, f"({count}{note})"]) + "\n"


def _columns(names: Sequence[str], cells: list[list[str]], widths: list[int]) -> list[str]:
    return [_line(names, widths), _line(["-" * w for w in widths], widths),
            *(_line(row, widths) for row in cells)]


def _wrapped_columns(names, cells, widths) -> tuple[list[str], bool]:
    out = _columns(names, [], widths)
    shortened = False
    for row in cells:
        wrapped = [[c] if w >= len(c) else _wrap(c, w) for c, w in zip(row, widths, strict=True)]
        shortened |= any(len(cell) > MAX_LINES for cell in wrapped)
        wrapped = [_cut(cell, w) for cell, w in zip(wrapped, widths, strict=True)]
        for depth in range(max(len(cell) for cell in wrapped)):
            out.append(_line([cell[depth] if depth < len(cell) else "" for cell in wrapped],
                             widths))
    return out, shortened


def _records(names, cells, whole) -> tuple[list[str], bool]:
    """Too many columns for the width: each row as a block, a name and its value a line."""
    label = max(map(len, names))
    width = max(MIN_TEXT, WIDTH - label - GAP)
    out: list[str] = []
    shortened = False
    for number, row in enumerate(cells, 1):
        out.append(f"-[ {number} ]" + "-" * max(0, min(WIDTH, label + GAP + width) - 8))
        for name, value, iri in zip(names, row, whole, strict=True):
            lines = [value] if iri or len(value) <= width else _wrap(value, width)
            shortened |= len(lines) > MAX_LINES
            for depth, text in enumerate(_cut(lines, width)):
                out.append(_line([name if depth == 0 else "", text], [label, width]))
    return out, shortened


def _text(term: object) -> str:
    value = getattr(term, "value", term)  # a pyoxigraph term, or plain text
    return "" if term is None else " ".join(str(value).split())


def _is_iri(term: object) -> bool:
    from pyoxigraph import NamedNode

    return isinstance(term, NamedNode)


def _fit(natural: list[int], least: list[int]) -> list[int]:
    """Column widths within ``WIDTH``: each column its least width, then the space left
    shared out, the columns needing least more served first (each up to an equal share)."""
    widths = list(least)
    left = WIDTH - GAP * (len(natural) - 1) - sum(least)
    needy = sorted((i for i in range(len(natural)) if natural[i] > least[i]),
                   key=lambda i: natural[i] - least[i])
    for place, i in enumerate(needy):
        extra = min(natural[i] - least[i], left // (len(needy) - place))
        widths[i] += extra
        left -= extra
    return widths


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False) or [""]


def _cut(lines: list[str], width: int) -> list[str]:
    """At most ``MAX_LINES`` lines, the last ending in an ellipsis if any were left out."""
    if len(lines) <= MAX_LINES:
        return lines
    last = lines[MAX_LINES - 1]
    return lines[: MAX_LINES - 1] + [last[: width - 1].rstrip() + "\u2026"]


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()
