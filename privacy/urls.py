from django.urls import path

from . import views

urlpatterns = [
    path("", views.account_settings, name="account_settings"),
    path("consents/", views.consent_change, name="privacy_consent_change"),
]
