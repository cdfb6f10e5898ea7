"""The conversation socket through the full ASGI application (origin, session, gates, catch-up)."""

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from django.conf import settings
from django.test import Client
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.roles import MODERATOR
from community.groups.factories import MembershipFactory
from community.labels.models import LabelGrant
from community.messaging import services
from community.messaging.models import Message
from community.moderation import services as moderation
from community.moderation.factories import BlockFactory
from community.spaces.factories import LabelFactory, SpaceFactory, label_grant

pytestmark = pytest.mark.django_db(transaction=True)


def _cookie(user):
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}".encode()


def _communicator(conversation, cookie=None, origin=b"http://testserver", lang="fr"):
    """``cookie``: from ``_cookie(user)``, computed outside the event loop (it uses the ORM)."""
    from kafaat.asgi import application

    headers = [(b"origin", origin)] + ([(b"cookie", cookie)] if cookie else [])
    return WebsocketCommunicator(application, f"/ws/messages/{conversation.pk}/?lang={lang}", headers=headers)


@pytest.fixture
def pair():
    amina = UserFactory(first_name="Amina", last_name="Idrissi")
    karim = UserFactory(first_name="Karim", last_name="Benali")
    return amina, karim, services.direct_conversation_open(initiator=amina, other=karim, text="Salam")


def _connects(communicator):
    async def scenario():
        connected, _code = await communicator.connect()
        if connected:
            await communicator.disconnect()
        return connected

    return async_to_sync(scenario)()


def test_anonymous_foreign_origin_and_outsiders_are_refused(pair):
    amina, karim, conversation = pair
    assert not _connects(_communicator(conversation))
    assert not _connects(_communicator(conversation, _cookie(karim), origin=b"https://evil.example"))
    assert not _connects(_communicator(conversation, _cookie(UserFactory())))
    assert _connects(_communicator(conversation, _cookie(karim)))


def test_live_delivery_catch_up_in_order_without_duplicates(pair, settings):
    settings.MESSAGING_RATE_LIMIT = (100, 60)
    amina, karim, conversation = pair
    a_cookie, k_cookie = _cookie(amina), _cookie(karim)

    async def scenario():
        alice, bob = _communicator(conversation, a_cookie), _communicator(conversation, k_cookie)
        assert (await alice.connect())[0] and (await bob.connect())[0]
        await bob.send_json_to({"type": "sync", "after": 0})
        caught_up = await bob.receive_json_from(timeout=3)
        await alice.send_json_to({"type": "send", "body": "live one", "client_id": "x1"})
        events = [await alice.receive_json_from(timeout=3) for _ in range(2)]
        live = await bob.receive_json_from(timeout=3)
        # Bob drops; two messages are written while he is away; he comes back with the last he saw.
        await bob.disconnect()
        for body in ("while away 1", "while away 2"):
            await database_sync_to_async(services.message_send)(
                sender=amina, conversation=conversation, body=body
            )
        back = _communicator(conversation, k_cookie)
        assert (await back.connect())[0]
        await back.send_json_to({"type": "sync", "after": live["message"]["seq"]})
        missed = await back.receive_json_from(timeout=3)
        nothing = await back.receive_nothing(timeout=0.3)
        await back.disconnect()
        await alice.disconnect()
        return caught_up, events, live, missed, nothing

    caught_up, events, live, missed, nothing = async_to_sync(scenario)()
    assert [m["body"] for m in caught_up["messages"]] == ["Salam"]
    assert {e["type"] for e in events} == {"sent", "message"}
    assert live["type"] == "message" and live["message"]["body"] == "live one" and live["message"]["seq"] == 2
    assert [(m["seq"], m["body"]) for m in missed["messages"]] == [(3, "while away 1"), (4, "while away 2")]
    assert missed["complete"] and nothing
    assert Message.objects.filter(conversation=conversation).count() == 4


def test_edits_and_deletions_made_while_away_come_with_the_sync(pair):
    amina, karim, conversation = pair
    kept = services.message_send(sender=amina, conversation=conversation, body="Rendez-vous à 18 h")
    dropped = services.message_send(sender=amina, conversation=conversation, body="Erreur")
    untouched_since = timezone.now()
    # Karim's page saw everything up to now; then he goes away and Amina changes two messages.
    services.message_edit(user=amina, message=kept, body="Rendez-vous à 19 h")
    services.message_delete(user=amina, message=dropped)
    k_cookie = _cookie(karim)

    async def scenario(since):
        back = _communicator(conversation, k_cookie)
        assert (await back.connect())[0]
        await back.send_json_to({"type": "sync", "after": dropped.seq, "since": since.isoformat()})
        replies = [await back.receive_json_from(timeout=3)]
        while not await back.receive_nothing(timeout=0.5):
            replies.append(await back.receive_json_from(timeout=1))
        await back.disconnect()
        return replies

    changed, new = async_to_sync(scenario)(untouched_since)
    assert [(m["seq"], m["body"], m["edited"], m["deleted"]) for m in changed["messages"]] == [
        (kept.seq, "Rendez-vous à 19 h", True, False),
        (dropped.seq, "", False, True),
    ]
    assert new["messages"] == []  # nothing new after the last message the page held
    # No change after that moment: only the (empty) catch-up comes.
    assert [reply["messages"] for reply in async_to_sync(scenario)(timezone.now())] == [[]]


