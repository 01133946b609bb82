"""Stage 1: a source file (PDF, markdown-like or raw text) as lines with page numbers.

The format is detected from the bytes, never from a flag or the file name. Every
rendering comes out as the same kind of plain lines, so the parser never needs to
know which one it reads.
"""

import hashlib
import re
import stat
from collections import Counter
from datetime import date
from pathlib import Path

from .errors import InputError, NotAReport, decoded, shown
from .model import Line, Listing, Source, SourceText

_CHARACTERS = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
        "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\t": " ",
        "\ufffe": "-", "\u00ad": "-", "\u2010": "-", "\u2011": "-",
        "\ufb01": "fi", "\ufb02": "fl", "\u00b9": "", "\u00b2": "", "\u00b3": "",
    }
)
_MARKUP = (
    (re.compile(r"<sup>.*?</sup>", re.I), ""),
    (re.compile(r"[\ue000-\uf8ff]"), " "),  # private-use glyphs: PDF bullet symbols
    (re.compile(r"</?[a-zA-Z][^>]*>"), " "),
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\*\*|__"), ""),
    (re.compile(r"^\s*#{1,6}\s+"), ""),
    (re.compile(r"^\s*(?:[-*\u2022\u2014\u2013\u2212\u25fc\u25aa\u25a0]\s+)+"), ""),
    (re.compile(r"\s+"), " "),
)
_BULLETS = (
    (1, re.compile(r"^\s{0,1}[\u25fc\u25aa\u25a0\u2022\uf06e\uf0a7\uf0b7\uf0d8*-]\s")),
    (2, re.compile(r"^\s*[\u2212\u2013\u2014\uf02d\uf0be\u2500\u2015-]\s")),
)
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?$", re.I)


def clean_line(text: str) -> str:
    """One line of text without markup, list markers, odd characters or extra spaces."""
    text = text.translate(_CHARACTERS)
    for pattern, replacement in _MARKUP:
        text = pattern.sub(replacement, text)
    return text.strip()


def bullet_level(raw: str) -> int:
    """1 where a raw line opens a list item, 2 a sub-item, 0 for other lines."""
    return next((level for level, pattern in _BULLETS if pattern.match(raw)), 0)


