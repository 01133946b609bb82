"""Two-column tables read by position, not in the order a text extraction gives.

A PDF's text layer may interleave the cells of a two-column table (a body's name wrapped
over three lines beside an action of ten; a row split over a page). Here a table is read
from the character boxes pypdfium2 gives: its header line fixes where the right column
starts (its widest gap), each character falls in the column its left edge is in, and
the table's ruled lines cut it into rows (a table drawn without rules, after a gap wider
than a line); the first piece of a page continues the row above unless both its cells
begin there and the row above has finished its last sentence. A text rendering keeps no
positions, but its cells are separated by tabs, one row a line; lines without a tab
continue the right cell. The same character boxes give each line's spacing, from which
the parser tells paragraphs apart (``line_spacing``).
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from statistics import median

from ..model import SourceText
from ..sources import clean_line

_FOOTER = 70.0  # points above the page's bottom edge: below it, the running footer and page number
_SPACE = 1.4  # points between two characters that make a space between words
_SENTENCE_END = re.compile(r"[.!?][\"')\u2019\u201d]*$")


@dataclass
class Row:
    left: list[str] = field(default_factory=list)
    right: list[str] = field(default_factory=list)
    page: int | None = None
    page_end: int | None = None  # the page it ends on, where it runs over a page break

    def cells(self) -> tuple[str, str]:
        return " ".join(self.left).strip(), "\n".join(self.right).strip()


@dataclass(frozen=True)
class _Run:
    page: int
    top: float
    bottom: float
    left: float
    right: float
    text: str  # as the PDF gives it, spaces included


@dataclass
class _Line:
    runs: list[_Run]  # left to right
    top: float = 0.0  # the median of its characters' tops and bottoms: a bullet glyph
    bottom: float = 0.0  # of another font does not move the line
    rule_above: bool = False  # a ruled line of the table lies between it and the line above

    @property
    def page(self) -> int:
        return self.runs[0].page

    def text(self, start: float = float("-inf"), stop: float = float("inf")) -> str:
        """The words of the runs whose left edge lies in [start, stop), joined where the
        runs touch (a word split between two runs) and spaced where they do not."""
        out = ""
        previous: _Run | None = None
        for run in self.runs:
            if not start <= run.left < stop:
                continue
            apart = previous is not None and run.left - previous.right > _SPACE
            if apart and not out.endswith(" ") and not run.text.startswith(" "):
                out += " "
            out += run.text
            previous = run
        return clean_line(out)


def table(text: SourceText, left_header: str, right_header: str, end: re.Pattern[str],
          first_page: int | None) -> list[Row] | None:
    """The rows of the table under the header line "<left_header> <right_header>", up to
    the first line ``end`` matches; None where the source cannot say where cells begin
    (no header found by position or by tabs). Right cells keep their line breaks (for
    bullets); left cells are joined."""
    if text.source.media_type == "application/pdf" and text.data:
        return _pdf_table(text.data, left_header, right_header, end, first_page or 1)
    return _text_table(text.data.decode("utf-8-sig", "replace"), left_header, right_header,
                       end)


def _text_table(raw: str, left_header: str, right_header: str,
                end: re.Pattern[str]) -> list[Row] | None:
    rows: list[Row] | None = None
    for line in raw.splitlines():
        cells = [clean_line(cell) for cell in line.split("\t")]
        cells = [cell for cell in cells if cell]
        if rows is None:
            if len(cells) == 2 and _same(cells[0], left_header) and _same(cells[1], right_header):
                rows = []
            continue
        whole = clean_line(line)
        if not whole:
            continue
        if end.match(whole):
            break
        if len(cells) == 2:
            rows.append(Row([cells[0]], [cells[1]]))
        elif rows:
            rows[-1].right.append(line.strip() if line.lstrip()[:1] in "-*\u2022" else whole)
    return rows


def _same(text: str, header: str) -> bool:
    return text.strip().rstrip(":").lower() == header.lower()


def _pdf_table(data: bytes, left_header: str, right_header: str, end: re.Pattern[str],
               first_page: int) -> list[Row] | None:
    lines = _pdf_lines(data, first_page)
    header = f"{left_header} {right_header}".lower()
    start = next((i for i, line in enumerate(lines) if line.text().lower() == header), None)
    if start is None:
        return None
    split = _column_gap(lines[start])
    body = []
    for line in lines[start + 1:]:
        if end.match(line.text()):
            break
        body.append(line)
    return _rows(body, split)


def _column_gap(line: _Line) -> float:
    """Where the right column starts: after the widest gap in the header line."""
    pairs = zip(line.runs, line.runs[1:], strict=False)
    _, after = max(pairs, key=lambda pair: pair[1].left - pair[0].right)
    return after.left - 2.0


def _pdf_lines(data: bytes, first_page: int) -> list[_Line]:
    """Every line from ``first_page`` on, pages in order."""
    return [line for line in _document_lines(data) if line.page >= first_page]


@lru_cache(maxsize=2)
def _document_lines(data: bytes) -> tuple[_Line, ...]:
    """Every line of the PDF, pages in order, each knowing whether a ruled line of a
    table lies above it: read once per document (a report's tables and paragraphs all
    ask)."""
    import pypdfium2  # heavy: only when a table is read

    document = pypdfium2.PdfDocument(data)
    lines: list[_Line] = []
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            lines += _ruled(_by_line(_characters(textpage, index + 1)), _rules(page))
            textpage.close()
            page.close()
    finally:
        document.close()
    return tuple(lines)


def _characters(textpage, page: int) -> list[_Run]:
    """Each printed character with its box (spaces are found again from the gaps)."""
    import pypdfium2.raw as pdfium_c  # the character's code point without a text buffer

    runs = []
    for i in range(textpage.count_chars()):
        char = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i))
        if not char.strip():
            continue
        left, bottom, right, top = textpage.get_charbox(i, loose=True)
        if top > _FOOTER and top > bottom:
            runs.append(_Run(page, top, bottom, left, right, char))
    return runs


def _rules(page) -> list[float]:
    """The heights of the horizontal ruled lines drawn on a page."""
    import pypdfium2.raw as pdfium_c

    heights = []
    for obj in page.get_objects(max_depth=3):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_PATH:
            left, bottom, right, top = obj.get_bounds()
            if top - bottom < 1.5 and right - left > 40:
                heights.append((top + bottom) / 2)
    return heights


def _ruled(lines: list[_Line], rules: list[float]) -> list[_Line]:
    for above, here in zip(lines, lines[1:], strict=False):
        here.rule_above = any(here.top - 1 < y < above.bottom + 1 for y in rules)
    return lines


def _by_line(runs: list[_Run]) -> list[_Line]:
    """Runs grouped into lines: a run joins the line whose first run its height overlaps
    by half."""
    groups: list[list[_Run]] = []
    for run in sorted(runs, key=lambda r: (-(r.top + r.bottom) / 2, r.left)):
        if groups:
            first = groups[-1][0]
            overlap = min(first.top, run.top) - max(first.bottom, run.bottom)
            if overlap > 0.5 * min(run.top - run.bottom, first.top - first.bottom):
                groups[-1].append(run)
                continue
        groups.append([run])
    return [_Line(sorted(group, key=lambda r: r.left), median(r.top for r in group),
                  median(r.bottom for r in group)) for group in groups]


def _rows(lines: list[_Line], split: float) -> list[Row]:
    """Rows from the table's lines, cut into segments where a rule is drawn (or, in a
    table drawn without rules, after a gap wider than the line spacing) and at page
    breaks. The first segment of a page continues the row above unless both its cells
    begin and the row above has ended its last sentence."""
    rows: list[Row] = []
    for segment in _segments(lines):
        left = [t for line in segment if (t := line.text(stop=split))]
        right = [t for line in segment if (t := line.text(start=split))]
        page_top = bool(rows) and segment[0].page != rows[-1].page_end
        ended = bool(rows) and bool(rows[-1].right) and bool(
            _SENTENCE_END.search(rows[-1].right[-1]))
        if rows and ((page_top and not (left and right and ended)) or not left or not right):
            rows[-1].left += left
            rows[-1].right += right
        else:
            rows.append(Row(left, right, segment[0].page))
        rows[-1].page_end = segment[-1].page
    return rows


def _segments(lines: list[_Line]) -> list[list[_Line]]:
    ruled = any(line.rule_above for line in lines)
    spacing = _pitch(lines)
    segments: list[list[_Line]] = []
    for index, line in enumerate(lines):
        above = lines[index - 1] if index else None
        cut = (above is None or above.page != line.page
               or (line.rule_above if ruled else above.top - line.top > spacing * 1.3))
        if cut:
            segments.append([line])
        else:
            segments[-1].append(line)
    return segments


def squash(text: str) -> str:
    """A line's letters and digits, lower case: the same line read two ways compares equal."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


