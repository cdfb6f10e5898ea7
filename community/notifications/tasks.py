from celery import shared_task

from .selectors import digest_recipient_ids


@shared_task
def notification_email_send(notification_id: int) -> None:
    """Send one notification by email if the member wants each one; idempotent (emailed_at)."""
    # emails → services → this module: services queue these tasks, so the import waits for the call.
    from .emails import notification_email_send_now

    notification_email_send_now(notification_id)


@shared_task(name="notifications_digest_send")
def notifications_digest_send() -> int:
    """Daily (celery beat): one digest email per member who chose it. Idempotent. Returns emails sent."""
    from .emails import digest_send_for  # circular at module level, as above

    return sum(1 for user_id in digest_recipient_ids() if digest_send_for(user_id))
