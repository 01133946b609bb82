"""A query's rows as a spreadsheet (XLSX): typed cells (dates as dates, numbers as
numbers), a frozen header row, an autofilter and widths that fit the text, the same bytes
for the same rows (XlsxWriter with a fixed creation date, which also dates the files
inside the zip)."""

import io
from collections.abc import Sequence
from datetime import date, datetime

import pyoxigraph as ox

from ..store.targets import rows_of
from .rows import Table, table_of

# The workbook's creation date: fixed, so that the same rows give the same bytes.
CREATED = datetime(2000, 1, 1)
_WIDEST = 60  # characters; longer text wraps within its cell's width when opened
_CELL_LIMIT = 32767  # Excel's most characters in a cell


def xlsx_bytes(table: Table, sheet: str = "rows") -> bytes:
    """The rows of ``table`` as an XLSX workbook of one sheet named ``sheet``."""
    return workbook_bytes([(sheet, table)])


def workbook_bytes(sheets: Sequence[tuple[str, Table]]) -> bytes:
    """An XLSX workbook of one sheet for each (name, table), in order."""
    import xlsxwriter

    out = io.BytesIO()
    workbook = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_urls": False,
                                         "strings_to_numbers": False,
                                         "strings_to_formulas": False})
    workbook.set_properties({"created": CREATED, "title": sheets[0][0]})
    header = workbook.add_format({"bold": True, "bg_color": "#E8E8E8", "bottom": 1})
    day = workbook.add_format({"num_format": "yyyy-mm-dd"})
    for name, table in sheets:
        worksheet = workbook.add_worksheet(name[:31])
        worksheet.write_row(0, 0, table.variables, header)
        for r, row in enumerate(table.rows, start=1):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, date):
                    worksheet.write_datetime(r, c, datetime(value.year, value.month, value.day),
                                             day)
                elif isinstance(value, bool):
                    worksheet.write_boolean(r, c, value)
                elif isinstance(value, int | float):
                    worksheet.write_number(r, c, value)
                else:
                    worksheet.write_string(r, c, str(value)[:_CELL_LIMIT])
        for c, width in enumerate(_widths(table)):
            worksheet.set_column(c, c, width)
        worksheet.freeze_panes(1, 0)
        worksheet.autofilter(0, 0, max(len(table.rows), 1), max(len(table.variables) - 1, 0))
    workbook.close()
    return out.getvalue()


def _widths(table: Table) -> list[int]:
    """Each column's width in characters: its longest value or header, at most _WIDEST,
    with room for the autofilter's button beside the header."""
    widths = [len(name) + 4 for name in table.variables]
    for row in table.rows:
        for c, value in enumerate(row):
            shown = 10 if isinstance(value, date) else len(str(value)) if value is not None else 0
            widths[c] = max(widths[c], min(shown + 1, _WIDEST))
    return widths


def solutions_xlsx(solutions: ox.QuerySolutions) -> bytes:
    """A saved query's answer as a spreadsheet (``query -f xlsx``)."""
    return xlsx_bytes(table_of(rows_of(solutions)))
