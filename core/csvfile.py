"""The one way to write CSV for people: spreadsheets open it safely and read Arabic right.

Every export (pages, exports, reports) goes through ``csv_response`` or ``csv_text``; a test scans the
export views for it. No cell is read as a formula (OWASP CSV injection advice), and the file starts with a
byte-order mark so that Excel reads UTF-8.
"""

import csv
import io

from django.http import HttpResponse

# A cell starting with one of these is a formula in Excel, LibreOffice and Google Sheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def safe_cell(value) -> str:
    """The value as text, with a leading apostrophe when a spreadsheet would run it."""
    text = "" if value is None else str(value)
    if text.lstrip(" ").startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def _write(target, header, rows) -> None:
    target.write("\ufeff")
    writer = csv.writer(target)
    writer.writerow([safe_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])


def csv_text(header: list, rows) -> str:
    buffer = io.StringIO()
    _write(buffer, header, rows)
    return buffer.getvalue()


def csv_response(filename: str, header: list, rows) -> HttpResponse:
    """A CSV download of personal or back-office data: formula-safe, UTF-8 with BOM, never cached."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    _write(response, header, rows)
    return response
