"""Writing notifications. Callers word them in the recipient's language with ``in_language_of``."""

from contextlib import contextmanager

from django.conf import settings
from django.db import transaction
from django.utils import translation

from .models import Notification


def language_of(user) -> str:
    return getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE


@contextmanager
def in_language_of(user):
    """Render gettext strings in the recipient's language, whoever triggers the notification."""
    with translation.override(language_of(user)):
        yield


def notify(*, recipient, kind: str, subject: str, body: str = "", url: str = "") -> Notification:
    """Store a notification for the centre; its email goes out after commit, per the member's preference."""
    notification = Notification.objects.create(
        recipient=recipient, kind=kind, subject=str(subject)[:200], body=str(body), url=url
    )
    transaction.on_commit(lambda: _email_later(notification.id))
    return notification


def _email_later(notification_id: int) -> None:
    from .tasks import notification_email_send

    notification_email_send.delay(notification_id)
