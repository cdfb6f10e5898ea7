"""The embedded set-up's channel layer: channels' in-memory layer, with its expiry sweep bounded.

The stock layer walks every channel and every group membership on each receive and group_send, to
drop expired messages (60 s old) and memberships (a day old). A socket calls receive again after each
event it gets, so with 500 sockets and ten deliveries per message that walk took a quarter of the
server's time (bench/messaging.py, profiled with py-spy). Here the walk runs at most once a second:
an expired message or membership goes at most a second later than it would have.
"""

import time
from contextlib import suppress

from channels.exceptions import ChannelFull
from channels.layers import InMemoryChannelLayer as StockInMemoryChannelLayer


class InMemoryChannelLayer(StockInMemoryChannelLayer):
    sweep_interval = 1.0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._swept_at = float("-inf")

    def _clean_expired(self):
        now = time.monotonic()
        if now - self._swept_at < self.sweep_interval:
            return
        self._swept_at = now
        super()._clean_expired()

    async def flush(self):
        await super().flush()
        self._swept_at = float("-inf")

    async def group_send(self, group, message):
        """As the stock method, without a task per member: each send only puts on a queue."""
        if not isinstance(message, dict):
            raise TypeError("Message is not a dict")
        self.require_valid_group_name(group)
        self._clean_expired()
        for channel in list(self.groups.get(group, {})):
            with suppress(ChannelFull):  # as the stock layer: a full socket misses it, the others get it
                await self.send(channel, message)
