"""Live posts of a space over a websocket. The gate is asked at connection AND before every event."""

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from core.metrics import WEBSOCKET_CONNECTIONS

from .models import Post, Space
from .permissions import space_access
from .serializers import post_data
from .services import space_group_name

CLOSE_FORBIDDEN = 4403


@database_sync_to_async
def _space_if_allowed(user, slug):
    space = (
        Space.objects.filter(slug=slug).prefetch_related("required_labels").select_related("charter").first()
    )
    if space is None or not space_access(user, space).allowed:
        return None
    return space.id


@database_sync_to_async
def _post_if_allowed(user, space_id, post_id):
    """(still allowed, the post's data or None if hidden or gone)."""
    space = Space.objects.prefetch_related("required_labels").select_related("charter").get(pk=space_id)
    if not space_access(user, space).allowed:
        return False, None
    post = Post.objects.visible().filter(pk=post_id, space_id=space_id).select_related("author").first()
    return True, (post_data(post) if post else None)


class SpacePostsConsumer(AsyncJsonWebsocketConsumer):
    space_id = None

    async def connect(self):
        user = self.scope.get("user")
        slug = self.scope["url_route"]["kwargs"]["slug"]
        self.space_id = await _space_if_allowed(user, slug)
        if self.space_id is None:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        await self.channel_layer.group_add(space_group_name(self.space_id), self.channel_name)
        await self.accept()
        WEBSOCKET_CONNECTIONS.inc()

    async def disconnect(self, code):
        if self.space_id is not None:
            await self.channel_layer.group_discard(space_group_name(self.space_id), self.channel_name)
            self.space_id = None
            WEBSOCKET_CONNECTIONS.dec()

    async def receive_json(self, content, **kwargs):
        """Clients only listen; posting goes through the page or the API, where forms validate."""

    async def space_post(self, event):
        allowed, data = await _post_if_allowed(self.scope.get("user"), self.space_id, event["post_id"])
        if not allowed:
            await self.channel_layer.group_discard(space_group_name(self.space_id), self.channel_name)
            self.space_id = None
            await self.close(code=CLOSE_FORBIDDEN)
            return
        if data is not None:
            await self.send_json({"type": "post", "post": data})
