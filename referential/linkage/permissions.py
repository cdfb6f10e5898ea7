"""Who may see or do what with record linkage. Every linkage page, export and action asks this module.

Runs, the review queue, golden records and their exports: analysts and administrators only (staff,
so accounts.decorators.staff_tool also requires their second factor). A member sees only the golden
record they claimed, through the member page.
"""

from referential.permissions import can_use_referential


def can_use_linkage(user) -> bool:
    return can_use_referential(user)


def can_see_golden(user, golden) -> bool:
    """Analysts see every golden record; a member only the one they claimed."""
    if can_use_linkage(user):
        return True
    return bool(getattr(user, "is_authenticated", False) and golden.claimed_by_id == user.pk)


def can_claim(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)
