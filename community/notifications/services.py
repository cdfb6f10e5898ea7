"""Writing notifications. Callers word them in the recipient's language with ``in_language_of``."""

from contextlib import contextmanager

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from .models import Notification, NotificationPreference
from .tasks import notification_email_send


def language_of(user) -> str:
    return getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE


@contextmanager
def in_language_of(user):
    """Render gettext strings in the recipient's language, whoever triggers the notification."""
    with translation.override(language_of(user)):
        yield


def notify(
    *, recipient, kind: str, subject: str, body: str = "", url: str = "", params=None, email: bool = True
) -> Notification:
    """Store a notification for the centre; its email goes out after commit, per the member's preference.

    ``params``: what a renderer registered for ``kind`` (core.registry) words at read time; ``email=False``
    when the caller already emails the member itself (a campaign), so the centre never mails it again.
    """
    notification = Notification.objects.create(
        recipient=recipient,
        kind=kind,
        subject=str(subject)[:200],
        body=str(body),
        url=url,
        params=params or {},
        emailed_at=None if email else timezone.now(),
    )
    if email:
        transaction.on_commit(lambda: _email_later(notification.id))
    return notification


def _email_later(notification_id: int) -> None:

    notification_email_send.delay(notification_id)


def notification_mark_read(*, user, notification_id: int) -> bool:

    return bool(
        Notification.objects.filter(id=notification_id, recipient=user, read_at__isnull=True).update(
            read_at=timezone.now()
        )
    )


def notifications_mark_all_read(*, user) -> int:

    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())


def notification_preference_set(*, user, email_mode: str):

    if email_mode not in NotificationPreference.EmailMode.values:
        raise ValueError(email_mode)
    preference, _created = NotificationPreference.objects.update_or_create(
        user=user, defaults={"email_mode": email_mode}
    )
    return preference
