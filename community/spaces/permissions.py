"""Who may see or do what in gated spaces. THE gate: every surface asks ``space_access``.

Pages, lists, search, the JSON API, websockets, feeds, exports and file downloads all call this
module, so a rule changed here changes everywhere at once.
"""

from dataclasses import dataclass, field

from django.db.models import F
from django.utils import timezone

from accounts.roles import ADMIN, MODERATOR, user_roles
from community.labels.models import Label
from community.labels.selectors import active_label_ids

from .models import CharterAcceptance, CharterVersion, Space


@dataclass(frozen=True)
class Access:
    allowed: bool
    missing_labels: list = field(default_factory=list)
    charter_to_accept: CharterVersion | None = None
    needs_login: bool = False
    charter_unpublished: bool = False
    label_mode: str = Space.Mode.ANY_OF

    def __bool__(self):
        return self.allowed


def is_community_moderator(user) -> bool:
    """Moderators and administrators enter every space and moderate everywhere."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    # A superuser holds the admin role (accounts.roles.held_roles), which counts only after the second
    # factor like every staff role: before it, a superuser enters no gated space.
    return bool(user_roles(user) & {MODERATOR, ADMIN})


def space_access(user, space) -> Access:
    """May ``user`` enter ``space`` now? If not, what is missing (labels to hold, charter to accept)."""
    required = list(space.required_labels.all())
    version = space.charter.current_version() if space.charter_id else None
    if not _is_active_member(user):
        return _decide(None, space, required, version)
    moderator = is_community_moderator(user)
    held = set() if moderator else active_label_ids(user)
    accepted = (
        version is not None
        and not moderator
        and CharterAcceptance.objects.filter(user=user, version=version).exists()
    )
    return _decide(_Holder(moderator, held, {version.id} if accepted else set()), space, required, version)


def spaces_access(user, spaces) -> dict:
    """``space_access`` for many spaces at once: {space id: Access}, in a fixed number of queries.

    The same rule through the same ``_decide``, its inputs read in bulk (required labels, versions in
    force, the member's labels, roles and acceptances) for lists that gate each row, e.g. a member's
    conversations.
    """
    spaces = list(spaces)
    if not spaces:
        return {}
    now = timezone.now()
    required = {space.id: [] for space in spaces}
    for label in Label.objects.filter(spaces__in=list(required)).annotate(space_id=F("spaces__id")):
        required[label.space_id].append(label)  # in the labels' own order, as space_access lists them
    versions = {}
    for version in CharterVersion.objects.filter(
        charter_id__in={space.charter_id for space in spaces if space.charter_id},
        published_at__isnull=False,
        published_at__lte=now,
    ).order_by("charter_id", "-published_at", "-id"):
        versions.setdefault(version.charter_id, version)
    holder = None
    if _is_active_member(user):
        moderator = is_community_moderator(user)
        held = set() if moderator else active_label_ids(user)
        accepted = set()
        if not moderator and versions:
            accepted = set(
                CharterAcceptance.objects.filter(
                    user=user, version_id__in=[v.id for v in versions.values()]
                ).values_list("version_id", flat=True)
            )
        holder = _Holder(moderator, held, accepted)
    return {
        space.id: _decide(
            holder, space, required[space.id], versions.get(space.charter_id) if space.charter_id else None
        )
        for space in spaces
    }


@dataclass(frozen=True)
class _Holder:
    """What the gate needs to know of a signed-in, active member."""

    moderator: bool
    held_label_ids: set
    accepted_version_ids: set


def _is_active_member(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def _decide(holder, space, required, version) -> Access:
    """The gate's one rule. ``holder`` is None for a visitor or an inactive account."""
    mode = space.label_mode
    unpublished = bool(space.charter_id) and version is None
    if holder is None:
        return Access(
            False, required, version, needs_login=True, charter_unpublished=unpublished, label_mode=mode
        )
    if holder.moderator:
        return Access(True, label_mode=mode)
    held = holder.held_label_ids
    if not required:
        missing = []
    elif mode == Space.Mode.ALL_OF:
        missing = [label for label in required if label.id not in held]
    else:
        missing = [] if any(label.id in held for label in required) else required
    to_accept = None
    if version is not None and version.id not in holder.accepted_version_ids:
        to_accept = version
    allowed = not missing and to_accept is None and not unpublished
    return Access(allowed, missing, to_accept, charter_unpublished=unpublished, label_mode=mode)


def is_space_moderator(user, space) -> bool:
    """Hides posts and comments, exports the member list: community moderators and the space's own."""
    if is_community_moderator(user):
        return True
    return (
        getattr(user, "is_authenticated", False)
        and user.is_active
        and space.moderators.filter(pk=user.pk).exists()
        and space_access(user, space).allowed
    )


def can_export_members(user, space) -> bool:
    return is_space_moderator(user, space)


def can_see_post(user, post) -> bool:
    """A post in a space or a group, as its readers see it; hidden posts only to its moderators."""
    if post.space_id is not None:
        if not space_access(user, post.space).allowed:
            return False
        return post.hidden_at is None or is_space_moderator(user, post.space)
    from community.groups import permissions as groups  # groups build on this module

    if not groups.can_see_content(user, post.group):
        return False
    return post.hidden_at is None or groups.can_moderate(user, post.group)


def can_see_comment(user, comment) -> bool:
    if not can_see_post(user, comment.post):
        return False
    if comment.hidden_at is None:
        return True
    post = comment.post
    if post.space_id is not None:
        return is_space_moderator(user, post.space)
    from community.groups import permissions as groups  # groups build on this module

    return groups.can_moderate(user, post.group)
