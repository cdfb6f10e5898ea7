"""Read an uploaded table (CSV or XLSX) into a header row and rows of cell values.

CSV encodings: a strict order rather than a statistical detector. The lists we receive come in a
handful of encodings (UTF-8 with or without BOM, UTF-16 from Excel's "Unicode text", Windows-1256
for Arabic from older Windows set-ups, Latin-1/Windows-1252 for French); a detector guesses among
dozens of code pages and can answer differently for a short file or another library version, while
this order is deterministic and each step is tested. A wrong guess can still be overridden by the
analyst on the mapping page.

1. A byte order mark says it: UTF-8-SIG, UTF-16 LE/BE.
2. Many NUL bytes without a BOM: UTF-16 (LE or BE by where the NULs sit); binary files fail later.
3. Strict UTF-8 decodes: UTF-8 (text in any other encoding almost never forms valid UTF-8). When
   only some lines fail while others hold non-ASCII text that is valid UTF-8 (exports pasted
   together), "utf-8+<legacy>": each line in UTF-8 when it decodes, else in the legacy encoding
   step 4 picks for the lines that fail.
4. Windows-1256 when, read that way, most non-ASCII letters are Arabic; else Windows-1252, else
   Latin-1 (which decodes any byte). Windows-1256 keeps the French accented lower-case letters where
   Latin-1 has them, which is why the Arabic share decides and not decodability.
"""

import csv
import datetime
import io
import re
from functools import cached_property

from openpyxl import load_workbook

from .mapping import guess_mapping
from .validation import ARABIC_LETTER

ENCODINGS = ("utf-8-sig", "utf-16", "cp1256", "cp1252", "latin-1")
XLSX_MAGIC = b"PK\x03\x04"
DELIMITERS = ",;\t|"
# How many non-empty records may stand above the header row (titles, an export date, a blank line).
HEADER_SEARCH = 10
BINARY = re.compile(r"[\x00-\x08\x0E-\x1F]")
# Control characters are never part of a cell's text: a stray one (an old export's padding, a NUL) is
# dropped rather than refusing the file; PostgreSQL refuses NUL in text and JSON.
CONTROL = re.compile(r"[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]")


# Between the two encodings of a file whose lines are not all in one: "utf-8+cp1252".
MIXED = "+"


class UnreadableFile(Exception):
    """The file is neither a CSV text table nor an XLSX workbook, or has no header row."""


