from django.urls import path

from . import views

app_name = "dashboard"

urlpatterns = [
    path("", views.index, name="index"),
    path("panel/<str:key>.csv", views.panel_csv, name="panel_csv"),
]
