"""Who may do what with accounts. Every surface (view, middleware, API) asks this module."""

from allauth.mfa.utils import is_mfa_enabled

from .roles import STAFF_ROLES, held_roles, user_roles
from .second_factor import second_factor_passed


def is_staff_member(user) -> bool:
    """Holds a staff role (relay, editor, moderator, analyst, admin) or Django's staff flag."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_staff or user.is_superuser or bool(held_roles(user) & STAFF_ROLES)


def two_factor_required(user) -> bool:
    """Staff must set up two-factor authentication before they reach a staff tool."""
    return is_staff_member(user) and not is_mfa_enabled(user)


def second_factor_missing(user) -> bool:
    """Staff whose session has not passed the second factor (not set up, or not used at sign-in)."""
    return is_staff_member(user) and not second_factor_passed(user)


def has_staff_clearance(user) -> bool:
    """Staff whose session passed the second factor: the only sessions staff-level data is shown to."""
    return is_staff_member(user) and second_factor_passed(user)


def staff_roles(user) -> set:
    """The staff roles that count now (empty before the second factor): see accounts.roles.user_roles."""
    return user_roles(user) & STAFF_ROLES


def can_access_staff_tools(user) -> bool:
    """May go past the two-factor gate of /admin/ and /django-admin/.

    Whether the tool then lets them in is its own business (Wagtail's ``access_admin`` permission,
    Django's ``is_staff``); this only says that staff have a second factor.
    """
    return has_staff_clearance(user)
