"""Writing notifications.

A notification is stored as a kind and its parameters; the app that defined the kind registers a
renderer (core.registry) that words it at read time, in the reader's language: the page's language on
the site, the recipient's preferred language in emails. The words are also stored, in the recipient's
language, as the fallback shown if the kind's renderer is ever gone (and for rows written before).
"""

from contextlib import contextmanager

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from core.registry import registry

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
    *,
    recipient,
    kind: str,
    subject: str = "",
    body: str = "",
    url: str = "",
    params=None,
    email: bool = True,
) -> Notification:
    """Store a notification for the centre; its email goes out after commit, per the member's preference.

    ``params``: what a renderer registered for ``kind`` (core.registry) words at read time; without
    ``subject``, the stored fallback words are the renderer's, in the recipient's language. ``email=False``
    when the caller already emails the member itself (a campaign), so the centre never mails it again.
    """
    notification = Notification(recipient=recipient, kind=kind, url=url, params=params or {})
    render = registry.notification_renderer(kind) if params else None
    if render is not None and not subject:
        with in_language_of(recipient):
            words = render(notification) or {}
            subject, body = words.get("subject", ""), words.get("body", body)
            url = words.get("url", url)
    notification.subject = str(subject)[:200]
    notification.body = str(body)
    notification.url = url
    notification.emailed_at = None if email else timezone.now()
    notification.save()
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
