"""CSV files a spreadsheet opens safely: no cell is read as a formula."""

import csv
import io

# A cell starting with one of these is a formula in Excel, LibreOffice and Google Sheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_cell(value) -> str:
    """The value as text, with a leading apostrophe when a spreadsheet would run it (OWASP advice)."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def csv_text(header: list[str], rows) -> str:
    """UTF-8 text with a byte-order mark, so Excel reads Arabic names right."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return buffer.getvalue()
