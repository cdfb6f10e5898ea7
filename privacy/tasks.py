from celery import shared_task

from .retention import retention_enforce


@shared_task(name="privacy_retention_enforce")
def privacy_retention_enforce() -> dict:
    """Daily: delete what the retention schedule says is past its time."""
    return retention_enforce()
