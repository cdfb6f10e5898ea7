"""Writes of the referential imports: sources, uploads, mapping, commit and the chunked import itself."""

import csv
import hashlib
import logging
import secrets
from collections import defaultdict
from datetime import timedelta
from itertools import islice

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import audit_record
from core.models import AuditLog

from .importing import checked_rows, open_table, same_person_names
from .mapping import proposed_mapping
from .models import AccessAction, ColumnMapping, ImportBatch, RejectedRow, Source, SourceRecord
from .readers import ENCODINGS, Table, UnreadableFile
from .selectors import remembered_mapping
from .validation import RECORD_FIELDS

logger = logging.getLogger(__name__)

SOURCE_FIELDS = ("name", "kind", "country", "contact_name", "contact_email", "contact_phone", "trust")


def max_upload_size() -> int:
    return getattr(settings, "REFERENTIAL_MAX_UPLOAD_SIZE", 20 * 1024 * 1024)


def chunk_size() -> int:
    return getattr(settings, "REFERENTIAL_IMPORT_CHUNK_SIZE", 500)


def lease_seconds() -> int:
    """How long an import may go without a finished chunk before another worker takes it over."""
    return getattr(settings, "REFERENTIAL_IMPORT_LEASE_SECONDS", 300)


def max_attempts() -> int:
    return getattr(settings, "REFERENTIAL_IMPORT_MAX_ATTEMPTS", 3)


class LeaseLost(Exception):
    """Another runner took the batch over (this one was thought dead): stop without writing."""


_AUDIT_KINDS = {
    AccessAction.VIEW: AuditLog.Kind.READ,
    AccessAction.DOWNLOAD_FILE: AuditLog.Kind.EXPORT,
    AccessAction.DOWNLOAD_REJECTED: AuditLog.Kind.EXPORT,
}


def access_log(user, action, *, source=None, batch=None, detail="") -> AuditLog:
    """Record a referential action in the shared audit log ("referential.<action>")."""
    source = source or (batch.source if batch else None)
    return audit_record(
        user,
        f"referential.{action}",
        batch if batch is not None else source,
        kind=_AUDIT_KINDS.get(action, AuditLog.Kind.CHANGE),
        detail=str(detail),
        source=source,
        batch=batch,
    )


# --- Sources -------------------------------------------------------------------------------------------


@transaction.atomic
def source_create(*, user, **data) -> Source:
    fields = {key: data[key] for key in SOURCE_FIELDS if key in data}
    source = Source.objects.create(created_by=user, **fields)
    access_log(user, AccessAction.SOURCE_CREATE, source=source)
    return source


@transaction.atomic
def source_update(*, source, user, **data) -> Source:
    for key in SOURCE_FIELDS:
        if key in data:
            setattr(source, key, data[key])
    source.full_clean()
    source.save()
    access_log(user, AccessAction.SOURCE_UPDATE, source=source)
    return source


# --- Upload, mapping ------------------------------------------------------------------------------------


def read_upload(upload) -> tuple[bytes, Table]:
    """The file's bytes and table, or ValidationError saying what is wrong, in the analyst's language."""
    if upload.size > max_upload_size():
        raise ValidationError(
            _("“%(name)s” is too large (%(size)s); the limit is %(limit)s."),
            params={
                "name": upload.name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(max_upload_size()),
            },
            code="too_large",
        )
    data = b"".join(upload.chunks())
    try:
        table = Table(data, upload.name)
        table.total_rows  # noqa: B018 (reads every row once: a parse error shows now, not in the import)
    except (UnreadableFile, UnicodeError, ValueError, csv.Error) as error:
        raise ValidationError(
            _("“%(name)s” could not be read as a CSV or XLSX table with a header row."),
            params={"name": upload.name},
            code="unreadable",
        ) from error
    return data, table


@transaction.atomic
def batch_upload(*, source, upload, user) -> ImportBatch:
    data, table = read_upload(upload)
    batch = ImportBatch(
        source=source,
        original_filename=upload.name[:255],
        sha256=hashlib.sha256(data).hexdigest(),
        file_format=table.format,
        encoding=table.encoding,
        delimiter=table.delimiter,
        headers=table.headers,
        total_rows=table.total_rows,
        created_by=user,
    )
    batch.mapping = proposed_mapping(table.headers, remembered_mapping(source))
    batch.file.save("upload", ContentFile(data), save=False)
    batch.save()
    access_log(user, AccessAction.UPLOAD, batch=batch, detail=batch.original_filename)
    return batch


def _editable(batch):
    if batch.status not in (ImportBatch.Status.UPLOADED, ImportBatch.Status.MAPPED):
        raise ValidationError(_("This import has started; its mapping can no longer change."), code="started")


