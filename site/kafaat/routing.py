"""Websocket routes, gathered from the apps that serve them."""

from django.urls import re_path

from community.messaging.routing import websocket_urlpatterns as messaging_websocket_urlpatterns
from community.spaces.routing import websocket_urlpatterns as spaces_websocket_urlpatterns
from core.consumers import NotFoundConsumer

# Last: any other path is closed cleanly (channels' router would raise, a 500 with a traceback).
websocket_urlpatterns = [
    *spaces_websocket_urlpatterns,
    *messaging_websocket_urlpatterns,
    re_path(r"", NotFoundConsumer.as_asgi()),
]
