from django.urls import path

from . import views
from .feeds import SpacePostsFeed

app_name = "spaces"
urlpatterns = [
    path("", views.space_list, name="list"),
    path("search/", views.search, name="search"),
    path("feeds/", views.feed_settings, name="feed_settings"),
    path("feeds/<str:token>/<slug:slug>/", SpacePostsFeed(), name="feed"),
    path("charters/<int:version_id>/accept/", views.charter_accept, name="charter_accept"),
    path("api/spaces/<slug:slug>/posts/", views.api_space_posts, name="api_posts"),
    path("<slug:slug>/", views.space_detail, name="detail"),
    path("<slug:slug>/posts/<int:post_id>/", views.post_detail, name="post"),
    path("<slug:slug>/posts/<int:post_id>/hide/", views.post_hide, name="post_hide"),
    path("<slug:slug>/comments/<int:comment_id>/hide/", views.comment_hide, name="comment_hide"),
    path("<slug:slug>/documents/", views.document_upload, name="document_upload"),
    path("<slug:slug>/documents/<int:document_id>/", views.document_download, name="document"),
    path("<slug:slug>/members/", views.space_members, name="members"),
    path("<slug:slug>/members.csv", views.space_members_export, name="members_export"),
]
