from celery import shared_task

from .services import suspensions_lift


@shared_task(name="moderation_suspensions_lift")
def suspensions_lift_task() -> int:
    """Periodic (celery beat): reactivate accounts whose suspension ended. Idempotent."""

    return suspensions_lift()