@dataclass(frozen=True)
class Spacing:
    """How a PDF line sits below the line above it on its page."""

    gap: float  # points from the top of the line above to its own top
    after_short: bool  # the line above ends a sentence and stops short of the margin by
    # more than this line's first word: it was broken on purpose
    height: float  # the line's own height (its font's)


Layout = dict[int, list[tuple[str, Spacing]]]  # page -> (squashed line text, spacing)


def line_spacing(text: SourceText) -> Layout | None:
    """For a PDF, each line's spacing below the line above it (the first line of a page
    has none), by page and squashed text; None for other sources, which keep no
    positions. Loose character boxes give every line of a font the same height, so gaps
    compare to a tenth of a point."""
    if text.source.media_type != "application/pdf" or not text.data:
        return None
    layout: Layout = {}
    lines = _pdf_lines(text.data, 1)
    for page in sorted({line.page for line in lines}):
        on_page = [line for line in lines if line.page == page]
        if len(on_page) < 2:
            continue
        margin = sorted(_right(line) for line in on_page)[-2]
        layout[page] = [
            (squash(line.text()), Spacing(above.top - line.top, bool(
                _SENTENCE_END.search(above.text())
                and _right(above) + _SPACE * 3 + _first_word(line) < margin),
                line.top - line.bottom))
            for above, line in zip(on_page, on_page[1:], strict=False)]
    return layout


