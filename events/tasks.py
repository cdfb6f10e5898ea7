from celery import shared_task

from core.oncommit import once_on_commit

from .ical import calendar_entries_refresh
from .reminders import reminders_send


@shared_task(name="events_reminders_send")
def events_reminders_send() -> int:
    """Every 5 minutes (celery beat): reminders due 24 h and 1 h before sessions. Idempotent."""

    return reminders_send()


@shared_task(name="events_calendar_entries_refresh")
def events_calendar_entries_refresh(event_id: int) -> int:
    """Write an event's VEVENTs again in every language if they are stale. Idempotent."""

    return calendar_entries_refresh(event_id)


def calendar_entries_later(event_id: int) -> None:
    once_on_commit(("event-calendar", event_id), lambda: events_calendar_entries_refresh.delay(event_id))