def read_source(path: Path) -> SourceText:
    """Read ``path`` into lines, or raise InputError saying why it is not usable."""
    name = shown(path)
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a named pipe would block the run
            raise InputError(name, "is not a regular file (a named pipe, device or socket?)")
        data = path.read_bytes()
    except OSError as error:
        raise InputError(name, f"cannot be read ({error.strerror or error})") from None
    if not data.strip():
        raise NotAReport(name, "is empty")
    digest = hashlib.sha256(data).hexdigest()
    head = data[:1024].lstrip().lower()
    if data.startswith(b"%PDF"):
        lines, created = _pdf_lines(name, data)
        source = Source(decoded(path.name), digest, "application/pdf", name, created,
                        listing_of(path, digest))
        return SourceText(source, lines, data)
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        raise NotAReport(name, "is an HTML page, not a report (perhaps saved with a .pdf name)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NotAReport(name, "is neither a PDF nor UTF-8 text") from None
    if "\x00" in text:
        raise NotAReport(name, "is neither a PDF nor UTF-8 text")
    media_type = "text/markdown" if _looks_like_markdown(text) else "text/plain"
    return SourceText(Source(decoded(path.name), digest, media_type, name), _text_lines(text),
                      data)


def listing_of(path: Path, sha256: str) -> Listing | None:
    """Where a file ``ofsted-kg fetch`` downloaded was published: from the manifest of
    its download folder, when that records these very bytes."""
    from .fetch.manifest import listing_of as recorded

    entry = recorded(path, sha256)
    if entry is None:
        return None
    try:
        published = date.fromisoformat(entry.published_as_listed)
    except ValueError:
        published = None
    return Listing(entry.file_url, entry.provider_page, published, entry.listed_as)


def _looks_like_markdown(text: str) -> bool:
    return bool(re.search(r"^#{1,6} |<b>|\*\*", text, re.M))


def _text_lines(text: str) -> tuple[Line, ...]:
    pages = text_pages(text)
    numbered = enumerate(pages, start=1) if pages else [(None, text)]
    return tuple(
        Line(line, number, level)
        for number, page in numbered
        for line, level in ((clean_line(raw), bullet_level(raw)) for raw in page.splitlines())
        if line and not _PAGE_NUMBER.match(line)
    )


# A text extracted from a PDF marks a page break by a form feed, or (pdftotext's layout
# without form feeds) by a run of three or more blank lines.
_BREAK = re.compile(r"\n(?:[ \t]*\n){3,}")
_BARE_NUMBER = re.compile(r"^\s*(?:page\s+)?(\d{1,3})(?:\s+of\s+\d{1,3})?\s*$", re.I)


def text_pages(text: str) -> list[str] | None:
    """A text rendering cut into its pages, or None where its page breaks are not known.

    Breaks are known when the page numbers the extraction kept agree with them: at
    least one page's first or last line is its own number, and no page's first or
    last line is another number."""
    pages = text.split("\f") if "\f" in text else _BREAK.split(text)
    if len(pages) < 2:
        return None
    agreeing = 0
    for number, page in enumerate(pages, start=1):
        edges = [line for line in page.splitlines() if line.strip()]
        for line in edges[:1] + edges[-1:]:
            match = _BARE_NUMBER.match(line)
            if match and int(match[1]) != number:
                return None
            agreeing += bool(match)
    return pages if agreeing else None


def _pdf_lines(name: str, data: bytes) -> tuple[tuple[Line, ...], date | None]:
    """The PDF's lines with their pages, and its creation date from its metadata."""
    import pypdfium2  # heavy: imported only when a PDF is read

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        raise InputError(name, f"is not a readable PDF ({error})") from None
    try:
        texts = [_page_text(page) for page in document]
        created = _created(document)
    except pypdfium2.PdfiumError as error:  # a page whose objects cannot be loaded
        raise InputError(name, f"has a page that cannot be read ({error})") from None
    finally:
        document.close()
    read = [[(clean_line(raw), bullet_level(raw)) for raw in text] for text in texts]
    pages = [[(line, level) for line, level in page if line] for page in read]
    if sum(len(page) for page in pages) < 5:
        raise InputError(name, "is a PDF with no text layer (a scan?), which cannot be read")
    running = _running_lines([[line for line, _ in page] for page in pages])
    return tuple(
        Line(line, number, level)
        for number, page in enumerate(pages, start=1)
        for index, (line, level) in enumerate(page)
        if not _is_furniture(line, index, len(page), running if number > 1 else set())
    ), created


def _created(document) -> date | None:
    try:
        return pdf_date(str(document.get_metadata_dict().get("CreationDate") or ""))
    except Exception:  # damaged metadata: the date is simply unknown
        return None


def pdf_date(text: str) -> date | None:
    """The day of a PDF date string ("D:20260706143942+01'00'"), or None."""
    match = re.match(r"^(?:D:)?(\d{4})(\d{2})(\d{2})", text.strip())
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _page_text(page) -> list[str]:
    """The page's lines in reading order: as its text layer gives them, with each heading
    moved back to where it is printed (see ``_in_reading_order``)."""
    textpage = page.get_textpage()
    try:
        return _in_reading_order(textpage, textpage.get_text_range(), page.get_height())
    finally:
        textpage.close()
        page.close()


_LINE_BREAK = re.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")  # as splitlines
_MARGIN_TOP, _MARGIN_BOTTOM = 60.0, 70.0  # points: running headers, footers, page numbers
_HEADING = re.compile(r"^\s*[A-Z][^.,;]{0,88}$")  # short, capitalised, not a sentence's end


def _in_reading_order(textpage, text: str, height: float) -> list[str]:
    """A text layer gives a page's lines in the order they were drawn, which is not always
    the order they are read: a boxed heading ("Recommendations") may be drawn after the
    paragraphs below it. A short heading line given after lines printed below it, in its
    column, is put back before the first of them. Lines in the top and bottom margins
    (running headers, footers) are neither moved nor moved around."""
    spans = pieces(text, _LINE_BREAK)
    lines = [text[start:end] for start, end in spans]
    if len(text) != textpage.count_chars():  # characters and text do not line up
        return lines
    boxes: dict[int, tuple[float, float, float, float] | None] = {}

    def box(k: int) -> tuple[float, float, float, float] | None:
        if k not in boxes:
            boxes[k] = _line_box(textpage, lines[k], spans[k][0], height)
        return boxes[k]

    for k in range(1, len(lines)):
        if not _HEADING.match(lines[k]) or (heading := box(k)) is None:
            continue
        j = next((j for j in range(k) if _below(box(j), heading)), None)
        if j is None:
            continue
        # the heading's own wrapped lines, printed under it and above line j, go with it
        end = k + 1
        while end < len(lines) and (nxt := box(end)) is not None and (
                nxt[3] <= heading[3] + 0.5 and _below(box(j), nxt)):
            end += 1
        lines[j:end] = lines[k:end] + lines[j:k]
        spans[j:end] = spans[k:end] + spans[j:k]
        boxes.clear()
    return lines


def _below(line: tuple[float, float, float, float] | None,
           heading: tuple[float, float, float, float]) -> bool:
    """Whether ``line`` is printed under ``heading``, in its column."""
    return line is not None and line[3] < heading[1] - 2 and (
        line[0] < heading[2] and heading[0] < line[2])


def pieces(text: str, separator: re.Pattern[str]) -> list[tuple[int, int]]:
    """(start, end) of each piece of ``text`` between the matches of ``separator`` (the
    last piece only when not empty): a page's lines here, a finding's sentences in
    ``enrich.evidence``."""
    spans, start = [], 0
    for match in separator.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _line_box(textpage, text: str, start: int,
              height: float) -> tuple[float, float, float, float] | None:
    """(left, bottom, right, top) of a line's first and last visible characters (``text``
    starts at character ``start``), or None for an empty line or one in the margins."""
    visible = [start + i for i, char in enumerate(text) if not char.isspace()]
    if not visible or _PAGE_NUMBER.match(text.strip()):
        return None
    first, last = textpage.get_charbox(visible[0]), textpage.get_charbox(visible[-1])
    left, bottom, right, top = first[0], min(first[1], last[1]), last[2], max(first[3], last[3])
    if top > height - _MARGIN_TOP or bottom < _MARGIN_BOTTOM:
        return None
    return left, bottom, right, top


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.lower())


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Headers and footers: line shapes at a page's top or bottom on most pages."""
    if len(pages) < 4:
        return set()
    edges: Counter[str] = Counter()
    for page in pages:
        edges.update({_shape(line) for line in page[:2] + page[-2:]})
    # Most pages' edges, or a numbered header of an appended report (a few pages only).
    return {
        shape for shape, count in edges.items()
        if count >= len(pages) / 2 or (count >= 3 and "#" in shape and len(shape) > 20)
    }


def _is_furniture(line: str, index: int, length: int, running: set[str]) -> bool:
    at_edge = index < 2 or index >= length - 2
    return at_edge and (bool(_PAGE_NUMBER.match(line)) or _shape(line) in running)
