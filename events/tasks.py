from celery import shared_task


@shared_task(name="events_reminders_send")
def events_reminders_send() -> int:
    """Every 5 minutes (celery beat): reminders due 24 h and 1 h before sessions. Idempotent."""
    from .reminders import reminders_send

    return reminders_send()
