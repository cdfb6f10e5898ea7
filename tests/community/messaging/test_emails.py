"""Unread messages by email: after the delay, batched per recipient, never twice, per preference."""

from datetime import timedelta

import pytest

from django.utils import timezone

from accounts.factories import UserFactory
from community.messaging import services
from community.messaging.tasks import messaging_unread_emails_send
from community.notifications.services import notification_preference_set

pytestmark = pytest.mark.django_db


@pytest.fixture
def waiting(settings):
    settings.MESSAGING_EMAIL_DELAY = 0
    karim = UserFactory(
        email="karim@example.org", first_name="Karim", last_name="Benali", preferred_language="ar"
    )
    amina = UserFactory(first_name="Amina", last_name="Idrissi")
    youssef = UserFactory(first_name="Youssef", last_name="Alami")
    first = services.direct_conversation_open(initiator=amina, other=karim, text="Salam Karim")
    services.message_send(sender=amina, conversation=first, body="Tu es là ?")
    second = services.direct_conversation_open(initiator=youssef, other=karim, text="Projet à Agadir")
    return karim, first, second


def test_one_email_lists_every_waiting_conversation_and_is_never_sent_twice(waiting, smtp_inbox):
    karim, first, second = waiting
    assert messaging_unread_emails_send() == 1
    mails = [m for m in smtp_inbox.messages if "karim@example.org" in m["To"]]
    assert len(mails) == 1
    body = mails[0].get_content()
    assert "Salam Karim" in body and "Tu es là ?" in body and "Projet à Agadir" in body
    assert f"/ar/community/messages/{first.pk}/" in body and f"/messages/{second.pk}/" in body
    assert "3" in mails[0]["Subject"]
    assert messaging_unread_emails_send() == 0  # idempotent
    services.message_send(
        sender=second.participants.exclude(user=karim).get().user, conversation=second, body="Nouveau"
    )
    assert messaging_unread_emails_send() == 1
    last = smtp_inbox.last_to("karim@example.org").get_content()
    assert "Nouveau" in last and "Salam Karim" not in last


def test_read_messages_and_recent_ones_are_not_mailed(waiting, smtp_inbox, settings):
    karim, first, second = waiting
    services.conversation_mark_read(user=karim, conversation=first)
    services.conversation_mark_read(user=karim, conversation=second)
    assert messaging_unread_emails_send() == 0
    settings.MESSAGING_EMAIL_DELAY = 600
    services.message_send(
        sender=first.participants.exclude(user=karim).get().user, conversation=first, body="Vite"
    )
    assert messaging_unread_emails_send() == 0  # not yet: it has not waited long enough
    from community.messaging.emails import unread_email_send_for

    assert unread_email_send_for(karim.pk, now=timezone.now() + timedelta(minutes=11)) == 1
    assert not [m for m in smtp_inbox.messages if "Salam" in m.get_content()]


def test_preferences_never_and_daily(waiting, smtp_inbox):
    karim, first, second = waiting
    notification_preference_set(user=karim, email_mode="never")
    assert messaging_unread_emails_send() == 0 and smtp_inbox.messages == []
    notification_preference_set(user=karim, email_mode="daily")
    assert messaging_unread_emails_send() == 1
    services.message_send(
        sender=first.participants.exclude(user=karim).get().user, conversation=first, body="Encore"
    )
    assert messaging_unread_emails_send() == 0  # daily: one a day at most
    assert len(smtp_inbox.messages) == 1
