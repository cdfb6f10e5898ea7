"""The core the community modules share: labels held now, blocks both ways, notifications by email."""

import datetime

import pytest

from django.core import mail
from django.utils import timezone

from accounts.factories import UserFactory
from community.labels.models import Label, LabelGrant
from community.labels.selectors import active_label_ids, users_holding
from community.moderation.models import Block
from community.moderation.selectors import blocked_user_ids, has_blocked, is_blocked_between
from community.notifications.models import Notification, NotificationPreference
from community.notifications.services import in_language_of, notify

pytestmark = pytest.mark.django_db


def _label(slug="verified"):
    return Label.objects.create(
        slug=slug, name_fr="Compétence vérifiée", name_ar="كفاءة موثقة", name_en="Verified"
    )


def test_only_current_grants_count_as_labels_held():
    member, label, other = UserFactory(), _label(), _label("relay")
    now = timezone.now()
    LabelGrant.objects.create(user=member, label=label, expires_at=now + datetime.timedelta(days=30))
    LabelGrant.objects.create(user=member, label=other, expires_at=now - datetime.timedelta(seconds=1))
    assert active_label_ids(member) == {label.id}
    assert list(users_holding([other.id])) == []

    LabelGrant.objects.filter(user=member, label=label).update(ended_at=now, end_reason="revoked")
    assert active_label_ids(member) == set()


def test_label_name_follows_the_active_language():
    from django.utils import translation

    label = _label()
    with translation.override("ar"):
        assert label.name == "كفاءة موثقة"
    with translation.override("en"):
        assert label.name == "Verified"


def test_a_block_hides_members_from_each_other_in_both_directions():
    blocker, blocked, bystander = UserFactory(), UserFactory(), UserFactory()
    Block.objects.create(blocker=blocker, blocked=blocked)
    assert is_blocked_between(blocker, blocked) and is_blocked_between(blocked, blocker)
    assert has_blocked(blocker, blocked) and not has_blocked(blocked, blocker)
    assert blocked_user_ids(blocker) == {blocked.id} and blocked_user_ids(blocked) == {blocker.id}
    assert blocked_user_ids(bystander) == set()


def test_a_notification_is_emailed_once_in_the_recipient_language(django_capture_on_commit_callbacks):
    from django.utils.translation import gettext

    recipient = UserFactory(preferred_language="ar")
    with django_capture_on_commit_callbacks(execute=True), in_language_of(recipient):
        notification = notify(recipient=recipient, kind="test", subject=gettext("Notifications"), url="/ar/")
    assert [m.subject for m in mail.outbox] == ["الإشعارات"]
    assert mail.outbox[0].to == [recipient.email]

    from community.notifications.emails import notification_email_send_now

    assert notification_email_send_now(notification.id) is False  # a retried task sends nothing twice
    assert len(mail.outbox) == 1


def test_no_email_for_members_who_chose_the_digest_or_none(django_capture_on_commit_callbacks):
    digest = UserFactory()
    NotificationPreference.objects.create(user=digest, email_mode=NotificationPreference.EmailMode.DAILY)
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipient=digest, kind="test", subject="Bonjour")
    assert mail.outbox == []
    assert Notification.objects.get(recipient=digest).emailed_at is None