def detect_encoding(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return f"utf-8{MIXED}{_legacy(_lines_by_utf8(data)[1])}"
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = data[:4000]
    # UTF-16 puts a NUL beside each ASCII character (delimiters, digits, addresses): many of them, on one
    # side; a stray NUL or two in a UTF-8 export is not UTF-16.
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    if max(odd, even) >= max(2, len(sample) // 20):
        return "utf-16-le" if odd >= even else "utf-16-be"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    utf8_lines, failing = _lines_by_utf8(data)
    if utf8_lines:
        return f"utf-8{MIXED}{_legacy(failing)}"
    return _legacy(data)


def _lines_by_utf8(data: bytes) -> tuple[int, bytes]:
    """(lines with non-ASCII text that is valid UTF-8, the lines that are not valid UTF-8)."""
    valid, failing = 0, []
    for line in data.split(b"\n"):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            failing.append(line)
        else:
            valid += 1
    return valid, b"\n".join(failing)


def _decode_mixed(data: bytes, legacy: str) -> str:
    lines = []
    for line in data.split(b"\n"):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(line.decode(legacy, errors="replace"))
    return "\n".join(lines)


def _legacy(data: bytes) -> str:
    as_arabic = data.decode("cp1256", errors="replace")
    non_ascii_letters = [c for c in as_arabic if not c.isascii() and c.isalpha()]
    arabic = sum(1 for c in non_ascii_letters if ARABIC_LETTER.match(c))
    if non_ascii_letters and arabic / len(non_ascii_letters) >= 0.5:
        return "cp1256"
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return "latin-1"
    return "cp1252"


def sniff_delimiter(text: str) -> str:
    lines = [line for line in text.splitlines()[:40] if line.strip()][:20]
    try:
        return csv.Sniffer().sniff("\n".join(lines), delimiters=DELIMITERS).delimiter
    except csv.Error:
        pass
    # A title line above the table ("Liste des adhérents – export du 01/12/2026") puzzles the sniffer:
    # the delimiter is the one most lines hold the same number of times.
    def steady(delimiter):
        counts = [line.count(delimiter) for line in lines if delimiter in line]
        return max(counts.count(n) for n in set(counts)) if counts else 0

    best = max(DELIMITERS, key=steady)
    return best if steady(best) else ","


def file_format(data: bytes, filename: str) -> str:
    """'xlsx' by content (a zip), 'csv' otherwise; the name only breaks no tie."""
    if data.startswith(XLSX_MAGIC):
        return "xlsx"
    return "csv"


def _cell(value):
    """A spreadsheet cell as text, except dates which stay dates (no dd/mm vs mm/dd guess needed)."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date() if value.time() == datetime.time() else value
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class Table:
    """An opened file: .headers, .rows() (lists of cells, header excluded), and how it was read."""

    def __init__(self, data: bytes, filename: str, encoding: str = ""):
        self.format = file_format(data, filename)
        self.encoding = ""
        self.delimiter = ""
        # CSV rows are parsed as they are read, so that a preview reads only the first few.
        # A workbook's sheets that hold the same table (one per city, per year) are read one after the
        # other: (sheet, first row, last row) each; sheets with other columns are named, not read.
        self.sheets: list[tuple[str, int, int]] = []
        self.skipped_sheets: list[str] = []
        sheets = []
        if self.format == "xlsx":
            sheets = self._read_xlsx(data)
            self._records = sheets[0][1] if sheets else []
        else:
            self._text = self._read_csv(data, encoding)
        self._header_at, header = self._header()
        self.headers = _unique_headers(header)
        if self.format == "xlsx" and len(sheets) > 1:
            self._stack(sheets)

    def _read_csv(self, data, encoding):
        self.encoding = encoding or detect_encoding(data)
        try:
            first, _plus, legacy = self.encoding.partition(MIXED)
            text = _decode_mixed(data, legacy) if legacy else data.decode(first)
        except (UnicodeDecodeError, LookupError):
            if not encoding:
                raise UnreadableFile("encoding") from None
            # An analyst's override that does not fit: replacement characters show the problem row by row.
            text = data.decode(self.encoding if self.encoding in ENCODINGS else "utf-8", errors="replace")
        text = text.lstrip("\ufeff")
        sample = text[:4000]
        if len(BINARY.findall(sample)) > max(2, len(sample) // 100):  # an image, a PDF; not a stray one
            raise UnreadableFile("binary")
        text = CONTROL.sub("", text)
        self.delimiter = sniff_delimiter(text)
        return text

    def _read_xlsx(self, data) -> list[tuple[str, list]]:
        """(title, rows of cells) of the sheets that hold anything, the one whose header names the most
        fields first: a workbook may open on an empty sheet, a notes sheet or a legend."""
        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds for a damaged or foreign zip
            raise UnreadableFile("xlsx") from error
        try:
            sheets = []
            for sheet in workbook.worksheets:
                records = [[_cell(value) for value in row] for row in sheet.iter_rows(values_only=True)]
                if any(str(cell).strip() for record in records for cell in record):
                    sheets.append((sheet.title, records))
        finally:
            workbook.close()
        if sheets:
            known = [_find_header(records)[2] for _title, records in sheets]
            sheets.insert(0, sheets.pop(known.index(max(known))))
        return sheets

    def _stack(self, sheets) -> None:
        first_title, first = sheets[0]
        self.sheets = [(first_title, self._header_at + 1, len(first))]
        records = list(first)
        for title, sheet_records in sheets[1:]:
            at, header, _known = _find_header(sheet_records)
            if _unique_headers(header) != self.headers:
                self.skipped_sheets.append(title)
                continue
            start = len(records) + 1
            records += sheet_records[at:]
            self.sheets.append((title, start, len(records)))
        self._records = records

    def _iter_records(self):
        if self.format == "xlsx":
            return iter(self._records)
        return csv.reader(io.StringIO(self._text, newline=""), delimiter=self.delimiter)

    def _header(self):
        number, cells, _known = _find_header(self._iter_records())
        if not number:
            raise UnreadableFile("empty")
        return number, cells

    @cached_property
    def total_rows(self) -> int:
        return sum(1 for _row in self.rows())

    def rows(self):
        """(row number as a spreadsheet shows it, {header: cell}) for each non-empty row after the header."""
        width = len(self.headers)
        for number, cells in enumerate(self._iter_records(), start=1):
            if number <= self._header_at or not any(str(cell).strip() for cell in cells):
                continue
            padded = list(cells) + [""] * (width - len(cells))
            extra = [str(cell) for cell in padded[width:] if str(cell).strip()]
            row = dict(zip(self.headers, padded[:width], strict=True))
            if extra:
                row["…"] = extra
            yield number, row


def _find_header(records) -> tuple[int, list, int]:
    """(record number, cells, fields its names map) of the header row: the first non-empty record,
    unless one of the next few names more of the fields we know (an export's title lines above the
    table); (0, [], 0) when there is none."""
    found = []
    for number, cells in enumerate(records, start=1):
        if any(str(cell).strip() for cell in cells):
            found.append((number, cells))
            if len(found) == HEADER_SEARCH:
                break
    if not found:
        return 0, [], 0
    known = [len(guess_mapping(_unique_headers(cells))) for _number, cells in found]
    best = known.index(max(known))
    number, cells = found[best] if known[best] >= 2 else found[0]
    return number, cells, known[best] if known[best] >= 2 else known[0]


def _unique_headers(cells):
    headers, seen = [], {}
    for position, cell in enumerate(cells, start=1):
        name = re.sub(r"\s+", " ", str(cell or "")).strip() or f"#{position}"
        if name in seen:
            seen[name] += 1
            name = f"{name} ({seen[name]})"
        else:
            seen[name] = 1
        headers.append(name)
    return headers
