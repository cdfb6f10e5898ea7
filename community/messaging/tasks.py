from celery import shared_task

from .emails import recipient_ids, unread_email_send_for


@shared_task(name="messaging_unread_emails_send")
def messaging_unread_emails_send() -> int:
    """Every few minutes (celery beat): mail members their unread messages, batched. Idempotent.

    Returns how many emails went out.
    """

    return sum(1 for user_id in recipient_ids() if unread_email_send_for(user_id))
