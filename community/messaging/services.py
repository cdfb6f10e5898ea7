"""Writes in messaging. Check, then write under a lock, then fan out after the commit.

Every message takes the next sequence number of its conversation while the conversation row is
locked, so sequence order is commit order: a client that has seen message n has seen every message
before it, and asks only for what comes after n when it reconnects. Messages are persisted first; the
websocket fan-out happens in ``transaction.on_commit``.
"""

import json
import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.metrics import MESSAGES_DELIVERED

from . import permissions
from .mentions import mentions_notify
from .models import Attachment, Conversation, Message, Participant
from .serializers import message_data

log = logging.getLogger(__name__)

MAX_LENGTH = 4000


class RateLimited(ValidationError):
    pass


def conversation_group_name(conversation_id: int) -> str:
    return f"messaging-{conversation_id}"


def rate_limit() -> tuple[int, int]:
    """(messages, seconds) a member may send; MESSAGING_RATE_LIMIT overrides it."""
    return tuple(getattr(settings, "MESSAGING_RATE_LIMIT", (20, 60)))


def _rate_check(user) -> None:
    """Fixed window counter in the cache, shared by every process through Redis in the scaled set-up."""
    limit, seconds = rate_limit()
    window = int(timezone.now().timestamp()) // seconds
    key = f"messaging:rate:{user.pk}:{window}"
    cache.add(key, 0, timeout=seconds + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=seconds + 5)
        count = 1
    if count is None:  # the cache is away (Redis restarting): let the message through rather than lose it
        return
    if count > limit:
        raise RateLimited(
            ngettext(
                "You are sending messages too fast: at most %(limit)d message every %(seconds)d seconds. "
                "Wait a moment and send it again.",
                "You are sending messages too fast: at most %(limit)d messages every %(seconds)d seconds. "
                "Wait a moment and send it again.",
                limit,
            )
            % {"limit": limit, "seconds": seconds},
            code="rate_limited",
        )


def body_clean(body: str, *, allow_empty=False) -> str:
    body = (body or "").strip()
    if not body and not allow_empty:
        raise ValidationError(_("Write a message first."), code="empty")
    if len(body) > MAX_LENGTH:
        raise ValidationError(
            _("A message has %(limit)d characters at most; this one has %(length)d.")
            % {"limit": MAX_LENGTH, "length": len(body)},
            code="too_long",
        )
    return body


# --- Conversations ------------------------------------------------------------------------------------


def _direct_key(a, b) -> str:
    low, high = sorted([a.pk, b.pk])
    return f"{low}:{high}"


def direct_conversation_open(*, initiator, other, text: str = "") -> Conversation:
    """The 1:1 conversation of two members, created if needed; ``text`` is posted as a first message.

    Raises PermissionDenied when either member blocked the other (or one cannot take part).
    Stable API: the matching engine calls it.
    """
    if not permissions.can_start_with(initiator, [other]):
        raise PermissionDenied(_("You cannot write to this member."))
    key = _direct_key(initiator, other)
    with transaction.atomic():
        conversation = Conversation.objects.filter(direct_key=key).first()
        if conversation is None:
            try:
                with transaction.atomic():
                    conversation = Conversation.objects.create(
                        kind=Conversation.Kind.DIRECT, direct_key=key, created_by=initiator
                    )
                    Participant.objects.bulk_create(
                        [Participant(conversation=conversation, user=u) for u in (initiator, other)]
                    )
            except IntegrityError:  # opened by the other side at the same moment
                conversation = Conversation.objects.get(direct_key=key)
        else:
            # Someone who left comes back when the conversation is opened again.
            Participant.objects.filter(conversation=conversation, user__in=[initiator, other]).update(
                left_at=None
            )
        if text:
            message_send(sender=initiator, conversation=conversation, body=text)
    return conversation


