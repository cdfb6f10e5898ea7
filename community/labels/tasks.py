from celery import shared_task

from .services import labels_expire


@shared_task(name="labels_expire")
def labels_expire_task() -> int:
    """Hourly (celery beat): end grants whose validity passed. Idempotent."""

    return labels_expire()
