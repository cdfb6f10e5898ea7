"""Tasks of privacy. They take ids and are idempotent.

Eager tasks (the embedded set-up, no broker): the archive is built in a background thread of the
process so that the request asking for it never waits (setting PRIVACY_EXPORT_EAGER_THREAD).
"""

import threading

from celery import shared_task

from django.conf import settings
from django.db import connection

from .exports import export_build
from .retention import retention_enforce


@shared_task(name="privacy_retention_enforce")
def privacy_retention_enforce() -> dict:
    """Daily: delete what the retention schedule says is past its time."""
    return retention_enforce()


@shared_task(name="privacy_export_build")
def privacy_export_build(export_id: int) -> bool:
    """Write a member's archive (right of access) to private storage."""
    return export_build(export_id)


def _in_thread(export_id: int) -> None:
    try:
        privacy_export_build.apply(args=(export_id,))
    finally:
        connection.close()


def export_build_send(export_id: int) -> None:
    if settings.CELERY_TASK_ALWAYS_EAGER and getattr(settings, "PRIVACY_EXPORT_EAGER_THREAD", True):
        threading.Thread(target=_in_thread, args=(export_id,), daemon=True, name="privacy-export").start()
    else:
        privacy_export_build.delay(export_id)
