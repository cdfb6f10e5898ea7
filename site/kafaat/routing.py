"""Websocket routes, gathered from the apps that serve them."""

from community.messaging.routing import websocket_urlpatterns as messaging_websocket_urlpatterns
from community.spaces.routing import websocket_urlpatterns as spaces_websocket_urlpatterns

websocket_urlpatterns = [*spaces_websocket_urlpatterns, *messaging_websocket_urlpatterns]
