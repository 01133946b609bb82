"""Renderings of a synthetic report written as markdown (tests/data): the markdown itself,
a plain text rendering (headings without marks, table cells separated by tabs, as the
project's text renderings are), and a PDF laid out like the real ones (fpdf2): wrapped
paragraphs, bulleted lists, two-column tables with ruled borders, a running footer."""

from pathlib import Path


def render(markdown: str, kind: str, path: Path, drawn_late: str | None = None) -> Path:
    """Write ``markdown`` to ``path`` as ``kind``: "md", "txt" or "pdf". In a PDF, the
    heading line ``drawn_late`` (as in the markdown, "## Recommendations") is printed in
    its place but drawn after the two lines that follow it, so the text layer gives it
    after them (as a boxed heading may come out of a real report)."""
    if kind == "md":
        path.write_text(markdown, encoding="utf-8")
    elif kind == "txt":
        lines = [line.lstrip("#").strip() if line.startswith("#") else line
                 for line in markdown.splitlines()]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    elif kind == "pdf":
        path.write_bytes(_pdf(markdown, drawn_late))
    else:
        raise ValueError(kind)
    return path


def _pdf(markdown: str, drawn_late: str | None = None) -> bytes:
    from fpdf import FPDF

    class Report(FPDF):
        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", size=8)
            self.cell(0, 5, f"Area SEND inspection report: Fernley    {self.page_no()}")

    pdf = Report(format="A4")
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, margin=25)
    pdf.add_page()
    table: list[list[str]] = []
    late: tuple[str, float, int] | None = None  # the heading, where it goes, lines to wait
    for line in markdown.splitlines() + [""]:
        if "\t" in line:
            table.append(line.split("\t"))
            continue
        if table:
            _table(pdf, table)
            table = []
        if line == drawn_late and late is None:
            late = (line, pdf.get_y(), 2)
            pdf.set_y(pdf.get_y() + 9)  # the heading's height, left free
            continue
        _line(pdf, line)
        if late is not None and line.strip() and late[2] >= 0:
            heading, y, wait = late
            late = (heading, y, wait - 1)
            if wait == 1:
                below = pdf.get_y()
                pdf.set_y(y)
                _line(pdf, heading)
                pdf.set_y(below)
                late = (heading, y, -1)
    return bytes(pdf.output())


def _line(pdf, line: str) -> None:
    width = pdf.epw
    if not line.strip():
        pdf.ln(2)
    elif line.startswith("#"):
        pdf.set_font("Helvetica", "B", 14 if line.startswith("# ") else 12)
        pdf.multi_cell(width, 7, line.lstrip("#").strip(), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    elif line.startswith("- "):
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(width, 6, "- " + line[2:], new_x="LMARGIN", new_y="NEXT")
    else:
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(width, 6, line, new_x="LMARGIN", new_y="NEXT")


def _table(pdf, rows: list[list[str]]) -> None:
    pdf.set_font("Helvetica", size=11)
    with pdf.table(col_widths=(1, 2), first_row_as_headings=False, line_height=6,
                   padding=2, v_align="TOP") as table:
        for cells in rows:
            row = table.row()
            for cell in cells:
                row.cell(cell)
    pdf.ln(4)
