"""The notification centre, the unread count in the header, email preferences and the daily digest."""

import pytest

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from accounts.factories import UserFactory
from community.notifications.factories import NotificationFactory, NotificationPreferenceFactory
from community.notifications.models import Notification, NotificationPreference
from community.notifications.services import in_language_of, notify
from community.notifications.tasks import notifications_digest_send

pytestmark = pytest.mark.django_db


def test_factories_build():
    assert NotificationFactory().recipient_id
    assert NotificationPreferenceFactory().email_mode == "daily"


def test_centre_lists_newest_first_highlights_unread_and_paginates(client):
    member = UserFactory()
    for i in range(25):
        NotificationFactory(recipient=member, subject=f"N{i:02d}")
    NotificationFactory(subject="Someone else's")
    Notification.objects.filter(subject="N00").update(read_at="2020-01-01T00:00Z")
    client.force_login(member)
    response = client.get(reverse("notifications:list"))
    subjects = [n.subject for n in response.context["page_obj"]]
    assert subjects == [f"N{i:02d}" for i in range(24, 4, -1)]
    content = response.content.decode()
    assert content.count("notification--unread") == 20 and "Someone else" not in content
    page2 = client.get(reverse("notifications:list"), {"page": 2})
    assert [n.subject for n in page2.context["page_obj"]][-1] == "N00"
    assert page2.content.decode().count("notification--unread") == 4


def test_mark_one_and_all_as_read_only_touch_my_notifications(client):
    member, other = UserFactory(), UserFactory()
    mine = NotificationFactory(recipient=member)
    NotificationFactory(recipient=member)
    theirs = NotificationFactory(recipient=other)
    client.force_login(member)
    assert client.get(reverse("notifications:read", args=[mine.pk])).status_code == 405
    client.post(reverse("notifications:read", args=[mine.pk]))
    client.post(reverse("notifications:read", args=[theirs.pk]))
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.read_at is not None and theirs.read_at is None
    client.post(reverse("notifications:read_all"))
    assert not Notification.objects.filter(recipient=member, read_at__isnull=True).exists()
    assert Notification.objects.filter(recipient=other, read_at__isnull=True).count() == 1


def test_header_shows_unread_count_for_screen_readers_with_one_count_query(client):
    member = UserFactory()
    for _ in range(3):
        NotificationFactory(recipient=member)
    client.force_login(member)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("labels:list"))
    content = response.content.decode()
    with translation.override("fr"):
        expected = translation.ngettext(
            "%(counter)s unread notification", "%(counter)s unread notifications", 3
        ) % {"counter": 3}
    assert expected == "3 notifications non lues"
    assert expected in content and 'class="notification-bell__count" aria-hidden="true">3<' in content
    counts = [q["sql"] for q in queries.captured_queries if "notifications_notification" in q["sql"]]
    assert len(counts) == 1 and "COUNT" in counts[0].upper()


def test_visitors_get_no_bell(client):
    assert "notification-bell" not in client.get(reverse("labels:list")).content.decode()


def test_preferences_page_saves_the_email_mode(client):
    member = UserFactory()
    client.force_login(member)
    response = client.get(reverse("notifications:preferences"))
    assert response.context["form"].initial["email_mode"] == "immediate"
    client.post(reverse("notifications:preferences"), {"email_mode": "never"})
    assert NotificationPreference.objects.get(user=member).email_mode == "never"
    assert client.post(reverse("notifications:preferences"), {"email_mode": "hourly"}).status_code == 400


def test_never_means_no_email(django_capture_on_commit_callbacks):
    member = UserFactory()
    NotificationPreferenceFactory(user=member, email_mode="never")
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipient=member, kind="test", subject="Silence")
    assert mail.outbox == []
    assert notifications_digest_send() == 0


def test_digest_sends_once_in_each_members_language_then_nothing(django_capture_on_commit_callbacks):
    arab = UserFactory(preferred_language="ar")
    english = UserFactory(preferred_language="en")
    immediate = UserFactory()
    NotificationPreferenceFactory(user=arab)
    NotificationPreferenceFactory(user=english)
    with django_capture_on_commit_callbacks(execute=True):
        for member in (arab, english):
            for _ in range(2):
                with in_language_of(member):
                    notify(recipient=member, kind="test", subject=gettext("Notifications"), url="/x/")
        notify(recipient=immediate, kind="test", subject="Tout de suite")
    assert [m.to for m in mail.outbox] == [[immediate.email]]
    mail.outbox.clear()

    assert notifications_digest_send() == 2
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert set(by_recipient) == {arab.email, english.email}
    arabic = by_recipient[arab.email]
    assert "إشعار" in arabic.subject and "Kafaat" in arabic.subject
    assert arabic.body.count("الإشعارات") == 2 and "http://" in arabic.body and "/x/" in arabic.body
    assert by_recipient[english.email].subject == "Kafaat: 2 new notifications"

    mail.outbox.clear()
    assert notifications_digest_send() == 0
    assert mail.outbox == []
    assert not Notification.objects.filter(recipient__in=[arab, english], emailed_at__isnull=True).exists()

    with django_capture_on_commit_callbacks(execute=True):
        notify(recipient=english, kind="test", subject="Later")
    assert notifications_digest_send() == 1
    assert mail.outbox[0].subject == "Kafaat: 1 new notification" and "Later" in mail.outbox[0].body


def test_digest_goes_through_a_real_smtp_server(smtp_inbox):
    member = UserFactory(preferred_language="fr")
    NotificationPreferenceFactory(user=member)
    NotificationFactory(recipient=member, subject="Votre label a expiré")
    assert notifications_digest_send() == 1
    message = smtp_inbox.last_to(member.email)
    assert message["Subject"] == "Kafaat : 1 nouvelle notification"
    assert "Votre label a expiré" in message.get_content()


def test_digest_task_is_scheduled_daily(settings):
    assert "notifications_digest_send" in {e["task"] for e in settings.CELERY_BEAT_SCHEDULE.values()}
