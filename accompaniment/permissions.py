"""Who may see or do what with cases. Every surface (pages, files, exports, tasks' links) asks here.

- a holder: their own cases, through the holder's pages only (never internal notes);
- an advisor: the cases assigned to them; a relay: the cases of the countries they cover;
- an administrator: every case, and assignment;
- an analyst: the funnel's aggregates, no case; moderators and editors: nothing.
Staff pages add login and the second factor in front (``accounts.decorators.staff_tool``).
"""

from django.db.models import Q

from accounts.roles import ADMIN, ADVISOR, ANALYST, RELAY, user_roles


def _active(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def _roles(user) -> set[str]:
    if not _active(user):
        return set()
    cached = getattr(user, "_accompaniment_roles", None)
    if cached is None:
        cached = user_roles(user)
        user._accompaniment_roles = cached
    return cached


def relay_countries(user) -> list[str]:
    coverage = getattr(user, "relay_coverage", None) if RELAY in _roles(user) else None
    try:
        return list(coverage.countries) if coverage else []
    except AttributeError:
        return []


def may_use_board(user) -> bool:
    """The case board, a case's staff page, the overdue view."""
    return bool(_roles(user) & {ADVISOR, RELAY, ADMIN})


def may_read_funnel(user) -> bool:
    """Aggregates only: no name, no case."""
    return bool(_roles(user) & {ADVISOR, RELAY, ADMIN, ANALYST})


def may_assign(user) -> bool:
    """Assign, reassign and bulk-assign cases; administrators."""
    return ADMIN in _roles(user)


def staff_cases_filter(user) -> Q | None:
    """The cases this staff member may see, as a filter; None when they see none."""
    roles = _roles(user)
    if ADMIN in roles:
        return Q()
    condition = None
    if ADVISOR in roles:
        condition = Q(advisor_id=user.pk)
    if RELAY in roles:
        countries = relay_countries(user)
        relay_q = Q(relay_id=user.pk) | Q(country__in=countries) if countries else Q(relay_id=user.pk)
        condition = relay_q if condition is None else condition | relay_q
    return condition


def may_handle_case(user, case) -> bool:
    """Staff in charge of the case: its advisor, the relay of its country, an administrator."""
    roles = _roles(user)
    if ADMIN in roles:
        return True
    if ADVISOR in roles and case.advisor_id == user.pk:
        return True
    return RELAY in roles and (case.relay_id == user.pk or case.country in relay_countries(user))


def is_holder(user, case) -> bool:
    return _active(user) and case.holder_id == user.pk


def may_move(user, case, stage) -> bool:
    """In charge of the case and holding a role the target stage lets move cases into it."""
    if not may_handle_case(user, case):
        return False
    allowed = set(stage.mover_roles or ["advisor", "admin"])
    return bool(_roles(user) & allowed)


def may_download(user, document) -> bool:
    """The holder of the case and the staff in charge; nobody else, not analysts."""
    case = document.case
    return is_holder(user, case) or may_handle_case(user, case)


def may_request(user, project) -> bool:
    """The project's holder."""
    return _active(user) and project.owner.user_id == user.pk
