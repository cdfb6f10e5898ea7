from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from allauth.mfa.utils import is_mfa_enabled

from .roles import is_staff_role

STAFF_PATH_PREFIXES = ("/admin/", "/django-admin/")


class StaffTwoFactorMiddleware:
    """Staff must set up two-factor authentication before they reach a staff tool."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            request.path.startswith(STAFF_PATH_PREFIXES)
            and user.is_authenticated
            and is_staff_role(user)
            and not is_mfa_enabled(user)
        ):
            messages.warning(request, _("Set up two-factor authentication before using the staff tools."))
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
