"""The member's copy of their data, as a task: request → build (privacy.tasks) → download → expiry.

One path for every account: a small one is simply ready sooner. The archive is written to private
storage by the task, never inside a request; it is served to its owner only, for
``PRIVACY_EXPORT_DAYS`` days, then the retention task deletes the file and marks the row expired.
"""

import datetime
import logging
import tempfile

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.utils import timezone

from .export import member_archive_write
from .models import DataExport
from .signals import export_ready

logger = logging.getLogger(__name__)


def export_days() -> int:
    return int(getattr(settings, "PRIVACY_EXPORT_DAYS", 7))


def export_latest(user) -> DataExport | None:
    return DataExport.objects.filter(user=user).order_by("-created_at", "-id").first()


def export_request(*, user) -> DataExport:
    """Ask for a new archive; one already being prepared is reused (a double click builds one)."""
    with transaction.atomic():
        pending = (
            DataExport.objects.select_for_update().filter(user=user, status=DataExport.Status.PENDING).first()
        )
        if pending is not None:
            return pending
        export = DataExport.objects.create(user=user)
        transaction.on_commit(lambda: _build_later(export.pk))
    return export


def _build_later(export_id: int) -> None:
    from .tasks import export_build_send  # the tasks module imports this one

    export_build_send(export_id)


def export_build(export_id: int) -> bool:
    """Write the archive of a pending export; idempotent (a ready, expired or missing one is left alone)."""
    with transaction.atomic():
        export = DataExport.objects.select_for_update().select_related("user").filter(pk=export_id).first()
        if export is None or export.status != DataExport.Status.PENDING:
            return False
        user = export.user
    try:
        with tempfile.TemporaryFile() as spool:
            member_archive_write(user, spool)
            spool.seek(0)
            size = spool.seek(0, 2)
            spool.seek(0)
            with transaction.atomic():
                export = DataExport.objects.select_for_update().get(pk=export_id)
                if export.status != DataExport.Status.PENDING:
                    return False
                export.file.save("archive.zip", File(spool), save=False)
                now = timezone.now()
                export.size = size
                export.status = DataExport.Status.READY
                export.finished_at = now
                export.expires_at = now + datetime.timedelta(days=export_days())
                export.save(update_fields=["file", "size", "status", "finished_at", "expires_at"])
    except Exception:
        logger.exception("Data export %s failed", export_id)
        DataExport.objects.filter(pk=export_id, status=DataExport.Status.PENDING).update(
            status=DataExport.Status.FAILED, finished_at=timezone.now()
        )
        return False
    transaction.on_commit(lambda: export_ready.send(sender=DataExport, export=export))
    return True


def exports_expire(rows) -> int:
    """Retention: delete the archive files past their date; the rows stay, marked expired."""
    count = 0
    for export in rows.only("pk", "file"):
        if export.file:
            export.file.delete(save=False)
        count += DataExport.objects.filter(pk=export.pk).update(status=DataExport.Status.EXPIRED, file="")
    return count


def exports_delete(user) -> None:
    """At erasure: the archives' files go (the rows go with the account)."""
    for export in DataExport.objects.filter(user=user).exclude(file=""):
        export.file.delete(save=False)
