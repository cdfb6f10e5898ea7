"""Reminders 24 hours and 1 hour before a session, per member preference, each sent at most once.

An answer is claimed (its ``reminded_*_at`` set by a conditional update) before the notification is
written, so a task run twice, or two workers at once, never remind anyone twice.
"""

from datetime import timedelta

from django.utils import timezone

from community.notifications.services import notify

from . import notifications, permissions
from .models import RSVP, Event, MemberEventSettings
from .occurrences import session_from_occurrence

# The 1-hour window first: when it applies, the 24-hour reminder would only repeat it.
WINDOWS = [
    ("reminded_1h_at", "remind_1h", timedelta(hours=1)),
    ("reminded_24h_at", "remind_24h", timedelta(hours=24)),
]


def reminders_send(now=None) -> int:
    now = now or timezone.now()
    sent = 0
    for field, preference, lead in WINDOWS:
        due = (
            RSVP.objects.filter(
                status=RSVP.Status.GOING,
                occurrence__start__gt=now,
                occurrence__start__lte=now + lead,
                occurrence__cancelled=False,
                occurrence__event__status=Event.Status.SCHEDULED,
                **{f"{field}__isnull": True},
            )
            .select_related("user", "occurrence__event__group", "occurrence__event__space")
            .order_by("id")
        )
        for rsvp in due:
            claim = {field: now}
            if field == "reminded_1h_at":
                claim["reminded_24h_at"] = rsvp.reminded_24h_at or now
            if not RSVP.objects.filter(pk=rsvp.pk, **{f"{field}__isnull": True}).update(**claim):
                continue
            user = rsvp.user
            wanted = MemberEventSettings.objects.filter(user=user).values_list(preference, flat=True).first()
            if wanted is False or not user.is_active:
                continue
            session = session_from_occurrence(rsvp.occurrence)
            event = session.event
            if not permissions.can_view(user, event):
                continue
            params = notifications.event_params(
                event,
                session=session.original_start,
                at=session.start,
                window="1h" if field == "reminded_1h_at" else "24h",
                link=permissions.can_see_link(user, event, rsvp),
            )
            notify(recipient=user, kind=notifications.REMINDER, params=params)
            sent += 1
    return sent
