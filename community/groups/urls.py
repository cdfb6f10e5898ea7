from django.urls import path

from . import views

app_name = "groups"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("new/", views.group_create, name="create"),
    path("<slug:slug>/", views.group_detail, name="detail"),
    path("<slug:slug>/edit/", views.group_edit, name="edit"),
    path("<slug:slug>/join/", views.join, name="join"),
    path("<slug:slug>/leave/", views.leave, name="leave"),
    path("<slug:slug>/invite/", views.invite, name="invite"),
    path("<slug:slug>/invitation/", views.invitation_answer, name="invitation"),
    path(
        "<slug:slug>/memberships/<int:membership_id>/<str:action>/",
        views.membership_action,
        name="membership_action",
    ),
    path("<slug:slug>/posts/<int:post_id>/", views.post_detail, name="post"),
    path("<slug:slug>/posts/<int:post_id>/hide/", views.post_hide, name="post_hide"),
    path("<slug:slug>/comments/<int:comment_id>/hide/", views.comment_hide, name="comment_hide"),
]
