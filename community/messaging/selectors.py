"""Read queries: a member's conversations with their unread counts, history pages, missed messages."""

from django.db.models import Count, F, OuterRef, Q, Subquery
from django.utils.translation import gettext as _

from community.groups.models import Membership
from community.moderation.selectors import blocked_user_ids
from community.spaces.permissions import spaces_access
from core.names import display_name

from .models import Conversation, Message, Participant

_REQUEST_CACHE_ATTRIBUTE = "_unread_message_count"


def _unread_messages(user):
    return Message.objects.filter(deleted_at__isnull=True, hidden_at__isnull=True).exclude(sender=user)


def conversations_of(user) -> list[dict]:
    """Every conversation the member may read now, newest activity first, with its unread count.

    Private conversations: active participations. Group conversations: groups the member is an active
    member of (messages since joining count as unread until read). Space conversations: those the
    member opened, while the gate still lets them in.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    rows = {
        p.conversation_id: p
        for p in Participant.objects.filter(user=user, left_at__isnull=True).select_related(
            "conversation__group", "conversation__space"
        )
    }
    memberships = {
        m.group_id: m for m in Membership.objects.filter(user=user, status=Membership.Status.ACTIVE)
    }
    group_conversations = Conversation.objects.filter(group_id__in=memberships).select_related("group")
    # The space gate for every space conversation at once (the same rule as space_access).
    gates = spaces_access(
        user, [p.conversation.space for p in rows.values() if p.conversation.kind == Conversation.Kind.SPACE]
    )
    readable = {}
    for participant in rows.values():
        conversation = participant.conversation
        if conversation.kind == Conversation.Kind.GROUP and conversation.group_id not in memberships:
            continue
        is_space = conversation.kind == Conversation.Kind.SPACE
        if is_space and not gates[conversation.space_id].allowed:
            continue
        readable[conversation.id] = conversation
    for conversation in group_conversations:
        readable.setdefault(conversation.id, conversation)
    if not readable:
        return []
    counts = dict(
        _unread_messages(user)
        .filter(
            conversation__participants__user=user,
            conversation__participants__left_at__isnull=True,
            seq__gt=F("conversation__participants__last_read_seq"),
            conversation_id__in=[cid for cid in readable if cid in rows],
        )
        .values_list("conversation_id")
        .annotate(n=Count("id"))
    )
    unvisited_groups = [c for c in readable.values() if c.id not in rows]
    if unvisited_groups:
        condition = Q()
        for conversation in unvisited_groups:
            condition |= Q(
                conversation_id=conversation.id, created_at__gte=memberships[conversation.group_id].created_at
            )
        counts.update(
            dict(
                _unread_messages(user)
                .filter(condition)
                .values_list("conversation_id")
                .annotate(n=Count("id"))
            )
        )
    result = [
        {"conversation": c, "unread": counts.get(c.id, 0), "participant": rows.get(c.id)}
        for c in readable.values()
    ]
    result.sort(key=lambda row: _activity(row["conversation"]), reverse=True)
    return result


def _activity(conversation):
    return (conversation.last_message_at or conversation.created_at, conversation.id)


def others_in(user, conversation_ids) -> dict[int, list]:
    """The other current participants of each conversation (profiles loaded), in one query."""
    others = {}
    for participant in (
        Participant.objects.filter(conversation_id__in=list(conversation_ids), left_at__isnull=True)
        .exclude(user=user)
        .select_related("user__profile")
        .order_by("joined_at", "id")
    ):
        others.setdefault(participant.conversation_id, []).append(participant.user)
    return others


def title_as_seen(conversation, others) -> str:
    """A group's or space's name, the title of a multi conversation, else the other members' names."""
    if conversation.kind in (Conversation.Kind.GROUP, Conversation.Kind.SPACE):
        return str(conversation)
    if conversation.title:
        return conversation.title
    if not others:
        return _("Conversation")
    return ", ".join(str(display_name(u)) for u in others[:4])


def unread_total(user) -> int:
    return sum(row["unread"] for row in conversations_of(user))


