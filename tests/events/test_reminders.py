"""Reminders 24 h and 1 h before, per preference, in the recipient's language and time zone, sent
once; change and cancellation notices sent once. Mail goes through a real SMTP server."""

from datetime import timedelta

import pytest

from django.utils import timezone

from accounts.factories import UserFactory
from community.notifications.models import Notification
from events import services
from events.factories import EventFactory
from events.models import Event
from events.reminders import reminders_send
from events.tasks import events_reminders_send

pytestmark = pytest.mark.django_db


def _going(user, event):
    return services.rsvp_set(user=user, event=event, original_start=event.start, status="going")


def test_reminders_go_out_once_in_each_language_and_time_zone(smtp_inbox, django_capture_on_commit_callbacks):
    start = (timezone.now() + timedelta(hours=20)).replace(second=0, microsecond=0)
    event = EventFactory(
        start=start,
        end=start + timedelta(hours=2),
        title_ar="لقاء الكفاءات",
        mode=Event.Mode.ONLINE,
        online_url="https://meet.example.org/kafaat-room",
    )
    french = UserFactory(email="salma@example.org", preferred_language="fr")
    arabic = UserFactory(email="youssef@example.org", preferred_language="ar")
    services.member_settings_save(user=arabic, time_zone="Asia/Dubai", remind_24h=True, remind_1h=True)
    quiet = UserFactory(email="quiet@example.org")
    services.member_settings_save(user=quiet, time_zone="", remind_24h=False, remind_1h=True)
    waiting = UserFactory(email="waiting@example.org")
    for user in (french, arabic, quiet):
        _going(user, event)
    services.rsvp_set(user=waiting, event=event, original_start=event.start, status="interested")

    with django_capture_on_commit_callbacks(execute=True):
        assert events_reminders_send.delay().get() == 2
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send() == 0  # the beat runs every 5 minutes: nothing twice

    to_french = smtp_inbox.last_to("salma@example.org")
    assert to_french["Subject"].startswith("Demain")
    assert "kafaat-room" in to_french.get_content()  # she is going: the link comes with the reminder
    to_arabic = smtp_inbox.last_to("youssef@example.org")
    assert "لقاء الكفاءات" in to_arabic["Subject"]
    assert "Asia/Dubai" in to_arabic.get_content()  # his own time zone next to the event's
    assert {m["To"] for m in smtp_inbox.messages} == {"salma@example.org", "youssef@example.org"}

    # One hour before: the second reminder, still once, and the quiet member wants this one.
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send(now=start - timedelta(minutes=50)) == 3
        assert reminders_send(now=start - timedelta(minutes=45)) == 0
    assert Notification.objects.filter(kind="event_reminder").count() == 5
    assert smtp_inbox.last_to("quiet@example.org")["Subject"].startswith("Dans une heure")


def test_cancelled_sessions_and_waiting_members_get_no_reminder():
    start = timezone.now() + timedelta(minutes=30)
    event = EventFactory(start=start, end=start + timedelta(hours=1), capacity=1)
    going, waiting = UserFactory(), UserFactory()
    _going(going, event)
    _going(waiting, event)
    services.event_cancel(by=event.created_by, event=event)
    assert reminders_send() == 0


def test_a_change_and_a_cancellation_are_each_told_once_to_each_attendee(
    smtp_inbox, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    organiser = event.created_by
    going, waiting, interested, stranger = (UserFactory() for _ in range(4))
    _going(going, event)
    _going(waiting, event)
    services.rsvp_set(user=interested, event=event, original_start=event.start, status="interested")
    with django_capture_on_commit_callbacks(execute=True):
        services.event_update(by=organiser, event=event, venue="Institut du monde arabe")
        services.event_update(
            by=organiser, event=Event.objects.get(pk=event.pk), description_fr="Ordre du jour"
        )
        services.event_cancel(by=organiser, event=Event.objects.get(pk=event.pk))
        assert services.event_cancel(by=organiser, event=Event.objects.get(pk=event.pk)) is False
    for user in (going, waiting, interested):
        assert Notification.objects.filter(recipient=user, kind="event_changed").count() == 1
        assert Notification.objects.filter(recipient=user, kind="event_cancelled").count() == 1
    assert not Notification.objects.filter(recipient=stranger).exists()
    assert len([m for m in smtp_inbox.messages if m["To"] == going.email]) == 2
