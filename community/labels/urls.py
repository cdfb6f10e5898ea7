from django.urls import path

from . import views

app_name = "labels"
urlpatterns = [
    path("", views.label_list, name="list"),
    path("apply/<slug:slug>/", views.label_apply, name="apply"),
    path("mine/", views.labels_mine, name="mine"),
    path("applications/<int:pk>/withdraw/", views.application_withdraw, name="withdraw"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence"),
    path("moderation/", views.moderation_queue, name="moderation"),
    path("moderation/applications/<int:pk>/", views.application_review, name="review"),
    path("moderation/grants/<int:pk>/revoke/", views.grant_revoke, name="revoke"),
]
