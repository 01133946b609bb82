"""Query results as a plain table for a person at a terminal.

The table fits ``WIDTH`` columns: IRIs, where asked for, are kept whole (a shortened IRI
cannot be pasted back), and long text and headers are wrapped within their column, text
to a few lines, its end cut with an ellipsis, with a note saying so. Rows whose columns
cannot fit side by side are shown as blocks, one line per column (the last resort: the
saved questions' tables are shaped by ``shape.py`` to fit). ``wide`` puts every cell
whole on one line.
"""

import textwrap
from collections.abc import Sequence

WIDTH = 100
GAP = 2
MIN_TEXT = 12  # a text column is never narrower than this, even if the table overflows
MAX_LINES = 4
MAX_WORD = 16  # a longer word may be broken to fit


def table(names: Sequence[str], rows: Sequence[Sequence[object]], wide: bool = False) -> str:
    """``rows`` of terms (or None for unbound) under the column ``names``: columns
    when they fit in ``WIDTH``, else one block of ``name  value`` lines per row."""
    lines, shortened = _body(names, rows, wide)
    return "\n".join([*lines, _count(len(rows), len(rows), shortened)]) + "\n"


Shown = tuple[str | None, Sequence[str], Sequence[Sequence[object]], str | None]


def tables(shown: Sequence[Shown], wide: bool = False, limit: int | None = None) -> str:
    """Several titled tables (a saved question's answer as ``shape.shaped`` gives it),
    at most ``limit`` rows in all, and one line that counts them."""
    out: list[str] = []
    total = sum(len(rows) for _, _, rows, _ in shown)
    left = total if limit is None else limit
    shortened = False
    for title, names, rows, note in shown:
        if left <= 0:
            break
        part = rows[:left]
        left -= len(part)
        if title is not None:
            out.extend(([""] if out else []) + [f"{title} ({_rows(len(rows))})"])
        lines, cut = _body(names, part, wide)
        out.extend(lines + ([f"({note})"] if note else []))
        shortened |= cut
    shown_rows = total if limit is None else limit - max(left, 0)
    return "\n".join([*out, _count(shown_rows, total, shortened)]) + "\n"


def _body(names: Sequence[str], rows: Sequence[Sequence[object]],
          wide: bool) -> tuple[list[str], bool]:
    cells = [[_text(term) for term in row] for row in rows]
    whole = [any(_is_iri(row[i]) for row in rows) for i in range(len(names))]
    content = [max([0] + [len(r[i]) for r in cells]) for i in range(len(names))]
    if wide:
        natural = [max(len(name), n) for name, n in zip(names, content, strict=True)]
        return _columns(names, cells, natural), False
    words = [max([_longest_word(name)] + [min(_longest_word(r[i]), MAX_WORD) for r in cells])
             for i, name in enumerate(names)]
    # a column is never narrower than its whole IRIs, its longest word (up to MAX_WORD) or
    # its text (up to MIN_TEXT); headers wrap first, then text
    least = [n if w else max(word, min(n, MIN_TEXT))
             for n, w, word in zip(content, whole, words, strict=True)]
    natural = [max(n, word) for n, word in zip(content, words, strict=True)]
    if sum(least) + GAP * (len(names) - 1) <= WIDTH:
        widths = _fit(natural, least)
        widths = _fit([max(w, len(n)) for w, n in zip(widths, names, strict=True)], widths)
        return _wrapped_columns(names, cells, widths)
    return _records(names, cells, whole)


def _rows(count: int) -> str:
    return f"{count} row{'s' if count != 1 else ''}"


def _count(shown: int, total: int, shortened: bool) -> str:
    count = _rows(total) if shown == total else f"{shown} of {_rows(total)} shown: --limit"
    note = "; long text shortened: --wide, -f csv or -f json show it whole" if shortened else ""
    return f"({count}{note})"


def _longest_word(text: str) -> int:
    return max((len(word) for word in text.split()), default=0)


def _columns(names: Sequence[str], cells: list[list[str]], widths: list[int]) -> list[str]:
    return [*_header(names, widths), *(_line(row, widths) for row in cells)]


def _header(names: Sequence[str], widths: Sequence[int]) -> list[str]:
    """Column names, each wrapped within its column, over a rule."""
    wrapped = [[n] if len(n) <= w else _wrap(n, w) for n, w in zip(names, widths, strict=True)]
    depth = max((len(cell) for cell in wrapped), default=1)
    lines = [_line([cell[d] if d < len(cell) else "" for cell in wrapped], widths)
             for d in range(depth)]
    return [*lines, _line(["-" * w for w in widths], widths)]


def _wrapped_columns(names, cells, widths) -> tuple[list[str], bool]:
    out = _header(names, widths)
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
