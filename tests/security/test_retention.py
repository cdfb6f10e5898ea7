"""The retention schedule: rules per kind of data, enforced by the beat task, shown to administrators.

The clock is frozen by handing ``now`` to the enforcement (the task uses the real one)."""

import datetime

import pytest

from django.conf import settings
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.roles import ADMIN, MEMBER
from community.messaging.factories import DirectConversationFactory, message
from community.messaging.models import Message
from community.notifications.factories import NotificationFactory
from community.notifications.models import Notification
from core.audit import audit_record
from core.models import AuditLog
from privacy.retention import retention_enforce, retention_rules

pytestmark = pytest.mark.django_db
NOW = timezone.now()


def test_the_schedule_covers_notifications_messages_of_deleted_accounts_and_the_audit_log():
    assert {"notifications", "messages-of-deleted-accounts", "audit-log"} <= {
        r.key for r in retention_rules()
    }
    assert settings.CELERY_BEAT_SCHEDULE["privacy-retention"]["task"] == "privacy_retention_enforce"


def test_enforcement_deletes_only_what_is_past_its_time():
    old = NotificationFactory()
    Notification.objects.filter(pk=old.pk).update(created_at=NOW - datetime.timedelta(days=400))
    recent = NotificationFactory()
    leaver, stayer = UserFactory(), UserFactory()
    conversation = DirectConversationFactory(initiator=leaver, other=stayer)
    orphan, kept = message(conversation, leaver, "old"), message(conversation, stayer, "old too")
    Message.objects.filter(pk__in=[orphan.pk, kept.pk]).update(created_at=NOW - datetime.timedelta(days=800))
    leaver.delete()
    entry = audit_record(stayer, "test.read")
    AuditLog.objects.filter(pk=entry.pk).update(at=NOW - datetime.timedelta(days=4 * 365))

    deleted = retention_enforce(now=NOW)

    assert deleted["notifications"] == 1 and deleted["messages-of-deleted-accounts"] == 1
    assert deleted["audit-log"] == 1
    assert list(Notification.objects.all()) == [recent]
    assert list(Message.objects.values_list("pk", flat=True)) == [kept.pk]
    assert retention_enforce(now=NOW) == dict.fromkeys(deleted, 0)  # idempotent


def test_administrators_see_the_schedule_and_members_do_not(client):
    client.force_login(UserFactory(roles=[ADMIN], two_factor=True))
    page = client.get("/fr/account/retention/")
    assert page.status_code == 200 and "Calendrier de conservation" in page.content.decode()
    client.force_login(UserFactory(roles=[MEMBER]))
    assert client.get("/fr/account/retention/").status_code == 403