def spacing_of(layout: Layout, page: int | None, text: str) -> Spacing | None:
    """The spacing of the line ``text`` on ``page``: its squashed text equal to one of the
    page's lines, or one the start of the other (a text extraction may join a line
    hyphenated at its end to the next)."""
    key = squash(text)
    for start, spacing in layout.get(page or 0, []):
        if key == start or (min(len(key), len(start)) >= 12
                            and (key.startswith(start) or start.startswith(key))):
            return spacing
    return None


def _pitch(lines: list[_Line]) -> float:
    """The distance from one line of a paragraph to the next: the commonest gap between
    lines (to half a point; the median of the gaps near it), among gaps of less than one
    and a half lines (headings and paragraph breaks are further apart)."""
    height = median(line.top - line.bottom for line in lines) if lines else 0.0
    gaps = [a.top - b.top for a, b in zip(lines, lines[1:], strict=False)
            if a.page == b.page and 0 < a.top - b.top < 1.5 * height]
    if not gaps:
        return 1.2 * height
    common, _ = Counter(round(gap * 2) / 2 for gap in gaps).most_common(1)[0]
    return median(gap for gap in gaps if abs(gap - common) <= 0.3)


def _right(line: _Line) -> float:
    return max(run.right for run in line.runs)


def _first_word(line: _Line) -> float:
    """The width of the line's first word, in points."""
    runs = line.runs
    for before, after in zip(runs, runs[1:], strict=False):
        if after.left - before.right > _SPACE:
            return before.right - runs[0].left
    return runs[-1].right - runs[0].left

