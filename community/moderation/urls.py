from django.urls import path

from . import views

app_name = "moderation"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("report/<int:content_type_id>/<str:object_id>/", views.report_create, name="report"),
    path("review/<int:content_type_id>/<str:object_id>/", views.target_review, name="review"),
    path("blocks/", views.blocks, name="blocks"),
    path("block/<int:user_id>/", views.block_create, name="block"),
    path("block/<int:user_id>/undo/", views.block_delete, name="unblock"),
]
