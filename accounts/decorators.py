"""View decorators for staff tools, wherever they live (Wagtail admin, moderation queues, relay views)."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .permissions import two_factor_required


def two_factor_setup_redirect(request):
    """Send a staff member without a second factor to set one up, saying why."""
    messages.warning(request, _("Set up two-factor authentication before using the staff tools."))
    return redirect("mfa_activate_totp")


def staff_tool(may_use):
    """Login, then two factors for staff, then ``may_use(user)`` or 403."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(request, *args, **kwargs):
            if two_factor_required(request.user):
                return two_factor_setup_redirect(request)
            if not may_use(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
