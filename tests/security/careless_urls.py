"""The site's URLs plus careless POST views, to show that the POST harness catches what they do."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from community.profiles.models import Project
from kafaat.urls import handler404, handler500  # noqa: F401
from kafaat.urls import urlpatterns as site_urlpatterns


@csrf_exempt
def careless_rename(request, pk):
    """Renames any project by id, whoever asks: a planted row changes."""
    if request.method == "POST":
        Project.objects.filter(pk=pk).update(title=request.POST.get("title", "renamed"))
    return HttpResponse("ok")


@csrf_exempt
def careless_signup(request):
    """Creates an account for any visitor's POST: a row a visitor may not create."""
    if request.method == "POST":
        get_user_model().objects.get_or_create(email="careless@example.org")
    return HttpResponse("ok")


# Before the site's own: Wagtail's page catch-all would take the path first.
urlpatterns = [
    *i18n_patterns(
        path("careless/<int:pk>/rename/", careless_rename, name="careless_rename"),
        path("careless/join/", careless_signup, name="careless_join"),
    ),
    *site_urlpatterns,
]