def test_a_message_hidden_by_a_moderator_is_removed_from_open_pages_at_once(pair):
    amina, karim, conversation = pair
    message = services.message_send(sender=amina, conversation=conversation, body="Achetez ici")
    moderator = UserFactory(roles=[MODERATOR], two_factor=True)
    k_cookie = _cookie(karim)

    async def scenario():
        bob = _communicator(conversation, k_cookie)
        assert (await bob.connect())[0]
        await database_sync_to_async(moderation.moderation_hide)(
            moderator=moderator, target=message, reason="Publicité"
        )
        event = await bob.receive_json_from(timeout=3)
        await bob.disconnect()
        return event

    event = async_to_sync(scenario)()
    assert event["type"] == "update"
    assert event["message"]["seq"] == message.seq
    assert event["message"]["hidden"] is True and event["message"]["body"] == ""


def test_script_body_travels_as_plain_text(pair):
    amina, karim, conversation = pair
    body = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    k_cookie = _cookie(karim)

    async def scenario():
        bob = _communicator(conversation, k_cookie)
        assert (await bob.connect())[0]
        await database_sync_to_async(services.message_send)(
            sender=amina, conversation=conversation, body=body
        )
        event = await bob.receive_json_from(timeout=3)
        await bob.disconnect()
        return event

    event = async_to_sync(scenario)()
    # The payload carries the text as a JSON string, untouched; the client puts it in text nodes only.
    assert event["message"]["body"] == body
    assert set(event["message"]) >= {"seq", "body", "sender", "deleted"} and "html" not in event["message"]


def test_errors_are_translated_and_blocks_cut_the_socket(pair, settings):
    settings.MESSAGING_RATE_LIMIT = (1, 60)
    amina, karim, conversation = pair
    k_cookie = _cookie(karim)

    async def scenario():
        bob = _communicator(conversation, k_cookie, lang="ar")
        assert (await bob.connect())[0]
        await bob.send_json_to({"type": "send", "body": "x" * 4001, "client_id": "long"})
        too_long = await bob.receive_json_from(timeout=3)
        await bob.send_json_to({"type": "send", "body": "one", "client_id": "a"})
        first = [await bob.receive_json_from(timeout=3) for _ in range(2)]
        await bob.send_json_to({"type": "send", "body": "two", "client_id": "b"})
        limited = await bob.receive_json_from(timeout=3)
        await database_sync_to_async(BlockFactory)(blocker=amina, blocked=karim)
        settings.MESSAGING_RATE_LIMIT = (100, 60)
        await bob.send_json_to({"type": "send", "body": "three", "client_id": "c"})
        blocked = await bob.receive_json_from(timeout=3)
        closed = await bob.receive_output(timeout=3)
        return too_long, first, limited, blocked, closed

    too_long, first, limited, blocked, closed = async_to_sync(scenario)()
    assert too_long["type"] == "error" and too_long["client_id"] == "long" and "4000" in too_long["message"]
    assert {e["type"] for e in first} == {"sent", "message"}
    assert limited["type"] == "error" and limited["client_id"] == "b"
    assert any("\u0600" <= ch <= "\u06ff" for ch in limited["message"])  # in Arabic, as the page asked
    assert blocked["type"] == "error"
    assert closed["type"] == "websocket.close" and closed["code"] == 4403
    assert list(Message.objects.values_list("body", flat=True).order_by("seq")) == ["Salam", "one"]


def test_a_revoked_label_cuts_a_space_member_off_at_the_next_message():
    label = LabelFactory(slug="verified-competence")
    space = SpaceFactory(slug="investors", labels=[label])
    member, other = UserFactory(), UserFactory()
    label_grant(member, label)
    label_grant(other, label)
    conversation = services.space_conversation(space)

    def revoke():
        LabelGrant.objects.filter(user=member).update(ended_at=timezone.now(), end_reason="revoked")

    m_cookie = _cookie(member)

    async def scenario():
        socket = _communicator(conversation, m_cookie)
        assert (await socket.connect())[0]
        await database_sync_to_async(services.message_send)(
            sender=other, conversation=conversation, body="First"
        )
        first = await socket.receive_json_from(timeout=3)
        await database_sync_to_async(revoke)()
        await database_sync_to_async(services.message_send)(
            sender=other, conversation=conversation, body="Second"
        )
        after = await socket.receive_output(timeout=3)
        nothing = await socket.receive_nothing(timeout=0.3)
        return first, after, nothing

    first, after, nothing = async_to_sync(scenario)()
    assert first["message"]["body"] == "First"
    assert after["type"] == "websocket.close" and after["code"] == 4403  # "Second" never reached the socket
    assert nothing


def test_leaving_a_group_cuts_the_socket_at_the_next_message():
    membership = MembershipFactory()
    other = MembershipFactory(group=membership.group)
    conversation = services.group_conversation(membership.group)

    def leave():
        membership.delete()

    m_cookie = _cookie(membership.user)

    async def scenario():
        socket = _communicator(conversation, m_cookie)
        assert (await socket.connect())[0]
        await database_sync_to_async(leave)()
        await database_sync_to_async(services.message_send)(
            sender=other.user, conversation=conversation, body="After you left"
        )
        return await socket.receive_output(timeout=3)

    closed = async_to_sync(scenario)()
    assert closed["type"] == "websocket.close" and closed["code"] == 4403


def test_read_receipts_reach_the_other_side(pair):
    amina, karim, conversation = pair
    a_cookie, k_cookie = _cookie(amina), _cookie(karim)

    async def scenario():
        alice, bob = _communicator(conversation, a_cookie), _communicator(conversation, k_cookie)
        assert (await alice.connect())[0] and (await bob.connect())[0]
        await bob.send_json_to({"type": "read", "seq": 1})
        receipt = await alice.receive_json_from(timeout=3)
        await alice.disconnect()
        await bob.disconnect()
        return receipt

    receipt = async_to_sync(scenario)()
    assert receipt == {"type": "receipt", "user_id": karim.pk, "seq": 1}
