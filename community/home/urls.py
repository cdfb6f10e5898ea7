from django.urls import path

from . import views

app_name = "home"
urlpatterns = [
    path("", views.home, name="index"),
    path("welcome/", views.onboarding, name="onboarding"),
    path("welcome/<slug:step>/", views.onboarding_step, name="onboarding_step"),
]
