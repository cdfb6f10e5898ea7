"""The embedded channel layer: channels' in-memory layer with its expiry sweep at most once a second."""

import asyncio

from asgiref.sync import async_to_sync

from kafaat.layers import InMemoryChannelLayer


def test_group_send_reaches_every_member_and_a_full_socket_does_not_stop_the_others():
    async def scenario():
        layer = InMemoryChannelLayer(capacity=1)
        first, second = await layer.new_channel(), await layer.new_channel()
        for channel in (first, second):
            await layer.group_add("room", channel)
        await layer.send(first, {"type": "filler"})  # the first socket's queue is now full
        await layer.group_send("room", {"type": "chat", "text": "salam"})
        return await layer.receive(first), await layer.receive(second)

    to_first, to_second = async_to_sync(scenario)()
    assert to_first == {"type": "filler"}
    assert to_second == {"type": "chat", "text": "salam"}


def test_expired_messages_and_memberships_are_still_swept_within_the_interval():
    async def scenario():
        layer = InMemoryChannelLayer(expiry=0.05)
        layer.sweep_interval = 0.1
        stale, live = await layer.new_channel(), await layer.new_channel()
        await layer.group_add("room", stale)
        await layer.group_add("room", live)
        await layer.send(stale, {"type": "old"})  # never read: its socket is gone
        await asyncio.sleep(0.2)
        await layer.group_send("room", {"type": "chat"})  # sweeps first: the stale socket leaves the group
        received = await asyncio.wait_for(layer.receive(live), timeout=1)
        return received, set(layer.groups.get("room", {})), stale in layer.channels, live

    received, members, stale_queue_left, live = async_to_sync(scenario)()
    assert received == {"type": "chat"}
    assert members == {live}
    assert not stale_queue_left
