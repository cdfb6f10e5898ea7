"""Who may read and write in a conversation. Pages, the websocket, files, mail and reports ask here.

Direct and multi conversations: their current participants. Group conversations: the group's active
members. Space conversations: whoever the space gate lets in. The answer is computed again at every
message, so a member who leaves a group or loses a label is cut off at the next one.
"""

from community.groups.permissions import is_active_member
from community.moderation.selectors import is_blocked_between
from community.spaces.permissions import space_access

from .models import Conversation, Participant


def _is_member(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def can_read(user, conversation) -> bool:
    if not _is_member(user) or conversation is None:
        return False
    kind = conversation.kind
    if kind == Conversation.Kind.GROUP:
        return is_active_member(user, conversation.group)
    if kind == Conversation.Kind.SPACE:
        return space_access(user, conversation.space).allowed
    return Participant.objects.filter(conversation=conversation, user=user, left_at__isnull=True).exists()


def readers_now(conversation) -> list[int]:
    """Ids of the members who may read ``conversation`` right now, among those who opened it.

    Asked once per message when it is fanned out (a single query for private and group
    conversations), so every connected socket learns at that message whether it may still read,
    without one query per socket. Whoever connects has a read-position row (``Participant``).
    """
    rows = Participant.objects.filter(
        conversation_id=conversation.pk, left_at__isnull=True, user__is_active=True
    )
    kind = conversation.kind
    if kind == Conversation.Kind.GROUP:
        from community.groups.models import Membership

        members = Membership.objects.filter(group_id=conversation.group_id, status=Membership.Status.ACTIVE)
        return list(rows.filter(user_id__in=members.values("user_id")).values_list("user_id", flat=True))
    if kind == Conversation.Kind.SPACE:
        return [
            p.user_id for p in rows.select_related("user") if space_access(p.user, conversation.space).allowed
        ]
    return list(rows.values_list("user_id", flat=True))


def other_participant_ids(user, conversation) -> list[int]:
    return list(
        Participant.objects.filter(conversation=conversation, left_at__isnull=True)
        .exclude(user_id=user.pk)
        .values_list("user_id", flat=True)
    )


def blocked_in(user, conversation) -> bool:
    """In a private conversation, a block between the writer and any other participant stops them."""
    if not conversation.is_private:
        return False
    from django.db.models import Q

    from community.moderation.models import Block

    others = (
        Participant.objects.filter(conversation_id=conversation.pk, left_at__isnull=True)
        .exclude(user_id=user.pk)
        .values("user_id")
    )
    return Block.objects.filter(
        Q(blocker=user, blocked_id__in=others) | Q(blocked=user, blocker_id__in=others)
    ).exists()


def can_write(user, conversation) -> bool:
    return can_read(user, conversation) and not blocked_in(user, conversation)


def can_edit(user, message) -> bool:
    """Authors edit and delete their own messages while they may still write there."""
    return (
        _is_member(user)
        and message.sender_id == user.pk
        and message.deleted_at is None
        and message.hidden_at is None
        and can_write(user, message.conversation)
    )


def can_start_with(user, others) -> bool:
    """A member may open a conversation with others unless a block stands between them and any of them."""
    return _is_member(user) and all(
        getattr(other, "is_active", False) and other.pk != user.pk and not is_blocked_between(user, other)
        for other in others
    )


def can_download(user, attachment) -> bool:
    return can_read(user, attachment.message.conversation) and not attachment.message.is_removed
