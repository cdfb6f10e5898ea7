from django.urls import path

from . import views

app_name = "outreach"

urlpatterns = [
    path("", views.campaign_list, name="list"),
    path("campaigns/<int:pk>/", views.campaign_detail, name="detail"),
    path("campaigns/<int:pk>/audience/", views.campaign_audience, name="audience"),
    path("campaigns/<int:pk>/test/", views.campaign_test, name="test"),
    path("campaigns/<int:pk>/submit/", views.campaign_submit, name="submit"),
    path("campaigns/<int:pk>/approve/", views.campaign_approve, name="approve"),
    path("campaigns/<int:pk>/start/", views.campaign_start, name="start"),
    path("campaigns/<int:pk>/cancel/", views.campaign_cancel, name="cancel"),
    path("campaigns/<int:pk>/results/", views.campaign_results, name="results"),
    path("campaigns/<int:pk>/results.csv", views.campaign_results_csv, name="results_csv"),
    path("campaigns/<int:pk>/recipients/", views.campaign_recipients, name="recipients"),
    path("campaigns/<int:pk>/recipients.csv", views.campaign_recipients_csv, name="recipients_csv"),
    path("suppression/", views.suppression, name="suppression"),
    path("suppression/<int:pk>/remove/", views.suppression_remove, name="suppression_remove"),
    path("messages/<int:pk>/", views.message, name="message"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("l/<str:token>/", views.click, name="click"),
    path("go/<str:token>/", views.go, name="go"),
    path("o/<str:token>/", views.opened, name="open"),
]
