"""The websocket column of the object authorization harness (see test_object_authorization.py).

Every websocket route of the site (kafaat.routing) is opened with its parameters pointing at the
planted world's forbidden objects, by every persona; then a new message and a new post carrying the
marker are written there. The socket must refuse the persona, or deliver nothing with the marker.
Each persona that got a socket also writes through it (every frame kind a consumer of the site reads:
send, sync, read receipts): nothing it sends may be stored or mark anything read.
An unknown path closes cleanly (finding 6), never a server error.
"""

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from django.conf import settings
from django.test import Client

from community.messaging import services as messaging
from community.messaging.models import Conversation, Message, Participant
from community.spaces import services as spaces
from community.spaces.models import Space

from .urlmap import _segment_options
from .world import ID, MARKER, PERSONAS, plant

pytestmark = pytest.mark.django_db(transaction=True)

PROBE = "websocket write probe"
# Every frame a consumer of the site reads, pointed at the forbidden conversation's history.
WRITES = [
    {"type": "send", "body": PROBE, "client_id": "probe"},
    {"type": "sync", "after": 0},
    {"type": "sync", "after": 1, "since": "2020-01-01T00:00:00+00:00"},
    {"type": "read", "seq": 10**6},
]
# Route strings that cannot be exercised, with the reason (the catch-all is tested on its own below).
NOT_EXERCISED = {"": "the catch-all that closes unknown paths: test_an_unknown_path_closes_cleanly"}


def _routes():
    from kafaat.routing import websocket_urlpatterns

    return websocket_urlpatterns


def _cookie(user):
    if user is None:
        return []
    client = Client()
    client.force_login(user)
    return [
        (
            b"cookie",
            f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}".encode(),
        )
    ]


def _write_marker_everywhere(victim_id):
    conversation = Conversation.objects.get(pk=ID)
    sender = conversation.participants.get(user_id=victim_id).user
    messaging.message_send(sender=sender, conversation=conversation, body=f"{MARKER} live")
    spaces.post_create(author=None, space=Space.objects.get(pk=ID), title=f"{MARKER} live", body="now")


def _read_positions(world):
    persona_ids = [user.pk for user in world["personas"].values() if user is not None]
    rows = Participant.objects.filter(user_id__in=persona_ids).values_list(
        "conversation_id", "user_id", "last_read_seq"
    )
    return sorted(rows)


def _exchange(path, headers, victim_id):
    from kafaat.asgi import application

    async def scenario():
        communicator = WebsocketCommunicator(
            application, path, headers=[(b"origin", b"http://testserver"), *headers]
        )
        connected, _code = await communicator.connect()
        received = []
        if connected:
            for frame in WRITES:
                await communicator.send_json_to(frame)
            # The consumer has answered (or ignored) the probes before the marker is written: on the
            # embedded test database (SQLite in memory, shared cache) two writers at once fail at once
            # with "table is locked" instead of waiting, as a file database in WAL mode would.
            while not await communicator.receive_nothing(timeout=0.3):
                received.append(await communicator.receive_from())
            await database_sync_to_async(_write_marker_everywhere)(victim_id)
            while not await communicator.receive_nothing(timeout=0.3):
                received.append(await communicator.receive_from())
        await communicator.disconnect()
        return connected, received

    return async_to_sync(scenario)()


def test_no_persona_reads_the_marker_on_any_websocket_route(capsys):
    world = plant()
    facts = {"content_types": world["content_types"], "session_key": ""}
    victim_id = ID
    covered, found = [], []
    read_before = _read_positions(world)
    for route in _routes():
        key = str(route.pattern)
        if key in NOT_EXERCISED:
            continue
        paths = ["/" + path for path in _segment_options(route, "fr", facts)]
        assert paths, f"websocket route {key!r} could not be filled and is not listed"
        covered.append(key)
        for persona in PERSONAS:
            headers = _cookie(world["personas"][persona])
            for path in paths:
                _connected, received = _exchange(path, headers, victim_id)
                if any(MARKER.lower() in str(frame).lower() for frame in received):
                    found.append((persona, path))
    with capsys.disabled():
        print(
            f"\nwebsocket harness: {len(_routes())} routes, {len(covered)} exercised "
            f"as {len(PERSONAS)} personas"
        )
    assert not found, found
    assert not Message.objects.filter(body__contains=PROBE).exists(), "a persona's frame was stored"
    assert _read_positions(world) == read_before, "a persona's read receipt moved a read position"


def test_the_write_probes_are_stored_for_a_member_who_may_write():
    """The control: the same frames, sent by the conversation's own participant, are acted on, so the
    harness's "nothing stored" means refused, not misunderstood."""
    plant()
    victim = Conversation.objects.get(pk=ID).participants.get(user_id=ID).user
    connected, received = _exchange(f"/ws/messages/{ID}/", _cookie(victim), ID)
    assert connected
    assert Message.objects.filter(conversation_id=ID, body=PROBE).count() == 1
    assert any('"type": "sent"' in frame and '"client_id": "probe"' in frame for frame in received)


def test_an_unknown_path_closes_cleanly():
    from kafaat.asgi import application

    async def scenario():
        communicator = WebsocketCommunicator(
            application, "/ws/nothing-here/", headers=[(b"origin", b"http://testserver")]
        )
        connected, code = await communicator.connect()
        await communicator.disconnect()
        return connected, code

    connected, code = async_to_sync(scenario)()
    assert not connected and code == 4404
