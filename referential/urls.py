from django.urls import path

from . import views

app_name = "referential"
urlpatterns = [
    path("", views.home, name="home"),
    path("sources/new/", views.source_create, name="source_create"),
    path("sources/<int:pk>/", views.source_detail, name="source"),
    path("sources/<int:pk>/edit/", views.source_edit, name="source_edit"),
    path("imports/<int:pk>/", views.batch_detail, name="batch"),
    path("imports/<int:pk>/mapping/", views.batch_mapping, name="batch_mapping"),
    path("imports/<int:pk>/encoding/", views.batch_encoding, name="batch_encoding"),
    path("imports/<int:pk>/preview/", views.batch_preview, name="batch_preview"),
    path("imports/<int:pk>/commit/", views.batch_commit, name="batch_commit"),
    path("imports/<int:pk>/progress.json", views.batch_progress, name="batch_progress"),
    path("imports/<int:pk>/rejected.csv", views.batch_rejected_csv, name="batch_rejected_csv"),
    path("imports/<int:pk>/warnings.csv", views.batch_warnings_csv, name="batch_warnings_csv"),
    path("imports/<int:pk>/file/", views.batch_file, name="batch_file"),
    path("access-log/", views.access_log, name="access_log"),
]
