from django.urls import include, path

urlpatterns = [
    path("linkage/", include("referential.linkage.urls")),
]
