"""Who reads the ministry's dashboard, and which countries they may see there.

Analysts and administrators see every country; a relay sees the countries they cover only (and only the
panels able to keep to them). ``accounts.decorators.staff_tool`` adds login and the second factor in front.
"""

from accounts.roles import ADMIN, ANALYST, RELAY, user_roles
from community.profiles.permissions import relay_countries


def reader_countries(user):
    """None: every country. A frozenset: only these (a relay's coverage; empty means none)."""
    roles = user_roles(user)
    if roles & {ANALYST, ADMIN}:
        return None
    if RELAY in roles:
        return relay_countries(user, roles)
    return frozenset()


def may_read_dashboard(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    countries = reader_countries(user)
    return countries is None or bool(countries)


def may_read_panel(request, panel, countries) -> bool:
    """A panel shows if its app lets this reader see it and, for a relay, if it keeps to countries."""
    if countries is not None and "country" not in getattr(panel, "supports", ()):
        return False
    visible = getattr(panel, "visible", None)
    return visible is None or bool(visible(request))
