from django.urls import path

from . import views

app_name = "messaging"
urlpatterns = [
    path("", views.conversation_list, name="list"),
    path("new/", views.conversation_new, name="new"),
    path("with/<int:user_id>/", views.direct_open, name="direct"),
    path("groups/<slug:slug>/", views.group_open, name="group"),
    path("spaces/<slug:slug>/", views.space_open, name="space"),
    path("<int:pk>/", views.conversation_detail, name="conversation"),
    path("<int:pk>/leave/", views.conversation_leave, name="leave"),
    path("<int:pk>/messages/<int:seq>/edit/", views.message_edit, name="edit"),
    path("<int:pk>/messages/<int:seq>/delete/", views.message_delete, name="delete"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment"),
]
