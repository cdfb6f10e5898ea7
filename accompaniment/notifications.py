"""Case notifications: stored as kind + case id + event, worded at read time in the reader's language."""

from django.urls import reverse
from django.utils.translation import gettext as _

from .models import Case

EVENTS = {
    "stage": lambda: _("Your accompaniment request moved to a new stage."),
    "referral": lambda: _("Your accompaniment request was referred, or a referral was answered."),
    "document": lambda: _("Your advisor asks you for a document."),
    "followup": lambda: _("Six months on: did your project launch? Tell us in a minute."),
    "mentor": lambda: _("A project holder's case is proposed to you as a mentor."),
    "task": lambda: _("A task on one of your cases is overdue."),
}


def case_notification_words(notification) -> dict:
    params = notification.params or {}
    case = Case.objects.select_related("project").filter(pk=params.get("case")).first()
    if case is None:
        return {}
    event = params.get("event", "stage")
    body = EVENTS.get(event, EVENTS["stage"])()
    if event == "mentor":
        url = notification.url
    elif notification.recipient_id == case.holder_id:
        url = reverse("accompaniment:my_case", args=[case.pk])
    else:
        url = reverse("accompaniment:case", args=[case.pk])
    return {"subject": case.project.title, "body": body, "url": url}
