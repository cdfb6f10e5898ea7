from django.urls import path

from . import views

urlpatterns = [
    path("", views.account_settings, name="account_settings"),
    path("consents/", views.consent_change, name="privacy_consent_change"),
    path("notice/", views.notice_review, name="privacy_notice_review"),
    path("data/", views.export_request, name="privacy_export_request"),
    path("data/<int:pk>/archive.zip", views.export_download, name="privacy_export_download"),
    path("audit/", views.audit_log, name="privacy_audit_log"),
    path("audit/audit-log.csv", views.audit_log_csv, name="privacy_audit_log_csv"),
    path("retention/", views.retention_schedule, name="privacy_retention"),
]
