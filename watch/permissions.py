"""Who may use the information watch. Staff pages add login and the second factor in front
(``accounts.decorators.staff_tool``)."""

from accounts.roles import ADMIN, ANALYST, RELAY, user_roles


def _active(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def may_use_watch(user) -> bool:
    """Validate links, read timelines, manage sources, add candidates to the referential."""
    return _active(user) and bool(user_roles(user) & {ANALYST, ADMIN})


def may_subscribe(user) -> bool:
    """Analysts and relays follow countries, sectors, people or distinction types."""
    return _active(user) and bool(user_roles(user) & {ANALYST, ADMIN, RELAY})
