"""@mentions: "@" followed by a reader's display name notifies that reader (and only readers)."""

from django.contrib.auth import get_user_model

from community.notifications.services import notify
from core.names import display_name

from . import permissions
from .models import Conversation, Participant
from .notifications import MENTION


def _candidates(conversation):

    users = get_user_model().objects.filter(is_active=True).select_related("profile")
    if conversation.kind == Conversation.Kind.GROUP:
        return users.filter(group_memberships__group=conversation.group, group_memberships__status="active")
    ids = Participant.objects.filter(conversation=conversation, left_at__isnull=True).values("user_id")
    return users.filter(pk__in=ids)


def mentioned_users(message):
    text = message.body.casefold()
    if "@" not in text:
        return []
    found = []
    for user in _candidates(message.conversation):
        if user.pk == message.sender_id:
            continue
        name = str(display_name(user)).casefold()
        if name and f"@{name}" in text and permissions.can_read(user, message.conversation):
            found.append(user)
    return found


def mentions_notify(message) -> list:
    """Notify each mentioned reader, worded in their language when read (messaging/notifications.py);
    runs inside the sending transaction."""
    users = mentioned_users(message)
    params = {"sender": str(display_name(message.sender)), "message": message.pk}
    for user in users:
        notify(
            recipient=user,
            kind=MENTION,
            body=message.body[:500],
            url=message.get_absolute_url(),
            params=params,
        )
    return users