@transaction.atomic
def batch_reread(*, batch, encoding, user) -> ImportBatch:
    """Read a CSV file again in the encoding the analyst chose (blank: detect)."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    _editable(batch)
    if batch.file_format != "csv" or (encoding and encoding not in ENCODINGS):
        raise ValidationError(_("Choose one of the encodings offered."), code="encoding")
    table = open_table_with(batch, encoding)
    batch.encoding = table.encoding
    batch.delimiter = table.delimiter
    batch.headers = table.headers
    batch.total_rows = table.total_rows
    batch.mapping = proposed_mapping(table.headers, batch.mapping or remembered_mapping(batch.source))
    batch.status = ImportBatch.Status.UPLOADED
    batch.save()
    return batch


def open_table_with(batch, encoding) -> Table:
    with batch.file.open("rb") as handle:
        data = handle.read()
    return Table(data, batch.original_filename, encoding=encoding)


@transaction.atomic
def batch_map(*, batch, mapping: dict, user) -> ImportBatch:
    """Keep the analyst's mapping on the batch and remember it for the source's next file."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    _editable(batch)
    mapping = {field: header for field, header in mapping.items() if header}
    unknown = set(mapping.values()) - set(batch.headers)
    if unknown:
        raise ValidationError(_("Choose columns that the file has."), code="unknown_column")
    if not {"given_name", "family_name", "full_name", "name_arabic"} & set(mapping):
        raise ValidationError(
            _("Map at least one name column (in Latin or Arabic script)."), code="no_name_column"
        )
    batch.mapping = mapping
    batch.status = ImportBatch.Status.MAPPED
    batch.save(update_fields=["mapping", "status"])
    ColumnMapping.objects.update_or_create(
        source=batch.source, defaults={"mapping": mapping, "updated_by": user}
    )
    access_log(user, AccessAction.MAP, batch=batch)
    return batch


# --- Commit and the import itself -------------------------------------------------------------------------


