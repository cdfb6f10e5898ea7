from django.urls import path

from . import views

app_name = "segmentation"
urlpatterns = [
    path("", views.segment_list, name="list"),
    path("new/", views.builder, name="builder"),
    path("count/", views.count, name="count"),
    path("relays/", views.relays, name="relays"),
    path("exports/", views.export_log, name="export_log"),
    path("<int:pk>/", views.segment_detail, name="detail"),
    path("<int:pk>/refresh/", views.refresh, name="refresh"),
    path("<int:pk>/export/<str:kind>/", views.export, name="export"),
    path("<int:pk>/delete/", views.delete, name="delete"),
]
