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


def test_referential_import_files_and_rejected_rows_go_after_ninety_days(client):
    """The file of a finished import goes 90 days after it finished, an abandoned upload's 90 days after
    the upload; the batch rows stay (their records point at them); rejected rows go 90 days after the
    upload. A running import keeps its file whatever its age."""
    import os

    from django.core.files.base import ContentFile

    from accounts.roles import ANALYST
    from referential.linkage.factories import ImportBatchFactory
    from referential.models import ImportBatch, RejectedRow

    def batch(status, created_days, finished_days=None):
        row = ImportBatchFactory(status=status)
        row.file.save("list.csv", ContentFile(b"name\nAmina"), save=False)
        row.created_at = NOW - datetime.timedelta(days=created_days)
        row.finished_at = NOW - datetime.timedelta(days=finished_days) if finished_days is not None else None
        row.save()
        return row

    old = batch("done", 95, 91)
    recent = batch("done", 100, 89)  # uploaded long ago, finished 89 days ago: its file stays
    abandoned = batch("mapped", 91)
    running = batch("running", 200)
    RejectedRow.objects.create(batch=old, row_number=2, raw={"name": "x"}, reasons=[])
    RejectedRow.objects.create(batch=abandoned, row_number=2, raw={"name": "y"}, reasons=[])
    paths = {b.pk: b.file.path for b in (old, recent, abandoned, running)}

    deleted = retention_enforce(now=NOW)

    assert deleted["referential-import-files"] == 1
    assert deleted["referential-import-files-unfinished"] == 1
    assert deleted["referential-rejected-rows"] == 2
    assert not os.path.exists(paths[old.pk]) and not os.path.exists(paths[abandoned.pk])
    assert os.path.exists(paths[recent.pk]) and os.path.exists(paths[running.pk])
    assert ImportBatch.objects.filter(pk__in=[old.pk, abandoned.pk], file="").count() == 2  # rows stay
    assert not RejectedRow.objects.exists()
    again = retention_enforce(now=NOW)
    assert again["referential-import-files"] == again["referential-import-files-unfinished"] == 0

    # The batch page says where the file went; the download and the mapping do not break.
    client.force_login(UserFactory(roles=[ANALYST], two_factor=True))
    page = client.get(f"/fr/referential/imports/{old.pk}/")
    assert page.status_code == 200 and "supprimé 90 jours après l’import" in page.content.decode()
    assert client.get(f"/fr/referential/imports/{old.pk}/file/").status_code == 404
    assert client.get(f"/fr/referential/imports/{abandoned.pk}/mapping/").status_code == 302
