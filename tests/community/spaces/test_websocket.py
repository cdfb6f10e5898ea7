"""Live posts through the full ASGI application: origin checked, gate re-asked at every event."""

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from django.conf import settings
from django.db import transaction
from django.test import Client
from django.utils import timezone

from community.labels.models import LabelGrant
from community.spaces import services

pytestmark = pytest.mark.django_db(transaction=True)


def _cookie(user):
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}".encode()


def _communicator(space, origin=b"http://testserver", cookie=None):
    from kafaat.asgi import application

    headers = [(b"origin", origin)] + ([(b"cookie", cookie)] if cookie else [])
    return WebsocketCommunicator(application, f"/ws/spaces/{space.slug}/", headers=headers)


def test_a_foreign_origin_is_refused_even_with_a_valid_session(gated, people):
    cookie = _cookie(people["labelled"])

    async def scenario():
        foreign = await _communicator(gated["space"], origin=b"https://evil.example", cookie=cookie).connect()
        ours = _communicator(gated["space"], cookie=cookie)
        same = await ours.connect()
        await ours.disconnect()
        return foreign[0], same[0]

    assert async_to_sync(scenario)() == (False, True)


def test_a_revoked_label_stops_the_stream_mid_connection(gated, people):
    space, member = gated["space"], people["labelled"]
    cookie = _cookie(member)

    def revoke():
        LabelGrant.objects.filter(user=member).update(ended_at=timezone.now(), end_reason="revoked")

    async def scenario():
        communicator = _communicator(space, cookie=cookie)
        assert (await communicator.connect())[0]
        await database_sync_to_async(services.post_create)(author=None, space=space, title="First", body="b")
        first = await communicator.receive_json_from(timeout=3)
        await database_sync_to_async(revoke)()
        await database_sync_to_async(services.post_create)(author=None, space=space, title="Second", body="b")
        after = await communicator.receive_output(timeout=3)
        return first, after, await communicator.receive_nothing(timeout=0.3)

    first, after, nothing_more = async_to_sync(scenario)()
    assert first["post"]["title"] == "First"
    assert after["type"] == "websocket.close"  # the "Second" post never reaches the socket
    assert nothing_more


def test_a_hidden_post_is_not_streamed(gated, people):
    space = gated["space"]
    cookie = _cookie(people["labelled"])

    def hidden_post():
        with transaction.atomic():
            post = services.post_create(author=None, space=space, title="Hidden", body="b")
            services.post_hide(post=post, by=people["moderator"])

    async def scenario():
        communicator = _communicator(space, cookie=cookie)
        assert (await communicator.connect())[0]
        await database_sync_to_async(hidden_post)()
        nothing = await communicator.receive_nothing(timeout=0.5)
        await communicator.disconnect()
        return nothing

    assert async_to_sync(scenario)()
