"""The websocket answer to a path no route serves: a clean close, never a server error."""

from channels.generic.websocket import AsyncWebsocketConsumer

CLOSE_NOT_FOUND = 4404


class NotFoundConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        await self.close(code=CLOSE_NOT_FOUND)
