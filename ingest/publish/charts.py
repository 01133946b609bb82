"""Charts as inline SVG, written here so that the same rows give the same bytes: bars of
grades by year, and a grid of each judgement over time. Each chart carries a title and a
description for screen readers, and every mark carries its words, never colour alone;
the pages also give the numbers as a table."""

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

# The grade scale in order, with colours of enough contrast against white text and their
# short marks (shown in the mark itself, so colour is never the only signal).
GRADES = ("Outstanding", "Good", "Requires improvement to be good", "Inadequate")
SHORT = {"Outstanding": "O", "Good": "G", "Requires improvement to be good": "RI",
         "Inadequate": "I", "Not judged": "NJ"}
COLOURS = {"Outstanding": "#0b5e2a", "Good": "#1d70b8", "Requires improvement to be good":
           "#8a4b00", "Inadequate": "#b10e1e"}
OTHER = "#505a5f"


def colour(grade: str) -> str:
    return COLOURS.get(grade, OTHER)


@dataclass(frozen=True)
class Bar:
    label: str  # the x axis: a year
    counts: dict[str, int]  # grade -> count


def stacked_bars(title: str, bars: Sequence[Bar], grades: Sequence[str]) -> Markup:
    """Stacked bars, one a year, each grade a segment with its count written in it."""
    height, bar_width, gap, top, left = 200, 34, 10, 30, 36
    most = max((sum(b.counts.values()) for b in bars), default=1) or 1
    # The legend runs in rows as wide as the bars, or as its widest entry where the bars
    # are narrower: the chart is as wide as both, and as tall as the legend's rows.
    room = max([len(bars) * (bar_width + gap)] + [_legend_step(g) - LEGEND_GAP for g in grades])
    legend = _legend_rows(grades, room)
    width = left + room + 10
    parts = [_open(title, width, height + top + 40 + LEGEND_LINE * (len(legend) - 1),
                   f"{title}: the number of each grade, year by year; the table below gives "
                   "the same numbers")]
    parts.append(f'<line x1="{left}" y1="{top + height}" x2="{width - 5}" y2="{top + height}" '
                 'stroke="#0b0c0c"/>')
    for i, bar in enumerate(bars):
        x = left + i * (bar_width + gap)
        y: float = top + height
        for grade in grades:
            count = bar.counts.get(grade, 0)
            if not count:
                continue
            h = round(height * count / most, 1)
            y = round(y - h, 1)
            parts.append(f'<rect x="{x}" y="{y}" width="{bar_width}" height="{h}" '
                         f'fill="{colour(grade)}"><title>{escape(bar.label)}: {count} '
                         f'{escape(grade)}</title></rect>')
            if h >= 12:
                parts.append(f'<text x="{x + bar_width / 2}" y="{y + h / 2 + 4}" '
                             f'text-anchor="middle" fill="#fff" font-size="10">'
                             f'{count} {SHORT.get(grade, "")}</text>')
        parts.append(f'<text x="{x + bar_width / 2}" y="{top + height + 14}" '
                     f'text-anchor="middle" font-size="11">{escape(bar.label)}</text>')
    parts.append(_legend(legend, left, top + height + 32))
    parts.append("</svg>")
    return Markup("".join(parts))


def judgement_grid(title: str, columns: Sequence[str], rows: Sequence[str],
                   cells: dict[tuple[str, str], str]) -> Markup:
    """A grid of judgements over time: one row per service area, one column per
    inspection (its last day on site), each cell the grade's short mark on its colour."""
    label_width, cell, top = 330, 74, 40
    width = label_width + cell * len(columns) + 10
    height = top + 26 * len(rows) + 10
    parts = [_open(title, width, height, f"{title}: the grade each inspection gave each "
                   "service area; the table above gives the same grades in words")]
    for c, column in enumerate(columns):
        parts.append(f'<text x="{label_width + c * cell + cell / 2}" y="{top - 10}" '
                     f'text-anchor="middle" font-size="11">{escape(column)}</text>')
    for r, row in enumerate(rows):
        y = top + r * 26
        parts.append(f'<text x="{label_width - 6}" y="{y + 16}" text-anchor="end" '
                     f'font-size="11">{escape(_cut(row, 52))}</text>')
        for c, column in enumerate(columns):
            grade = cells.get((row, column))
            if grade is None:
                continue
            x = label_width + c * cell + 4
            parts.append(f'<rect x="{x}" y="{y + 2}" width="{cell - 8}" height="20" rx="3" '
                         f'fill="{colour(grade)}"><title>{escape(row)}, {escape(column)}: '
                         f'{escape(grade)}</title></rect>'
                         f'<text x="{x + (cell - 8) / 2}" y="{y + 16}" text-anchor="middle" '
                         f'fill="#fff" font-size="11">{escape(SHORT.get(grade, grade[:3]))}'
                         '</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _open(title: str, width: float, height: float, description: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" '
            f'height="{height}" viewBox="0 0 {width} {height}" aria-label="{escape(title)}" '
            f'font-family="sans-serif"><title>{escape(title)}</title>'
            f'<desc>{escape(description)}</desc>')


LEGEND_GAP, LEGEND_LINE = 10, 16  # between a legend's entries; between its rows


def _legend_words(grade: str) -> str:
    return f"{SHORT.get(grade, '')} {grade}".strip()


def _legend_step(grade: str) -> int:
    """A legend entry's width and the gap after it: its swatch (14) and its words at
    font-size 10, allowing 6 units a character (more than a sans-serif font's average, so
    that the words fit in any of them)."""
    return 14 + 6 * len(_legend_words(grade)) + LEGEND_GAP


def _legend_rows(grades: Sequence[str], room: float) -> list[list[str]]:
    """The legend's entries in rows, each row as many as fit in ``room``."""
    rows: list[list[str]] = [[]]
    used = 0
    for grade in grades:
        step = _legend_step(grade)
        if rows[-1] and used + step - LEGEND_GAP > room:
            rows.append([])
            used = 0
        rows[-1].append(grade)
        used += step
    return rows


def _legend(rows: Sequence[Sequence[str]], left: float, y: float) -> str:
    parts = []
    for row in rows:
        x = left
        for grade in row:
            parts.append(f'<rect x="{x}" y="{y - 9}" width="10" height="10" '
                         f'fill="{colour(grade)}"/><text x="{x + 14}" y="{y}" font-size="10">'
                         f'{escape(_legend_words(grade))}</text>')
            x += _legend_step(grade)
        y += LEGEND_LINE
    return "".join(parts)


def _cut(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"
