"""Member-facing community routes, mounted under the language prefix."""

from django.urls import include, path

urlpatterns = [
    path("home/", include("community.home.urls")),
    path("members/", include("community.profiles.urls")),
    path("projects/", include("community.profiles.project_urls")),
    path("labels/", include("community.labels.urls")),
    path("spaces/", include("community.spaces.urls")),
    path("groups/", include("community.groups.urls")),
    path("moderation/", include("community.moderation.urls")),
    path("notifications/", include("community.notifications.urls")),
    path("messages/", include("community.messaging.urls")),
]
