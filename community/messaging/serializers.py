"""The JSON a websocket client receives for a message. Text stays text: clients never parse it as HTML."""

from django.urls import reverse

from community.profiles.avatars import AVATAR_COLOURS, initial_of
from core.names import display_name


def _changed_at(message) -> str | None:
    moments = [m for m in (message.edited_at, message.deleted_at, message.hidden_at) if m is not None]
    return max(moments).isoformat() if moments else None


def message_data(message) -> dict:
    removed = message.is_removed
    sender = str(display_name(message.sender))
    return {
        "id": message.id,
        "seq": message.seq,
        "conversation": message.conversation_id,
        "sender_id": message.sender_id,
        "sender": sender,
        # The sender's initials avatar (the same for every reader; a photo depends on the reader, so the
        # page reuses the one it already shows for this sender, if any).
        "sender_initial": initial_of(sender),
        "sender_colour": (message.sender_id or 0) % len(AVATAR_COLOURS),
        "body": "" if removed else message.body,
        "created_at": message.created_at.isoformat(),
        "changed_at": _changed_at(message),
        "edited": message.edited_at is not None and not removed,
        "deleted": message.deleted_at is not None,
        "hidden": message.hidden_at is not None,
        "attachments": []
        if removed
        else [
            {"name": a.filename, "url": reverse("messaging:attachment", args=[a.pk])}
            for a in (
                message.new_attachments if hasattr(message, "new_attachments") else message.attachments.all()
            )
        ],
    }
