"""The one way to write CSV for people: spreadsheets open it safely and read Arabic right.

Every export (pages, exports, reports) goes through ``csv_response``, ``csv_stream_response`` or
``csv_text``; a test scans the export views for it. No cell is read as a formula (OWASP CSV injection
advice), and the file starts with a byte-order mark so that Excel reads UTF-8.
"""

import csv
import io

from django.http import HttpResponse, StreamingHttpResponse

# A cell starting with one of these is a formula in Excel, LibreOffice and Google Sheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def safe_cell(value) -> str:
    """The value as text, with a leading apostrophe when a spreadsheet would run it."""
    text = "" if value is None else str(value)
    if text.lstrip(" ").startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


class _Line:
    """What csv.writer writes to when each line is wanted on its own."""

    def write(self, line: str) -> str:
        return line


def _lines(header, rows):
    writer = csv.writer(_Line())
    yield "\ufeff"
    yield writer.writerow([safe_cell(cell) for cell in header])
    for row in rows:
        yield writer.writerow([safe_cell(cell) for cell in row])


def _write(target, header, rows) -> None:
    for line in _lines(header, rows):
        target.write(line)


def csv_text(header: list, rows) -> str:
    buffer = io.StringIO()
    _write(buffer, header, rows)
    return buffer.getvalue()


def _download(response, filename: str):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def csv_response(filename: str, header: list, rows) -> HttpResponse:
    """A CSV download of personal or back-office data: formula-safe, UTF-8 with BOM, never cached."""
    response = _download(HttpResponse(content_type="text/csv; charset=utf-8"), filename)
    _write(response, header, rows)
    return response


def csv_stream_response(filename: str, header: list, rows) -> StreamingHttpResponse:
    """The same, sent line by line as ``rows`` yields them: for exports as large as the whole
    referential, which a worker should not hold in memory at once."""
    lines = _lines(header, rows)
    return _download(StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8"), filename)
