from celery import shared_task


@shared_task
def notification_email_send(notification_id: int) -> None:
    """Send one notification by email if the member wants each one; idempotent (emailed_at)."""
    from .emails import notification_email_send_now

    notification_email_send_now(notification_id)
