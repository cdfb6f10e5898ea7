"""The site's URLs plus one leaky view, to show that the harness covers a pattern nobody listed."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.urls import path

from kafaat.urls import handler404, handler500  # noqa: F401
from kafaat.urls import urlpatterns as site_urlpatterns


def leaky(request, pk):
    user = get_user_model().objects.filter(pk=pk).first()
    return HttpResponse(f"{user.first_name if user else ''}")


# Before the site's own: Wagtail's page catch-all would take the path first.
urlpatterns = [*i18n_patterns(path("leaky/<int:pk>/", leaky, name="leaky")), *site_urlpatterns]
