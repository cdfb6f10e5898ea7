"""One websocket per open conversation page: /ws/messages/<conversation id>/.

The socket is refused without a session (and, before us, by the origin check in asgi.py). The
permission is asked at connection and again for every message that goes out (the fan-out carries
the readers allowed at that moment), so a member who left the group or lost a label is cut off at
the next message. The client says which sequence number it
saw last ({"type": "sync", "after": n}) and gets what it missed in server order; live messages that
cross the sync carry their sequence number, so the client drops the duplicates.
"""

import threading
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import parse_qs

from channels.consumer import get_handler_name
from channels.db import DatabaseSyncToAsync
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connections
from django.utils import translation
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from core.metrics import WEBSOCKET_CONNECTIONS

from . import permissions, selectors, services
from .models import Conversation
from .serializers import message_data

CLOSE_FORBIDDEN = 4403


# Database work of the sockets runs in a pool of its own rather than in channels' single shared
# thread: each worker has its own connection, so conversations do not wait for each other's writes
# (the conversation row lock orders one conversation's messages). Bounded: at most this many
# connections per server process.
_DB_POOL = ThreadPoolExecutor(
    max_workers=getattr(settings, "MESSAGING_DB_THREADS", 16), thread_name_prefix="messaging-db"
)


def database_sync_to_async(function):
    return DatabaseSyncToAsync(function, thread_sensitive=False, executor=_DB_POOL)


def db_pool_close_connections() -> None:
    """Close the database connections the pool's threads hold (tests call it before dropping the
    test database). One task per thread, held at a barrier so that every thread takes exactly one."""
    workers = _DB_POOL._max_workers
    barrier = threading.Barrier(workers)

    def close():
        barrier.wait(timeout=10)
        connections.close_all()

    for future in [_DB_POOL.submit(close) for _worker in range(workers)]:
        future.result(timeout=20)


SYNC_BATCH = 200


def _language(scope, user) -> str:

    asked = parse_qs(scope.get("query_string", b"").decode()).get("lang", [""])[0]
    available = {code for code, _name in settings.LANGUAGES}
    if asked in available:
        return asked
    return getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE


@database_sync_to_async
def _conversation_if_allowed(user, conversation_id):
    conversation = Conversation.objects.select_related("group", "space").filter(pk=conversation_id).first()
    if conversation is None or not permissions.can_read(user, conversation):
        return None
    services.reader_row(user, conversation)  # so that readers_now() counts this member
    return conversation


@database_sync_to_async
def _missed(user, conversation, after):
    if not permissions.can_read(user, conversation):
        return None
    return [message_data(m) for m in selectors.messages_after(conversation.id, after, SYNC_BATCH)]


@database_sync_to_async
def _changed(user, conversation, since, through_seq):
    if not permissions.can_read(user, conversation):
        return None
    return [
        message_data(m) for m in selectors.messages_changed(conversation.id, since, through_seq, SYNC_BATCH)
    ]


@database_sync_to_async
def _send(user, conversation, body, language):
    """(sequence number, None) or (None, (error text, still allowed))."""
    with translation.override(language):
        try:
            message = services.message_send(sender=user, conversation=conversation, body=body)
        except PermissionDenied:
            return None, (_("You can no longer write in this conversation."), False)
        except ValidationError as error:
            return None, (error.messages[0], True)
        return message.seq, None


@database_sync_to_async
def _mark_read(user, conversation, seq):
    conversation.refresh_from_db(fields=["last_seq"])
    if permissions.can_read(user, conversation):
        services.conversation_mark_read(user=user, conversation=conversation, seq=seq)


def _moment(value):
    """An ISO 8601 moment the client echoes back (one the server sent it), or None."""

    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        moment = parse_datetime(value)
    except ValueError:
        return None
    return moment if moment is not None and moment.tzinfo is not None else None


def _int(value, default=0):
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return default


class ConversationConsumer(AsyncJsonWebsocketConsumer):
    conversation = None
    group_name = None

    async def dispatch(self, message):
        """Run the handler without channels' close_old_connections() hop before it.

        Channels makes that hop for every event of every socket, in the one thread shared by all
        thread-sensitive work of the process: with ten deliveries per message it serialised the whole
        fan-out. This consumer reaches the database only through _DB_POOL, whose calls close stale
        connections themselves (DatabaseSyncToAsync), so the hop bought nothing here.
        """
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def connect(self):
        user = self.scope.get("user")
        if not getattr(user, "is_authenticated", False):
            await self.close(code=CLOSE_FORBIDDEN)
            return
        conversation_id = self.scope["url_route"]["kwargs"]["conversation_id"]
        self.conversation = await _conversation_if_allowed(user, conversation_id)
        if self.conversation is None:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        self.language = _language(self.scope, user)
        self.group_name = services.conversation_group_name(self.conversation.id)
        # Join the fan-out BEFORE the client syncs: whatever commits meanwhile arrives live or in the sync.
        await self.channel_layer.group_add(self.group_name, self.channel_name)
        await self.accept()
        WEBSOCKET_CONNECTIONS.inc()

    async def disconnect(self, code):
        if self.group_name is not None:
            await self.channel_layer.group_discard(self.group_name, self.channel_name)
            self.group_name = None
            WEBSOCKET_CONNECTIONS.dec()

    async def _forbid(self):
        await self.disconnect(CLOSE_FORBIDDEN)
        await self.close(code=CLOSE_FORBIDDEN)

    async def receive_json(self, content, **kwargs):
        if self.group_name is None or not isinstance(content, dict):
            return
        kind = content.get("type")
        user = self.scope["user"]
        if kind == "sync":
            after = _int(content.get("after"))
            since = _moment(content.get("since"))
            if since is not None and after:
                changed = await _changed(user, self.conversation, since, after)
                if changed is None:
                    await self._forbid()
                    return
                if changed:
                    await self.send_json({"type": "messages", "messages": changed, "complete": False})
            while True:
                batch = await _missed(user, self.conversation, after)
                if batch is None:
                    await self._forbid()
                    return
                await self.send_json(
                    {"type": "messages", "messages": batch, "complete": len(batch) < SYNC_BATCH}
                )
                if len(batch) < SYNC_BATCH:
                    return
                after = batch[-1]["seq"]
        elif kind == "send":
            body = content.get("body")
            seq, error = await _send(
                user, self.conversation, body if isinstance(body, str) else "", self.language
            )
            client_id = str(content.get("client_id", ""))[:64]
            if error is None:
                await self.send_json({"type": "sent", "client_id": client_id, "seq": seq})
            else:
                text, still_allowed = error
                await self.send_json({"type": "error", "client_id": client_id, "message": text})
                if not still_allowed:
                    await self._forbid()
        elif kind == "read":
            await _mark_read(user, self.conversation, _int(content.get("seq")))

    async def conversation_event(self, event):
        """A message was sent, edited or deleted: deliver it only if this member may still read.

        ``readers`` was computed for this very message when it was fanned out (permissions.readers_now).
        """
        if self.scope["user"].pk not in event["readers"]:
            await self._forbid()
            return
        await self.send(text_data=event["text"])

    async def conversation_receipt(self, event):
        if self.scope["user"].pk not in event["readers"]:
            await self._forbid()
            return
        await self.send_json({"type": "receipt", "user_id": event["user_id"], "seq": event["seq"]})
