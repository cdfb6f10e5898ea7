from django.core.mail import send_mail
from django.utils import timezone

from .models import Notification, NotificationPreference


def email_mode_of(user) -> str:
    preference = NotificationPreference.objects.filter(user=user).first()
    return preference.email_mode if preference else NotificationPreference.EmailMode.IMMEDIATE


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
    body = notification.body
    if notification.url:
        body = f"{body}\n\n{notification.url}" if body else notification.url
    send_mail(notification.subject, body, None, [recipient.email])
    return True
