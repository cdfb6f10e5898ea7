"""A project's own page, at /<lang>/community/projects/<id>/: the address a holder shares."""

from django.urls import path

from . import views

app_name = "projects"
urlpatterns = [
    path("<int:pk>/", views.project_detail, name="detail"),
]
