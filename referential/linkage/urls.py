from django.urls import path

from . import views

app_name = "linkage"

urlpatterns = [
    path("", views.home, name="home"),
    path("review/", views.review_queue, name="review"),
    path("review/<int:pk>/", views.pair_detail, name="pair"),
    path("golden/", views.golden_list, name="golden_list"),
    path("golden/records.csv", views.golden_records_csv, name="golden_records_csv"),
    path("golden/<int:pk>/", views.golden_detail, name="golden"),
    path("golden/<int:pk>/export.json", views.golden_export, name="golden_export"),
    path("me/", views.member_record, name="mine"),
    path("me/claim/", views.member_claim, name="claim"),
]