@transaction.atomic
def conversation_start(*, creator, others, title: str = "", text: str = "") -> Conversation:
    """A direct conversation with one other member, or a new multi conversation with several."""
    others = [o for o in dict.fromkeys(others) if o.pk != creator.pk]
    if not others:
        raise ValidationError(_("Choose at least one member."), code="no_one")
    if len(others) == 1:
        return direct_conversation_open(initiator=creator, other=others[0], text=text)
    if not permissions.can_start_with(creator, others):
        raise PermissionDenied(_("You cannot write to one of these members."))
    conversation = Conversation.objects.create(kind=Conversation.Kind.MULTI, title=title, created_by=creator)
    Participant.objects.bulk_create(
        [Participant(conversation=conversation, user=u) for u in [creator, *others]]
    )
    if text:
        message_send(sender=creator, conversation=conversation, body=text)
    return conversation


def group_conversation(group) -> Conversation:
    conversation, _created = Conversation.objects.get_or_create(
        group=group, defaults={"kind": Conversation.Kind.GROUP}
    )
    return conversation


def space_conversation(space) -> Conversation:
    conversation, _created = Conversation.objects.get_or_create(
        space=space, defaults={"kind": Conversation.Kind.SPACE}
    )
    return conversation


@transaction.atomic
def conversation_leave(*, user, conversation) -> None:
    if conversation.kind == Conversation.Kind.MULTI:
        Participant.objects.filter(conversation=conversation, user=user).update(left_at=timezone.now())


def reader_row(user, conversation) -> Participant:
    """The member's read position (created on first visit of a group or space conversation)."""
    participant, _created = Participant.objects.get_or_create(
        conversation=conversation,
        user=user,
        defaults={"last_read_seq": 0 if conversation.is_private else conversation.last_seq},
    )
    return participant


# --- Messages -------------------------------------------------------------------------------------------


def _next_seq(conversation_id: int, now) -> int:
    """Take the conversation's next number; the row stays locked until the transaction ends.

    One statement (UPDATE … RETURNING, PostgreSQL and SQLite ≥ 3.35) instead of a locking read and
    a write: it runs for every message.
    """
    table = Conversation._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET last_seq = last_seq + 1, last_message_at = %s "  # noqa: S608 (table name)
            "WHERE id = %s RETURNING last_seq",
            [now, conversation_id],
        )
        return cursor.fetchone()[0]


def _message_insert(conversation, seq: int, sender, body: str, now) -> Message:
    """INSERT … RETURNING id, as Message.objects.create would, without building the ORM query for
    every message (no signal listens to messages being created)."""
    table = Message._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (conversation_id, seq, sender_id, body, created_at) "  # noqa: S608
            "VALUES (%s, %s, %s, %s, %s) RETURNING id",
            [conversation.pk, seq, sender.pk, body, now],
        )
        message_id = cursor.fetchone()[0]
    message = Message(
        id=message_id, conversation=conversation, seq=seq, sender=sender, body=body, created_at=now
    )
    message._state.adding = False
    message._state.db = connection.alias
    return message


def _sender_position_move(conversation_id: int, user_id: int, seq: int, now) -> int:
    """The sender has read their own message (and is not mailed about it): one plain UPDATE."""
    table = Participant._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET last_read_seq = %s, last_read_at = %s, emailed_through_seq = %s "  # noqa: S608
            "WHERE conversation_id = %s AND user_id = %s",
            [seq, now, seq, conversation_id, user_id],
        )
        return cursor.rowcount