@transaction.atomic
def batch_commit(*, batch, user) -> ImportBatch:
    """Queue the import of a mapped batch (or resume a failed one); the task runs after the commit."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status not in (ImportBatch.Status.MAPPED, ImportBatch.Status.FAILED):
        raise ValidationError(_("This import cannot be started now."), code="not_ready")
    batch.status = ImportBatch.Status.QUEUED
    batch.error = ""
    batch.heartbeat_at, batch.attempts = timezone.now(), 0
    batch.save(update_fields=["status", "error", "heartbeat_at", "attempts"])
    access_log(user, AccessAction.COMMIT, batch=batch)
    transaction.on_commit(lambda: _import_later(batch.id))
    return batch


def _import_later(batch_id: int) -> None:
    from .tasks import batch_import  # tasks import these services

    batch_import.delay(batch_id)


def batch_import_run(batch_id: int) -> ImportBatch | None:
    """Import a queued batch in chunks, each in its own transaction; idempotent and resumable.

    A chunk writes its records, its rejected rows and the batch's counters together, so a crash
    leaves the batch at the end of the last whole chunk; running again resumes from there. Records
    already held for the source (same fingerprint) count as duplicates and are not written again.
    One runner at a time: it holds the batch's lease and beats at each chunk; a second delivery of the
    task (a broker redelivering after a worker died, the resume beat) finds a live lease and leaves.
    """
    token = secrets.token_hex(16)
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().filter(pk=batch_id).first()
        if batch is None or batch.status not in (
            ImportBatch.Status.QUEUED,
            ImportBatch.Status.RUNNING,
            ImportBatch.Status.FAILED,
        ):
            return batch
        if batch.status == ImportBatch.Status.RUNNING and not _lease_lapsed(batch):
            return batch
        batch.status, batch.lease_token = ImportBatch.Status.RUNNING, token
        batch.heartbeat_at, batch.attempts = timezone.now(), batch.attempts + 1
        batch.save(update_fields=["status", "lease_token", "heartbeat_at", "attempts"])
    mine = ImportBatch.objects.filter(pk=batch_id, lease_token=token)
    try:
        table = open_table(batch)
        rows = checked_rows(batch, table=table, skip=batch.processed_rows)
        while chunk := list(islice(rows, chunk_size())):
            _import_chunk(batch.pk, chunk, token)
    except LeaseLost:
        logger.warning("Import of batch %s: another worker took it over; this one stops", batch_id)
        return ImportBatch.objects.get(pk=batch_id)
    except Exception as error:
        logger.exception("Import of batch %s failed", batch_id)
        mine.update(status=ImportBatch.Status.FAILED, error=f"{type(error).__name__}: {error}"[:1000])
        return ImportBatch.objects.get(pk=batch_id)
    mine.update(status=ImportBatch.Status.DONE, finished_at=timezone.now(), lease_token="")
    return ImportBatch.objects.get(pk=batch_id)


def _lease_lapsed(batch, now=None) -> bool:
    now = now or timezone.now()
    return batch.heartbeat_at is None or batch.heartbeat_at < now - timedelta(seconds=lease_seconds())


def imports_resume(now=None) -> list[int]:
    """Batches whose worker died (running, no chunk for a lease) or whose queued task was lost (the broker
    restarted empty) are queued again; after max_attempts() interruptions a batch fails, for an analyst
    to look at before starting it again. Idempotent: a beat task runs it every few minutes."""
    now = now or timezone.now()
    stale = now - timedelta(seconds=lease_seconds())
    resumed = []
    for batch_id in ImportBatch.objects.filter(
        status__in=[ImportBatch.Status.QUEUED, ImportBatch.Status.RUNNING], heartbeat_at__lt=stale
    ).values_list("pk", flat=True):
        with transaction.atomic():
            batch = ImportBatch.objects.select_for_update().get(pk=batch_id)
            waiting = batch.status in (ImportBatch.Status.QUEUED, ImportBatch.Status.RUNNING)
            if not waiting or not _lease_lapsed(batch, now):
                continue
            if batch.attempts >= max_attempts():
                batch.status = ImportBatch.Status.FAILED
                batch.error = f"Interrupted {batch.attempts} times (worker lost); look, then start it again."
                batch.save(update_fields=["status", "error"])
                logger.error("Import of batch %s interrupted %s times: failed", batch_id, batch.attempts)
                continue
            # Queued again, with a fresh beat: one resumption per lease, however often the beat runs.
            batch.status, batch.heartbeat_at = ImportBatch.Status.QUEUED, now
            batch.save(update_fields=["status", "heartbeat_at"])
            transaction.on_commit(lambda pk=batch_id: _import_later(pk))
            resumed.append(batch_id)
    if resumed:
        logger.warning("Imports resumed after their worker was lost: %s", resumed)
    return resumed


@transaction.atomic
def _import_chunk(batch_id: int, chunk, token: str) -> None:
    batch = ImportBatch.objects.select_for_update().get(pk=batch_id)
    if batch.lease_token != token:
        raise LeaseLost(batch_id)
    # One import at a time per source, so that two batches never race on a fingerprint.
    Source.objects.select_for_update().filter(pk=batch.source_id).first()
    good = [row for row in chunk if row.ok]
    held = set(
        SourceRecord.objects.filter(
            source_id=batch.source_id, fingerprint__in=[row.fingerprint for row in good]
        ).values_list("fingerprint", flat=True)
    )
    # Records the source sent before under the same id of its own: a re-import updates them.
    known = defaultdict(list)  # an id may name several people (see same_person_names)
    for record in SourceRecord.objects.filter(
        source_id=batch.source_id,
        external_id__in=[row.clean["external_id"] for row in good if row.clean.get("external_id")],
    ).order_by("id"):
        known[record.external_id].append(record)
    records, updated, duplicates, warned, repeated = [], [], 0, 0, 0
    now = timezone.now()
    for row in good:
        if row.fingerprint in held:
            duplicates += 1
            continue
        held.add(row.fingerprint)
        under_id = known.get(row.clean.get("external_id")) or []
        previous = next((r for r in reversed(under_id) if same_person_names(r, row.clean)), None)
        if under_id and previous is None:
            # Another person under an id the source used before: a record of its own, not an update.
            reused = {"code": "external_id_reused", "field": "external_id", "value": row.clean["external_id"]}
            row.warnings.append(reused)
        warned += bool(row.warnings)
        codes = " ".join(dict.fromkeys(w["code"] for w in row.warnings))
        values = {
            **row.clean,
            "raw": row.raw,
            "fingerprint": row.fingerprint,
            "warnings": row.warnings,
            "warning_codes": f" {codes} " if codes else "",
        }
        if previous is not None:
            for field, value in values.items():
                setattr(previous, field, value)
            previous.batch_id, previous.row_number, previous.imported_at = batch.pk, row.row_number, now
            if previous.pk:
                updated.append(previous)
            else:
                repeated += 1  # the same id twice in this file: the later row wins
            continue
        record = SourceRecord(
            source_id=batch.source_id, batch_id=batch.pk, row_number=row.row_number, imported_at=now, **values
        )
        if record.external_id:
            known[record.external_id].append(record)
        records.append(record)
    rejected = [
        RejectedRow(batch_id=batch.pk, row_number=row.row_number, raw=row.raw, reasons=row.reasons)
        for row in chunk
        if not row.ok
    ]
    SourceRecord.objects.bulk_create(records)
    if updated:
        fields = [*RECORD_FIELDS, "raw", "fingerprint", "warnings", "warning_codes", "batch", "row_number"]
        fields.append("imported_at")
        SourceRecord.objects.bulk_update(updated, fields)
    RejectedRow.objects.bulk_create(rejected)
    batch.accepted_rows += len(records)
    batch.updated_rows += len(updated) + repeated
    batch.warning_rows += warned
    batch.duplicate_rows += duplicates
    batch.rejected_rows += len(rejected)
    batch.processed_rows += len(chunk)
    batch.heartbeat_at = timezone.now()
    batch.save(
        update_fields=[
            "heartbeat_at",
            "accepted_rows",
            "updated_rows",
            "warning_rows",
            "duplicate_rows",
            "rejected_rows",
            "processed_rows",
        ]
    )