def unread_total_for_request(request) -> int:
    """One computation per request, however many times the header asks."""
    if request is None:
        return 0
    if not hasattr(request, _REQUEST_CACHE_ATTRIBUTE):
        setattr(request, _REQUEST_CACHE_ATTRIBUTE, unread_total(getattr(request, "user", None)))
    return getattr(request, _REQUEST_CACHE_ATTRIBUTE)


def conversation_messages(conversation):
    return (
        Message.objects.filter(conversation=conversation)
        .select_related("sender__profile")
        .prefetch_related("attachments")
        .order_by("seq")
    )


def messages_after(conversation_id: int, after_seq: int, limit: int = 200) -> list[Message]:
    """What a reconnecting client missed, in server order."""
    return list(
        Message.objects.filter(conversation_id=conversation_id, seq__gt=after_seq)
        .select_related("sender__profile", "conversation")
        .prefetch_related("attachments")
        .order_by("seq")[:limit]
    )


def messages_changed(conversation_id: int, since, through_seq: int, limit: int = 200) -> list[Message]:
    """Messages up to ``through_seq`` edited, deleted or hidden after ``since`` (what a page that was
    away missed besides new messages), in server order."""

    return list(
        Message.objects.filter(conversation_id=conversation_id, seq__lte=through_seq)
        .filter(Q(edited_at__gt=since) | Q(deleted_at__gt=since) | Q(hidden_at__gt=since))
        .select_related("sender__profile", "conversation")
        .prefetch_related("attachments")
        .order_by("seq")[:limit]
    )


def active_participants(conversation):
    return (
        Participant.objects.filter(conversation=conversation, left_at__isnull=True)
        .select_related("user__profile")
        .order_by("joined_at", "id")
    )


def seen_by(conversation, seq: int, *, exclude_user=None):
    """Readers whose read position reached message ``seq``."""
    readers = Participant.objects.filter(conversation=conversation, last_read_seq__gte=seq).select_related(
        "user__profile"
    )
    if exclude_user is not None:
        readers = readers.exclude(user=exclude_user)
    return [p.user for p in readers]


def direct_other(user, conversation):
    if conversation.kind != Conversation.Kind.DIRECT:
        return None
    participant = (
        Participant.objects.filter(conversation=conversation)
        .exclude(user=user)
        .select_related("user__profile")
        .first()
    )
    return participant.user if participant else None


HOME_CONVERSATIONS = 5


def home_conversations(request, limit: int = HOME_CONVERSATIONS) -> dict:
    """The personal home's messages: the unread total (the header's number) and the latest
    conversations with their newest message, in a bounded number of queries whatever the history.

    A private conversation whose every other participant is blocked (either way) is left out, and no
    message of a blocked member is previewed."""
    user = request.user
    rows = conversations_of(user)
    setattr(request, _REQUEST_CACHE_ATTRIBUTE, sum(row["unread"] for row in rows))
    blocked = blocked_user_ids(user)
    candidates = rows[: limit * 3]
    ids = [row["conversation"].id for row in candidates]
    others = {}
    for participant in (
        Participant.objects.filter(conversation_id__in=ids, left_at__isnull=True)
        .exclude(user=user)
        .select_related("user__profile")
    ):
        others.setdefault(participant.conversation_id, []).append(participant.user)
    latest_ids = (
        Message.objects.filter(
            conversation_id=OuterRef("pk"), deleted_at__isnull=True, hidden_at__isnull=True
        )
        .exclude(sender_id__in=sorted(blocked))
        .order_by("-seq")
        .values("id")[:1]
    )
    latest = dict(
        Conversation.objects.filter(pk__in=ids)
        .annotate(latest=Subquery(latest_ids))
        .values_list("pk", "latest")
    )
    messages = Message.objects.select_related("sender__profile").in_bulk([m for m in latest.values() if m])
    shown = []
    for row in candidates:
        conversation = row["conversation"]
        people = others.get(conversation.id, [])
        private = conversation.kind not in (Conversation.Kind.GROUP, Conversation.Kind.SPACE)
        if private and people and all(person.pk in blocked for person in people):
            continue
        shown.append({**row, "others": people, "latest": messages.get(latest.get(conversation.id))})
        if len(shown) == limit:
            break
    return {"unread": getattr(request, _REQUEST_CACHE_ATTRIBUTE), "conversations": shown}
