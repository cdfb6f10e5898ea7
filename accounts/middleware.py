from .decorators import two_factor_setup_redirect
from .permissions import two_factor_required

STAFF_PATH_PREFIXES = ("/admin/", "/django-admin/")
# Leaving must always be possible, even before the second factor is set up.
STAFF_EXEMPT_PATHS = ("/admin/logout/", "/django-admin/logout/")


class StaffTwoFactorMiddleware:
    """Staff must set up two-factor authentication before they reach a staff tool.

    Only the staff tools are gated: the two-factor pages themselves, logout and the public site stay
    reachable, so the redirect cannot loop. Must come after the authentication and message
    middleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if (
            path.startswith(STAFF_PATH_PREFIXES)
            and not path.startswith(STAFF_EXEMPT_PATHS)
            and two_factor_required(request.user)
        ):
            return two_factor_setup_redirect(request)
        return self.get_response(request)
