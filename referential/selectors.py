"""Reads for the referential: sources, batches, rows, and the input of record linkage."""

from django.db.models import Count, F

from core.registry import registry

from .models import ColumnMapping, ImportBatch, RejectedRow, Source, SourceRecord

# The columns source_records_frame() returns, in order: the contract record linkage builds on.
RECORD_COLUMNS = (
    "id",
    "source_id",
    "batch_id",
    "row_number",
    "given_name",
    "family_name",
    "name_arabic",
    "birth_date",
    "email",
    "phone",
    "city",
    "country",
    "imported_at",
    "source_trust",
    "external_id",
    "birth_date_precision",
    "warning_codes",
    "golden_record_id",
)


def source_records_rows(source_ids=None):
    """Every source record as a plain dict with the RECORD_COLUMNS (source_trust: the source's 1–5;
    golden_record_id: the golden record linkage put it in, None before a run)."""
    records = SourceRecord.objects.all()
    if source_ids is not None:
        records = records.filter(source_id__in=list(source_ids))
    records = records.annotate(source_trust=F("source__trust"), golden_record_id=F("golden_link__golden_id"))
    return records.order_by("id").values(*RECORD_COLUMNS)


def source_records_frame(source_ids=None):
    """The same rows as a pandas DataFrame when pandas is installed, else a list of dicts."""
    rows = list(source_records_rows(source_ids).iterator(chunk_size=5000))
    try:
        import pandas as pd  # optional: installed or not, the rows come back either way
    except ImportError:
        return rows
    return pd.DataFrame.from_records(rows, columns=list(RECORD_COLUMNS))


def sources():
    return Source.objects.annotate(record_count=Count("records")).order_by("name")


def source_batches(source):
    batches = ImportBatch.objects.filter(source=source).select_related("created_by")
    return batches.order_by("-created_at", "-id")


def recent_batches(limit=20):
    return ImportBatch.objects.select_related("source", "created_by").order_by("-created_at", "-id")[:limit]


def remembered_mapping(source) -> dict:
    stored = ColumnMapping.objects.filter(source=source).first()
    return dict(stored.mapping) if stored else {}


def rejected_rows(batch):
    return RejectedRow.objects.filter(batch=batch).order_by("row_number")


def warned_records(batch, code: str = ""):
    """The rows of a batch that went in with a warning, optionally those with one code only."""
    records = SourceRecord.objects.filter(batch=batch).exclude(warning_codes="").order_by("row_number")
    if code:
        records = records.filter(warning_codes__contains=f" {code} ")
    return records


def warning_counts(batch) -> dict[str, int]:
    """{warning code: rows of the batch carrying it}, for the filter."""
    counts: dict[str, int] = {}
    for codes in (
        SourceRecord.objects.filter(batch=batch)
        .exclude(warning_codes="")
        .values_list("warning_codes", flat=True)
    ):
        for code in codes.split():
            counts[code] = counts.get(code, 0) + 1
    return dict(sorted(counts.items()))


def earlier_import_of_same_file(batch):
    """A finished import of the same source with the same file content (sha256), if any."""
    return (
        ImportBatch.objects.filter(source=batch.source, sha256=batch.sha256, status=ImportBatch.Status.DONE)
        .exclude(pk=batch.pk)
        .order_by("finished_at")
        .first()
    )


def access_log_rows(page):
    """Audit entries of one page, each with its ``source`` and ``batch`` loaded (or None) and its label."""
    entries = list(page)
    source_ids = {e.context.get("source") for e in entries} - {None}
    batch_ids = {e.context.get("batch") for e in entries} - {None}
    sources_by_id = Source.objects.in_bulk(source_ids)
    batches_by_id = ImportBatch.objects.in_bulk(batch_ids)
    for entry in entries:
        entry.source = sources_by_id.get(entry.context.get("source"))
        entry.batch = batches_by_id.get(entry.context.get("batch"))
        entry.label = registry.audit_action_label(entry.action)
    page.object_list = entries
    return page


def batches(source_id=None, status: str = ""):
    """Every import, newest first, optionally of one source or in one status (the API lists them)."""
    found = ImportBatch.objects.select_related("source")
    if source_id is not None:
        found = found.filter(source_id=source_id)
    if status:
        found = found.filter(status=status)
    return found.order_by("-created_at", "-id")
