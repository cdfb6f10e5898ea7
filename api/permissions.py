"""Who may hold which API token, and what a request may read. Every API surface asks this module."""

from allauth.mfa.utils import is_mfa_enabled
from rest_framework import permissions

from django.utils.translation import gettext_lazy as _

from accounts.permissions import has_staff_clearance, is_staff_member

from .models import ApiToken
from .scopes import ALL_SCOPES, MEMBER_SCOPES


def may_create_staff_tokens(user) -> bool:
    """Staff with a second factor set up, in a session that passed it (the creating request)."""
    return has_staff_clearance(user) and is_mfa_enabled(user)


def scopes_offered(user) -> tuple:
    if may_create_staff_tokens(user):
        return ALL_SCOPES
    return tuple(scope for scope in ALL_SCOPES if scope in MEMBER_SCOPES)


def token_still_valid(token: ApiToken) -> bool:
    """Live, its owner active, and a staff token only while its owner is staff with a second factor."""
    if not token.is_active() or not token.user.is_active:
        return False
    if token.is_staff_token:
        return is_staff_member(token.user) and is_mfa_enabled(token.user)
    return True


def token_may(request, scope: str) -> bool:
    """A token reads only what its scopes name; a web session is not limited by scopes."""
    token = getattr(request, "auth", None)
    if isinstance(token, ApiToken):
        return scope in token.scopes
    return True


class ScopeRequired(permissions.BasePermission):
    """The view's ``required_scope`` must be one of the token's scopes."""

    message = _("This API token does not have the scope this endpoint needs.")

    def has_permission(self, request, view):
        scope = getattr(view, "required_scope", None)
        return scope is None or token_may(request, scope)


class AppPermission(permissions.BasePermission):
    """The owning app's own permission function, the one its pages ask: ``view.may_read(user)``."""

    def has_permission(self, request, view):
        return bool(view.may_read(request.user))