def message_send(*, sender, conversation, body: str, upload=None, upload_type: str = "") -> Message:
    """Check, number, persist; fan out and notify mentions after the commit.

    Raises PermissionDenied (not a reader, blocked), ValidationError (empty, too long) or RateLimited.
    The conversation row is locked from the numbering to the commit: messages of one conversation
    commit in sequence order, other conversations are not held up.
    """
    body = body_clean(body, allow_empty=upload is not None)
    if not permissions.can_write(sender, conversation):
        raise PermissionDenied(_("You can no longer write in this conversation."))
    _rate_check(sender)
    now = timezone.now()
    with transaction.atomic():
        seq = _next_seq(conversation.pk, now)
        message = _message_insert(conversation, seq, sender, body, now)
        message.new_attachments = []  # what the fan-out sends, without reading them back
        if upload is not None:
            attachment = Attachment(
                message=message,
                filename=(upload.name or "file")[-200:],
                content_type=upload_type,
                size=upload.size,
            )
            attachment.file.save(upload.name or "file", upload, save=False)
            attachment.save()
            message.new_attachments.append(attachment)
        if not _sender_position_move(conversation.pk, sender.pk, seq, now):
            Participant.objects.create(
                conversation=conversation,
                user=sender,
                last_read_seq=seq,
                last_read_at=now,
                emailed_through_seq=seq,
            )
        conversation.last_seq, conversation.last_message_at = seq, now
        if "@" in body:

            mentions_notify(message)
        transaction.on_commit(lambda: message_broadcast(message.id, instance=message))
    return message


def message_broadcast(message_id: int, event: str = "message", instance=None) -> None:
    """Tell the conversation's sockets; each consumer checks its member against ``readers``."""
    message = instance
    if message is None:
        message = (
            Message.objects.select_related("sender__profile", "conversation")
            .prefetch_related("attachments")
            .filter(pk=message_id)
            .first()
        )
    layer = get_channel_layer()
    if message is None or layer is None:
        return
    try:
        async_to_sync(layer.group_send)(
            conversation_group_name(message.conversation_id),
            {
                "type": "conversation.event",
                # Serialised once here rather than once per socket in the consumers.
                "text": json.dumps({"type": event, "message": message_data(message)}),
                "readers": permissions.readers_now(message.conversation),
            },
        )
    except Exception:  # noqa: BLE001 — the message is stored; clients fetch it by sequence when they sync
        log.warning("message %s stored but not broadcast (channel layer away)", message.pk, exc_info=True)
        return
    if event == "message":
        MESSAGES_DELIVERED.inc()


@transaction.atomic
def message_edit(*, user, message, body: str) -> Message:
    if not permissions.can_edit(user, message):
        raise PermissionDenied(_("You cannot change this message."))
    message.body = body_clean(body)
    message.edited_at = timezone.now()
    message.save(update_fields=["body", "edited_at"])
    transaction.on_commit(lambda: message_broadcast(message.id, "update"))
    return message


@transaction.atomic
def message_delete(*, user, message) -> Message:
    """The message stays in the history as "message deleted"; its text and files are gone."""
    if not permissions.can_edit(user, message):
        raise PermissionDenied(_("You cannot delete this message."))
    message.body = ""
    message.deleted_at = timezone.now()
    message.save(update_fields=["body", "deleted_at"])
    for attachment in message.attachments.all():
        attachment.file.delete(save=False)
        attachment.delete()
    transaction.on_commit(lambda: message_broadcast(message.id, "update"))
    return message


def receipt_broadcast(conversation, user_id: int, seq: int) -> None:
    layer = get_channel_layer()
    if layer is not None:
        async_to_sync(layer.group_send)(
            conversation_group_name(conversation.pk),
            {
                "type": "conversation.receipt",
                "user_id": user_id,
                "seq": seq,
                "readers": permissions.readers_now(conversation),
            },
        )


def conversation_mark_read(*, user, conversation, seq: int | None = None) -> int:
    """Move the member's read position forward (never back). Returns the position."""
    target = conversation.last_seq if seq is None else min(int(seq), conversation.last_seq)
    participant = reader_row(user, conversation)
    if target > participant.last_read_seq:
        Participant.objects.filter(pk=participant.pk, last_read_seq__lt=target).update(
            last_read_seq=target, last_read_at=timezone.now()
        )
        transaction.on_commit(lambda: receipt_broadcast(conversation, user.pk, target))
        return target
    return participant.last_read_seq
