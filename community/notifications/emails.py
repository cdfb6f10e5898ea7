from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from .models import Notification, NotificationPreference
from .selectors import email_mode_of, worded
from .services import language_of


def absolute_url(url: str) -> str:
    """Notification links are stored as paths; mail needs the site's address in front."""
    if url.startswith("/"):
        return settings.SITE_URL.rstrip("/") + url
    return url


def notification_email_send_now(notification_id: int) -> bool:
    notification = Notification.objects.select_related("recipient").filter(id=notification_id).first()
    if notification is None or notification.emailed_at is not None:
        return False
    recipient = notification.recipient
    if not recipient.is_active or email_mode_of(recipient) != NotificationPreference.EmailMode.IMMEDIATE:
        return False
    # Claim the notification first so that a retried task never sends it twice.
    claimed = Notification.objects.filter(id=notification.id, emailed_at__isnull=True).update(
        emailed_at=timezone.now()
    )
    if not claimed:
        return False
    # Worded now, in the language the member chose, whoever triggered it and in whatever language.
    with translation.override(language_of(recipient)):
        worded([notification])
    body = notification.body
    if notification.url:
        link = absolute_url(notification.url)
        body = f"{body}\n\n{link}" if body else link
    send_mail(notification.subject, body, None, [recipient.email])
    return True


def digest_send_for(user_id: int) -> int:
    """One email listing the member's notifications not yet emailed, in their language. Idempotent.

    The notifications are claimed (emailed_at set) before sending, so a second run finds nothing.
    Returns how many notifications the email listed (0: nothing sent).
    """
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return 0
    if email_mode_of(user) != NotificationPreference.EmailMode.DAILY:
        return 0
    now = timezone.now()
    with transaction.atomic():
        pending = list(
            Notification.objects.select_for_update()
            .filter(recipient=user, emailed_at__isnull=True, created_at__lte=now)
            .order_by("created_at", "id")
        )
        if not pending:
            return 0
        ids = [n.id for n in pending]
        Notification.objects.filter(id__in=ids, emailed_at__isnull=True).update(emailed_at=now)
    with translation.override(language_of(user)):
        worded(pending)
        context = {
            "user": user,
            "notifications": [
                {"subject": n.subject, "body": n.body, "url": absolute_url(n.url) if n.url else ""}
                for n in pending
            ],
            "centre_url": absolute_url(_centre_path()),
            "preferences_url": absolute_url(_preferences_path()),
        }
        subject = render_to_string("notifications/email/digest_subject.txt", context).strip()
        body = render_to_string("notifications/email/digest_body.txt", context)
    send_mail(subject, body, None, [user.email])
    return len(pending)


def _centre_path():
    return reverse("notifications:list")


def _preferences_path():
    return reverse("notifications:preferences")
