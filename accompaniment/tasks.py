"""Celery tasks of accompaniment (beat, daily). Each takes ids or nothing and may run twice harmlessly."""

from celery import shared_task

from .services import followup_send, followups_due, overdue_tasks_remind


@shared_task(name="accompaniment_followups_send")
def accompaniment_followups_send() -> int:
    """Six months after closure, ask each holder once whether the project launched."""
    return sum(followup_send(case_id) for case_id in followups_due().values_list("pk", flat=True)[:2000])


@shared_task(name="accompaniment_reminders_send")
def accompaniment_reminders_send() -> int:
    """Remind the advisor (or the relay) of each open task past due, once a day at most."""
    return overdue_tasks_remind()
