"""The import engine: a batch's file read through its mapping, row by row, validated.

Used by the preview (first rows, nothing written) and by the commit (services.batch_import_run).
"""

import datetime

from .linkage.names import skeleton
from .mapping import mapped_values
from .readers import Table
from .validation import fingerprint, month_first, validate_row


def open_table(batch) -> Table:
    with batch.file.open("rb") as handle:
        data = handle.read()
    return Table(data, batch.original_filename, encoding=batch.encoding if batch.file_format == "csv" else "")


def jsonable(row: dict) -> dict:
    """The raw row as stored in JSON: dates as ISO text, everything else as text."""
    out = {}
    for key, value in row.items():
        if isinstance(value, datetime.datetime | datetime.date):
            out[key] = value.isoformat()
        elif isinstance(value, list):
            out[key] = [str(item) for item in value]
        else:
            out[key] = "" if value is None else str(value)
    return out


class CheckedRow:
    """One row: its normalised values, the warnings of the cells it imports with, and the reasons
    it is refused (only when nothing identifies a person)."""

    __slots__ = ("row_number", "raw", "clean", "reasons", "warnings", "fingerprint")

    def __init__(self, row_number, raw, clean, reasons, warnings=()):
        self.row_number = row_number
        self.raw = raw
        self.clean = clean
        self.reasons = reasons
        self.warnings = list(warnings)
        self.fingerprint = "" if reasons else fingerprint(clean)

    @property
    def ok(self) -> bool:
        return not self.reasons


def check_row(
    row_number: int, row: dict, mapping: dict, default_region: str, today=None, month_first: bool = False
) -> CheckedRow:
    if "…" in row:
        reasons = [{"code": "unreadable_row", "field": "", "value": ""}]
        return CheckedRow(row_number, jsonable(row), {}, reasons)
    values = mapped_values(row, mapping)
    clean, warnings, reasons = validate_row(values, default_region, today=today, month_first=month_first)
    return CheckedRow(row_number, jsonable(row), clean, reasons, warnings)


def dates_month_first(table, mapping: dict) -> bool:
    """Whether the file's dates of birth are written month first (see validation.month_first)."""
    header = mapping.get("birth_date")
    return bool(header) and month_first(row.get(header) for _number, row in table.rows())


def checked_rows(batch, table=None, skip=0, limit=None):
    """CheckedRow for each data row of the batch's file, after the first ``skip`` rows."""
    table = table or open_table(batch)
    today = datetime.date.today()
    region = batch.source.country
    order = dates_month_first(table, batch.mapping)
    produced = 0
    for index, (row_number, row) in enumerate(table.rows()):
        if index < skip:
            continue
        if limit is not None and produced >= limit:
            return
        produced += 1
        yield check_row(row_number, row, batch.mapping, region, today=today, month_first=order)


def _name_keys(given: str, family: str, arabic: str) -> set[str]:
    """The name's consonant skeletons, tokens in any order (Tazi Karim = Karim Tazi = كريم التازي;
    Kareem Tazzi too, a correction), one per script given."""
    keys = set()
    for text in (f"{given or ''} {family or ''}", arabic or ""):
        key = "".join(sorted(skeleton(text).split()))
        if key:
            keys.add(key)
    return keys


def same_person_names(record, clean: dict) -> bool:
    """Whether a record the source sent before under this id and a new row name the same person, or
    either names nobody: an id column that counts lines ("N°" 1, 2, 3 in each export) gives another
    person's row the same id, and updating by it would overwrite one person with another."""
    before = _name_keys(record.given_name, record.family_name, record.name_arabic)
    after = _name_keys(clean.get("given_name"), clean.get("family_name"), clean.get("name_arabic"))
    return not before or not after or bool(before & after)
