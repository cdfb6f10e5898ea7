"""Who may see which part of a profile or project. Every surface asks this module.

Levels, from the widest audience to the narrowest: public (visitors), members (signed-in active
users), labelled members (holding any active label), staff (moderators and administrators, and relays
for the members living in the countries they cover). The owner sees everything. A member who blocked
a viewer shows that viewer nothing but the display name.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Q

from accounts.roles import ADMIN, MODERATOR, RELAY, user_roles
from community.labels.selectors import holds_any_label
from community.moderation.selectors import blocked_user_ids, has_blocked

from .choices import Visibility
from .models import FIELD_GROUPS, RelayCoverage

ALL_GROUPS = frozenset(FIELD_GROUPS)


@dataclass(frozen=True)
class Viewer:
    """What the permission checks need to know about whoever is looking, computed once per request."""

    user_id: int | None = None
    level: int = Visibility.PUBLIC
    covered_countries: frozenset = field(default_factory=frozenset)
    hidden_user_ids: frozenset = field(default_factory=frozenset)  # blocks, both directions

    @property
    def is_authenticated(self):
        return self.user_id is not None


def relay_countries(user, roles=None) -> frozenset:
    """Countries a relay covers; empty for anyone without the relay role."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    if RELAY not in (roles if roles is not None else user_roles(user)):
        return frozenset()
    coverage = RelayCoverage.objects.filter(relay=user).values_list("countries", flat=True).first()
    return frozenset(coverage or ())


def viewer_for(user) -> Viewer:
    if isinstance(user, Viewer):
        return user
    if not (getattr(user, "is_authenticated", False) and user.is_active):
        return Viewer()
    roles = user_roles(user)
    if roles & {MODERATOR, ADMIN}:
        level = Visibility.STAFF
    elif holds_any_label(user):
        level = Visibility.LABELLED
    else:
        level = Visibility.MEMBERS
    return Viewer(
        user_id=user.pk,
        level=level,
        covered_countries=relay_countries(user, roles),
        hidden_user_ids=frozenset(blocked_user_ids(user)),
    )


def is_relay(user) -> bool:
    return getattr(user, "is_authenticated", False) and RELAY in user_roles(user)


def level_for(viewer: Viewer, profile) -> int:
    """The audience level this viewer has for this member's fields."""
    if profile.country and profile.country in viewer.covered_countries:
        return Visibility.STAFF
    return viewer.level


def visible_fields(viewer, profile) -> set[str]:
    """Names of the field groups (see models.FIELD_GROUPS) this viewer may see on this profile."""
    context = viewer_for(viewer)
    if context.user_id is not None and context.user_id == profile.user_id:
        return set(ALL_GROUPS)
    level = level_for(context, profile)
    if profile.hidden_at is not None and level < Visibility.STAFF:
        return set()  # hidden by moderation
    if profile.user_id in context.hidden_user_ids and has_blocked(profile.user, _user_ref(context)):
        return {"name"}
    return {group for group in ALL_GROUPS if profile.visibility(group) <= level}


def _user_ref(context):

    return get_user_model()(pk=context.user_id)


def listed_in_directory(profile) -> bool:
    """The member's latest "directory" decision grants it (withdrawing it takes the profile down)."""
    from privacy.selectors import users_with_consent  # privacy is a floor below; imported when asked

    return users_with_consent("directory").filter(pk=profile.user_id).exists()


def may_view_profile(viewer, profile) -> bool:
    """A profile page exists for a viewer when they may at least see the member's name, and, for
    anyone but the owner and staff, while the member consents to being listed in the directory."""
    context = viewer_for(viewer)
    if "name" not in visible_fields(context, profile):
        return False
    if context.user_id == profile.user_id or level_for(context, profile) >= Visibility.STAFF:
        return True
    return listed_in_directory(profile)


def visible_q(viewer: Viewer, group: str, prefix: str = "") -> Q:
    """Rows of Profile (or through ``prefix``) whose ``group`` this viewer may see, for directory queries.

    The owner's own row is not special-cased here: in the directory a member is found like anyone else
    (their own profile page and cards still show them everything, through visible_fields).
    """
    condition = Q(**{f"{prefix}vis_{group}__lte": viewer.level})
    if viewer.covered_countries:
        condition |= Q(**{f"{prefix}country__in": sorted(viewer.covered_countries)})
    return condition


def project_visible_q(viewer: Viewer) -> Q:
    condition = Q(visibility__lte=viewer.level)
    if viewer.covered_countries:
        condition |= Q(owner__country__in=sorted(viewer.covered_countries))
    if viewer.user_id is not None:
        condition |= Q(owner__user_id=viewer.user_id)
    return condition


def may_view_project(viewer, project) -> bool:
    context = viewer_for(viewer)
    owner = project.owner
    if context.user_id == owner.user_id:
        return True
    if owner.user_id in context.hidden_user_ids:
        return False
    return project.visibility <= level_for(context, owner)


def may_view_project_page(viewer, project) -> bool:
    """A project's own page, by the holder's choice (project.visibility): public pages are shared with
    visitors, members-only pages with signed-in members, private ones with staff who may see the
    holder. For anyone but the holder and staff it exists only while the holder is an active member
    listed in the directory and not hidden by moderation, as the project directory lists it."""
    context = viewer_for(viewer)
    owner = project.owner
    if context.user_id is not None and context.user_id == owner.user_id:
        return True
    if not owner.user.is_active or not may_view_project(context, project):
        return False
    level = level_for(context, owner)
    if level >= Visibility.STAFF:
        return True
    return owner.hidden_at is None and listed_in_directory(owner)


def may_edit_project(user, project) -> bool:
    return getattr(user, "is_authenticated", False) and project.owner.user_id == user.pk


def may_use_relay_view(user) -> bool:
    return bool(relay_countries(user))


def may_see_profile(user, profile) -> bool:
    """The "may see" check of a profile as a reportable object (community/moderation/targets.py)."""
    return may_view_profile(user, profile)


def may_see_account(user, account) -> bool:
    """An account is seen only through its profile: no profile, nothing to see."""
    profile = getattr(account, "profile", None)
    return profile is not None and may_view_profile(user, profile)


def contact_email_for(viewer, user) -> str:
    """The member's email where an export or list may show it: only when their "contact" field group
    is visible to this viewer (finding 4 of issue 12: exports follow the contact visibility)."""
    profile = getattr(user, "profile", None)
    if profile is None:  # no profile: the contact's default audience, staff
        return user.email if viewer_for(viewer).level >= Visibility.STAFF else ""
    return user.email if "contact" in visible_fields(viewer, profile) else ""
