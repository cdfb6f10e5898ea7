from celery import shared_task


@shared_task
def notification_email_send(notification_id: int) -> None:
    """Send one notification by email if the member wants each one; idempotent (emailed_at)."""
    from .emails import notification_email_send_now

    notification_email_send_now(notification_id)


@shared_task(name="notifications_digest_send")
def notifications_digest_send() -> int:
    """Daily (celery beat): one digest email per member who chose it. Idempotent. Returns emails sent."""
    from .emails import digest_send_for
    from .selectors import digest_recipient_ids

    return sum(1 for user_id in digest_recipient_ids() if digest_send_for(user_id))
