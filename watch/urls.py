from django.urls import path

from . import views

app_name = "watch"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("links/<int:pk>/", views.link_detail, name="link"),
    path("people/<str:person_id>/", views.timeline, name="timeline"),
    path("sources/", views.sources, name="sources"),
    path("candidates/", views.candidates, name="candidates"),
    path("alerts/", views.subscriptions, name="subscriptions"),
    path("alerts/<int:pk>/delete/", views.subscription_delete, name="subscription_delete"),
]
