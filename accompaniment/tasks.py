"""Celery tasks of accompaniment (beat, daily). Each takes ids or nothing and may run twice harmlessly."""

from celery import shared_task

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from community.notifications.services import notify

from .models import Task
from .services import NOTIFICATION_KIND, followup_send, followups_due


@shared_task(name="accompaniment_followups_send")
def accompaniment_followups_send() -> int:
    """Six months after closure, ask each holder once whether the project launched."""
    return sum(followup_send(case_id) for case_id in followups_due().values_list("pk", flat=True)[:2000])


@shared_task(name="accompaniment_reminders_send")
def accompaniment_reminders_send() -> int:
    """Remind the advisor (or the relay) of each open task past due, once a day at most."""
    today = timezone.localdate()
    sent = 0
    overdue = Task.objects.filter(done_at__isnull=True, due_on__lt=today).exclude(reminded_on=today)
    for task_id in overdue.values_list("pk", flat=True)[:5000]:
        with transaction.atomic():
            task = Task.objects.select_for_update().select_related("case").filter(pk=task_id).first()
            if task is None or task.reminded_on == today or task.done_at is not None:
                continue
            recipient = task.case.advisor or task.case.relay
            Task.objects.filter(pk=task.pk).update(reminded_on=today)
            if recipient is None:
                continue
            notify(
                recipient=recipient,
                kind=NOTIFICATION_KIND,
                subject=task.title,
                url=reverse("accompaniment:case", args=[task.case_id]),
                params={"case": task.case_id, "event": "task", "task": task.pk},
            )
            sent += 1
    return sent
