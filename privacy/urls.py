from django.urls import path

from . import views

urlpatterns = [
    path("", views.account_settings, name="account_settings"),
    path("consents/", views.consent_change, name="privacy_consent_change"),
    path("notice/", views.notice_review, name="privacy_notice_review"),
    path("retention/", views.retention_schedule, name="privacy_retention"),
]
