"""Who may read and write in a conversation. Pages, the websocket, files, mail and reports ask here.

Direct and multi conversations: their current participants. Group conversations: the group's active
members. Space conversations: whoever the space gate lets in. The answer is computed again at every
message, so a member who leaves a group or loses a label is cut off at the next one.
"""

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Q

from community.groups.models import Membership
from community.groups.permissions import is_active_member
from community.moderation.models import Block
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
    kind = conversation.kind
    if kind in (Conversation.Kind.DIRECT, Conversation.Kind.MULTI):
        return _private_readers(conversation.pk)
    rows = Participant.objects.filter(
        conversation_id=conversation.pk, left_at__isnull=True, user__is_active=True
    )
    if kind == Conversation.Kind.GROUP:
        members = Membership.objects.filter(group_id=conversation.group_id, status=Membership.Status.ACTIVE)
        return list(rows.filter(user_id__in=members.values("user_id")).values_list("user_id", flat=True))
    if kind == Conversation.Kind.SPACE:
        return [
            p.user_id for p in rows.select_related("user") if space_access(p.user, conversation.space).allowed
        ]
    return list(rows.values_list("user_id", flat=True))


def _private_readers(conversation_id: int) -> list[int]:
    """The current participants whose account is active, in plain SQL (asked for every message)."""

    participant, user = Participant._meta.db_table, get_user_model()._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT p.user_id FROM {participant} p JOIN {user} u ON u.id = p.user_id "  # noqa: S608
            "WHERE p.conversation_id = %s AND p.left_at IS NULL AND u.is_active",
            [conversation_id],
        )
        return [row[0] for row in cursor.fetchall()]


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

    others = (
        Participant.objects.filter(conversation_id=conversation.pk, left_at__isnull=True)
        .exclude(user_id=user.pk)
        .values("user_id")
    )
    return Block.objects.filter(
        Q(blocker=user, blocked_id__in=others) | Q(blocked=user, blocker_id__in=others)
    ).exists()


def can_write(user, conversation) -> bool:
    if conversation is not None and conversation.is_private and _is_member(user):
        return _private_writer(user.pk, conversation.pk)
    return can_read(user, conversation) and not blocked_in(user, conversation)


def _private_writer(user_id: int, conversation_id: int) -> bool:
    """can_read and not blocked_in for a private conversation, in one statement.

    It runs for every message sent; building the two ORM queries cost more than running them
    (bench/messaging.py, profiled). Same rule: a current participant, and no block either way with
    another current participant.
    """

    participant, block = Participant._meta.db_table, Block._meta.db_table
    sql = (
        f"SELECT 1 FROM {participant} me WHERE me.conversation_id = %s AND me.user_id = %s "  # noqa: S608
        "AND me.left_at IS NULL AND NOT EXISTS ("
        f"SELECT 1 FROM {participant} other JOIN {block} b "
        "ON (b.blocker_id = %s AND b.blocked_id = other.user_id) "
        "OR (b.blocked_id = %s AND b.blocker_id = other.user_id) "
        "WHERE other.conversation_id = %s AND other.left_at IS NULL AND other.user_id <> %s)"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [conversation_id, user_id, user_id, user_id, conversation_id, user_id])
        return cursor.fetchone() is not None


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


def may_find(user, other) -> bool:
    """May ``user`` learn that ``other`` exists and their name: their profile page is open to them."""
    from community.profiles.permissions import may_view_profile  # profiles build on messaging's floor

    profile = getattr(other, "profile", None)
    return profile is not None and may_view_profile(user, profile)
