"""The hard set's files as other people would write the same records: saved by a spreadsheet (typed
cells in XLSX), or exported by other systems (other headers, date and phone formats, delimiters and
encodings). The rows and their order stay, so the truth (file name, row number) → person still holds:
the linkage figures on a variant should match the set's own, and where they do not, the import lost
something on the way."""

from __future__ import annotations

import csv
import dataclasses
import datetime
import io
import random
import re

from openpyxl import Workbook

from .hardset import HardSet


def _rows(content: bytes) -> list[list[str]]:
    text = content.decode("utf-8-sig")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


# --- Saved by a spreadsheet ------------------------------------------------------------------------

_DAY_FIRST = re.compile(r"^(\d{2})/(\d{2})/(\d{4})$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DIALLED = re.compile(r"^\+?[\d\s.()\-]+$")
_DATE_HEADERS = ("naissance", "birth", "الازدياد")
_PHONE_HEADERS = ("phone", "téléphone", "الهاتف")


def _is(header: str, words) -> bool:
    return any(word in header.casefold() for word in words)


def _typed_cell(header: str, text: str):
    """The cell as Excel types it on opening the CSV: a date, a number (a phone loses its "+" and its
    leading zeros, a year is a number), or the text."""
    if _is(header, _DATE_HEADERS):
        day_first, iso = _DAY_FIRST.match(text), _ISO_DAY.match(text)
        try:
            if day_first:
                day, month, year = map(int, day_first.groups())
                return datetime.datetime(year, month, day)
            if iso:
                return datetime.datetime.fromisoformat(text)
        except ValueError:
            return text  # an impossible date stays text, as in Excel
        if text.isdigit():
            return int(text)
    if _is(header, _PHONE_HEADERS) and _DIALLED.match(text):
        digits = re.sub(r"\D", "", text)
        return int(digits) if digits.strip("0") else text
    return text


def as_workbooks(hard: HardSet) -> HardSet:
    """The set's files as XLSX workbooks whose cells a spreadsheet typed: dates as dates, phones as
    numbers that lost their "+" and leading 0 (02 1257 2640 → 212572640, 011 212… → 11212…)."""
    files = {}
    for name, content in hard.files.items():
        rows = _rows(content)
        workbook = Workbook()
        sheet = workbook.active
        sheet.append(rows[0])
        for row in rows[1:]:
            sheet.append([_typed_cell(header, cell) for header, cell in zip(rows[0], row, strict=False)])
        buffer = io.BytesIO()
        workbook.save(buffer)
        files[name] = buffer.getvalue()
    return dataclasses.replace(hard, files=files)


# --- Exported by other systems ---------------------------------------------------------------------

# Each file's columns under the names another system gives them; the formats it writes.
_OTHER_HEADERS = {
    "consulate_europe.csv": (
        "N° consulaire", "NOM", "Prénom(s)", "Nom de famille (arabe)", "Prénom (arabe)", "Né(e) le", "Tél.",
        "Adresse e-mail", "Commune de résidence", "Pays de résidence",
    ),
    "consulate_north_america.csv": (
        "ID", "Surname", "Given name(s)", "Name in Arabic", "DOB", "Phone number", "E-mail",
        "City of residence", "Country of residence",
    ),
    "business_directory.csv": (
        "Nom du contact", "Fonction", "Date naiss.", "Adresse électronique", "Tél. portable", "Localité",
        "Pays",
    ),
    "alumni_directory.csv": (
        "الرقم", "الإسم و النسب", "Name", "سنة الميلاد", "email", "رقم الهاتف", "مدينة الإقامة",
        "بلد الإقامة",
    ),
}  # fmt: skip
# (delimiter, encoding): a French Excel's ";" and Windows-1252, Excel's "Unicode text" (UTF-16, tabs).
_WRITTEN = {
    "consulate_europe.csv": (";", "utf-8"),
    "consulate_north_america.csv": (",", "utf-8"),
    "business_directory.csv": (";", "cp1252"),
    "alumni_directory.csv": ("\t", "utf-16"),
}


def _other_date(name: str, text: str, rng: random.Random) -> str:
    """North America writes month first (08/25/1988); others dots or dashes (25.08.1988, 25-08-1988)."""
    day_first, iso = _DAY_FIRST.match(text), _ISO_DAY.match(text)
    if iso and name == "consulate_north_america.csv":
        year, month, day = iso.groups()
        return f"{month}/{day}/{year}"
    if day_first:
        return rng.choice((".", "-", "/")).join(day_first.groups())
    return text


def _other_phone(text: str, rng: random.Random) -> str:
    """An international number dialled with 00 and written with dashes, now and then."""
    if text.startswith("+") and rng.random() < 0.4:
        return "00" + re.sub(r"[\s()]+", "-", text[1:]).strip("-")
    return text


def _other_cell(name: str, column: str, cell: str, rng: random.Random) -> str:
    if _is(column, _DATE_HEADERS):
        return _other_date(name, cell, rng)
    if _is(column, _PHONE_HEADERS):
        return _other_phone(cell, rng)
    return cell


def _encoded(text: str, encoding: str) -> bytes:
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:  # a legacy code page cannot hold these records: as UTF-8 then
        return text.encode("utf-8")


def redressed(hard: HardSet, seed: int = 5) -> HardSet:
    """The set's files as other systems would export the same rows: other headers (a role's name, a
    whole Arabic name beside a Latin one, "DOB", "Tél."), dates with dots or dashes or month first,
    numbers dialled with 00, ";" or tab separated, in Windows-1252 or UTF-16."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    files = {}
    for name, content in hard.files.items():
        header, *rows = _rows(content)
        delimiter, encoding = _WRITTEN[name]
        out = [list(_OTHER_HEADERS[name])]
        out += [
            [_other_cell(name, column, cell, rng) for column, cell in zip(header, row, strict=False)]
            for row in rows
        ]
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(out)
        files[name] = _encoded(buffer.getvalue(), encoding)
    return dataclasses.replace(hard, files=files)
