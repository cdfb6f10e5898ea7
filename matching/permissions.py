"""Who may see or do what in matching. Every matching surface asks this module.

Only members whose latest decision grants the matching consent are suggested or shown suggestions;
a profile hidden by moderation takes no part; members who blocked each other (either way) never meet.
"""

from accounts.roles import ADMIN, ANALYST, user_roles
from community.moderation.selectors import is_blocked_between
from privacy.models import ConsentPurpose
from privacy.selectors import user_has_consent

from .models import Side


def takes_part(user) -> bool:
    """Active member who consented to matching."""
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and user_has_consent(user, ConsentPurpose.MATCHING)
    )


def may_see_project_suggestions(user, project) -> bool:
    """The project's holder, while taking part and not hidden by moderation."""
    owner = project.owner
    return owner.user_id == getattr(user, "pk", None) and owner.hidden_at is None and takes_part(user)


def may_see_profile_suggestions(user, profile) -> bool:
    return profile.user_id == getattr(user, "pk", None) and profile.hidden_at is None and takes_part(user)


def side_of(user, project, profile) -> str | None:
    """Which side of the pair this user answers for: "holder", "competence", or None."""
    if project.owner.user_id == getattr(user, "pk", None):
        return Side.HOLDER
    if profile.user_id == getattr(user, "pk", None):
        return Side.COMPETENCE
    return None


def may_decide(user, project, profile) -> bool:
    """Either side of a pair whose both members take part, are not hidden and did not block each other."""
    if side_of(user, project, profile) is None or project.owner.user_id == profile.user_id:
        return False
    holder, competence = project.owner, profile
    if holder.hidden_at is not None or competence.hidden_at is not None:
        return False
    if not (takes_part(holder.user) and takes_part(competence.user)):
        return False
    return not is_blocked_between(holder.user, competence.user)


def may_manage_taxonomy(user) -> bool:
    """Staff who extend the skills taxonomy: analysts and admins (through the admin's snippet views)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user_roles(user) & {ANALYST, ADMIN}) or user.has_perm("matching.change_skillconcept")
