from celery import shared_task


@shared_task(name="moderation_suspensions_lift")
def suspensions_lift_task() -> int:
    """Periodic (celery beat): reactivate accounts whose suspension ended. Idempotent."""
    from .services import suspensions_lift

    return suspensions_lift()
