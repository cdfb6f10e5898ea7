from celery import shared_task


@shared_task(name="labels_expire")
def labels_expire_task() -> int:
    """Hourly (celery beat): end grants whose validity passed. Idempotent."""
    from .services import labels_expire

    return labels_expire()
