"""Who may use segmentation. Every surface asks here: pages, the live count, exports, charts, the log.

Segments describe members for outreach, so only analysts and administrators use them (staff pages:
``accounts.decorators.staff_tool`` adds login and the second factor in front of these checks).
"""

from accounts.roles import ADMIN, ANALYST, user_roles


def _active(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def may_segment(user) -> bool:
    """Build, read, refresh and export segments; see priority targets and relay proposals."""
    return _active(user) and bool(user_roles(user) & {ANALYST, ADMIN})


def may_change_segment(user, segment) -> bool:
    """Rename or delete: the analyst who saved it, or an administrator."""
    if not may_segment(user):
        return False
    return segment.owner_id == user.pk or ADMIN in user_roles(user)


def may_read_export_log(user) -> bool:
    """The log of exports is an audit of staff access: administrators read it."""
    return _active(user) and ADMIN in user_roles(user)
