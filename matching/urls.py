from django.urls import path

from . import views

app_name = "matching"
urlpatterns = [
    path("", views.hub, name="hub"),
    path("me/", views.profile_suggestions, name="mine"),
    path("projects/<int:pk>/", views.project_suggestions, name="project"),
    path("taxonomy/unknown/", views.taxonomy_queue, name="taxonomy_queue"),
    path("decide/<int:project_pk>/<int:profile_pk>/", views.decide, name="decide"),
]
