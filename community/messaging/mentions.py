"""@mentions: "@" followed by a reader's display name notifies that reader (and only readers)."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from community.notifications.services import in_language_of, notify
from core.names import display_name

from . import permissions
from .models import Conversation, Participant


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
    """Notify each mentioned reader in their language; runs inside the sending transaction."""
    users = mentioned_users(message)
    sender = str(display_name(message.sender))
    for user in users:
        with in_language_of(user):
            notify(
                recipient=user,
                kind="messaging.mention",
                subject=_("%(name)s mentioned you in a conversation") % {"name": sender},
                body=message.body[:500],
                url=message.get_absolute_url(),
            )
    return users
