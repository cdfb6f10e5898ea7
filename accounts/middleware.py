import time

from allauth.account.internal.flows.login import get_authentication_records

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _

from .decorators import two_factor_setup_redirect
from .permissions import is_staff_member, second_factor_missing
from .second_factor import remember_session_records

STAFF_PATH_PREFIXES = ("/admin/", "/django-admin/")
# Leaving must always be possible, even before the second factor is set up.
STAFF_EXEMPT_PATHS = ("/admin/logout/", "/django-admin/logout/")
# Wagtail's and Django's own login forms ask for a password only: every sign-in goes through allauth,
# which asks for the second factor.
PASSWORD_ONLY_LOGINS = ("/admin/login/", "/django-admin/login/")


# Addresses without a language prefix that keep their own rule (the API reads ?lang= or Accept-Language).
OWN_LANGUAGE_PREFIXES = ("/api/",)


class UserLanguageMiddleware:
    """On addresses without a language prefix (the Wagtail and Django admins), a signed-in person's
    chosen language counts rather than the browser's: the redirects those pages send (to set up or use
    the second factor, to the privacy notice) then keep the person's /fr/ or /ar/ prefix instead of
    following an English browser to /en/. Must come after the locale and authentication middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        path = request.path_info
        language = (
            getattr(user, "preferred_language", "") if user is not None and user.is_authenticated else ""
        )
        if (
            language in dict(settings.LANGUAGES)
            and not translation.get_language_from_path(path)
            and not path.startswith(OWN_LANGUAGE_PREFIXES)
        ):
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)


class StaffTwoFactorMiddleware:
    """Staff must pass the second factor before they reach a staff tool.

    Hands the session's record of sign-in methods to the user object, where accounts.roles.user_roles
    reads it (staff roles count only after the second factor). Only the staff tools are gated here:
    the two-factor pages themselves, logout and the public site stay reachable, so the redirect
    cannot loop. Must come after the authentication and message middleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if path.startswith(PASSWORD_ONLY_LOGINS):
            target = request.GET.get("next", "")
            if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
                target = path.removesuffix("login/")
            return redirect(f"{reverse('account_login')}?{urlencode({'next': target})}")
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            remember_session_records(user, get_authentication_records(request, user))
        if (
            path.startswith(STAFF_PATH_PREFIXES)
            and not path.startswith(STAFF_EXEMPT_PATHS)
            and second_factor_missing(request.user)
        ):
            return two_factor_setup_redirect(request)
        return self.get_response(request)


IDLE_KEY = "kafaat_staff_last_seen"


class StaffIdleTimeoutMiddleware:
    """A staff session left idle longer than STAFF_SESSION_IDLE_SECONDS is signed out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and is_staff_member(user):
            now = time.time()
            last = request.session.get(IDLE_KEY)
            if last is not None and now - last > settings.STAFF_SESSION_IDLE_SECONDS:
                logout(request)
                messages.info(request, _("You were signed out after a period without activity."))
                return redirect(f"{reverse('account_login')}?{urlencode({'next': request.get_full_path()})}")
            request.session[IDLE_KEY] = now
        return self.get_response(request)
