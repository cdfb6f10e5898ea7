"""View decorators for staff tools, wherever they live (Wagtail admin, moderation queues, relay views)."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .permissions import second_factor_missing, two_factor_required


def two_factor_setup_redirect(request):
    """Send a staff member without a second factor to set one up, or to use it, saying why."""
    if not two_factor_required(request.user):
        # Set up, but this session signed in without it: confirm with a code, then come back.
        messages.warning(request, _("Confirm with your authenticator code before using the staff tools."))
        query = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse('mfa_reauthenticate')}?{query}")
    messages.warning(request, _("Set up two-factor authentication before using the staff tools."))
    return redirect("mfa_activate_totp")


def staff_tool(may_use):
    """Login, then two factors for staff, then ``may_use(user)`` or 403."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(request, *args, **kwargs):
            if second_factor_missing(request.user):
                return two_factor_setup_redirect(request)
            if not may_use(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
