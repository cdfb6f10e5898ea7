from django.urls import include, path

urlpatterns = [
    path("segments/", include("matching.segmentation.urls")),
]
