"""Mention notifications: stored as kind + the sender's name and the message, worded when read, in the
reader's language (community/notifications/services.py). The message itself is the sender's text."""

from django.utils.translation import gettext as _

from .models import Message

MENTION = "messaging.mention"


def mention_notification_words(notification) -> dict:
    params = notification.params or {}
    words = {"subject": _("%(name)s mentioned you in a conversation") % {"name": params.get("sender", "")}}
    message = Message.objects.filter(pk=params.get("message")).first()
    if message is not None:
        words["url"] = message.get_absolute_url()
    return words
