"""Who may use the referential. Every referential page, download and endpoint asks this module.

The referential holds personal data from outside sources: analysts and administrators only (and,
being staff, only with a second factor — accounts.decorators.staff_tool checks that first).
"""

from accounts.roles import ADMIN, ANALYST, user_roles

REFERENTIAL_ROLES = frozenset({ANALYST, ADMIN})


def can_use_referential(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return bool(user_roles(user) & REFERENTIAL_ROLES)
