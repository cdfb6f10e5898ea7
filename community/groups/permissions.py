"""Who may see or do what in groups. Every group view and selector asks this module."""

from community.moderation.selectors import is_blocked_between
from community.spaces.permissions import is_community_moderator

from .models import CommunityGroup, Membership


def membership_of(user, group) -> Membership | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Membership.objects.filter(user=user, group=group).first()


def is_active_member(user, group) -> bool:
    membership = membership_of(user, group)
    return bool(membership and membership.is_active)


def can_see_content(user, group) -> bool:
    """Posts, comments and the member list: active members and community moderators."""
    return is_community_moderator(user) or is_active_member(user, group)


def can_post(user, group) -> bool:
    return is_active_member(user, group)


def can_moderate(user, group) -> bool:
    """Approve, hide, remove and ban: the group's owners and moderators, and site moderators."""
    if is_community_moderator(user):
        return True
    membership = membership_of(user, group)
    return bool(membership and membership.can_moderate)


def is_owner(user, group) -> bool:
    membership = membership_of(user, group)
    return bool(membership and membership.is_active and membership.role == Membership.Role.OWNER)


def can_edit(user, group) -> bool:
    """Name, description, translations and join policy: the group's owners and site moderators."""
    return is_community_moderator(user) or is_owner(user, group)


def can_invite(user, group, invitee=None) -> bool:
    """Group moderators invite; in groups not restricted to invitations, any active member may.

    Members who blocked each other (either way) cannot invite one another.
    """
    if invitee is not None and is_blocked_between(user, invitee):
        return False
    if can_moderate(user, group):
        return True
    return group.join_policy != CommunityGroup.JoinPolicy.INVITATION and is_active_member(user, group)
