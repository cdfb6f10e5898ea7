from django.urls import path

from .consumers import SpacePostsConsumer

websocket_urlpatterns = [path("ws/spaces/<slug:slug>/", SpacePostsConsumer.as_asgi())]
