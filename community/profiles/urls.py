from django.urls import path

from . import views

app_name = "profiles"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("projects/", views.project_directory, name="projects"),
    path("relay/", views.relay, name="relay"),
    path("relay/contact/", views.relay_contact, name="relay_contact"),
    path("me/", views.profile_edit, name="edit"),
    path("me/projects/add/", views.project_edit, name="project_add"),
    path("me/projects/<int:pk>/edit/", views.project_edit, name="project_edit"),
    path("me/projects/<int:pk>/delete/", views.project_remove, name="project_delete"),
    path("me/data/", views.data_export, name="export"),
    path("me/delete/", views.account_delete, name="account_delete"),
    path("<int:pk>/", views.profile_detail, name="detail"),
    path("<int:pk>/photo/", views.profile_photo, name="photo"),
]
