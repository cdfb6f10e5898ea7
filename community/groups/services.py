"""Writes about groups: creation, joining, invitations, moderation, posts."""

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from community.notifications.services import notify

from . import notifications, permissions
from .models import CommunityGroup, Membership

Role, Status = Membership.Role, Membership.Status


class GroupError(Exception):
    """A refused action; the message is already worded for the member."""


def _unique_slug(name: str) -> str:
    base = slugify(name)[:70] or "group"
    slug, n = base, 1
    while CommunityGroup.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def group_create(*, creator, name: str, kind: str, **fields) -> CommunityGroup:
    group = CommunityGroup.objects.create(
        slug=fields.pop("slug", None) or _unique_slug(name),
        name=name,
        kind=kind,
        created_by=creator,
        **fields,
    )
    Membership.objects.create(user=creator, group=group, role=Role.OWNER, status=Status.ACTIVE)
    return group


EDITABLE = frozenset(
    {
        "name", "kind", "description", "sector", "country", "city", "join_policy",
        "name_fr", "name_ar", "name_en", "description_fr", "description_ar", "description_en",
    }
)  # fmt: skip


@transaction.atomic
def group_update(*, by, group, **fields) -> CommunityGroup:
    """Owners and site moderators change what the group says about itself; the slug stays."""
    if not permissions.can_edit(by, group):
        raise GroupError(_("Only the group's owners can change it."))
    given = [name for name in fields if name in EDITABLE]
    for name in given:
        setattr(group, name, fields[name])
    if given:
        group.save(update_fields=given)
    return group


def _moderators(group):
    return [
        m.user
        for m in group.memberships.filter(
            status=Status.ACTIVE, role__in=[Role.OWNER, Role.MODERATOR]
        ).select_related("user")
    ]


@transaction.atomic
def group_join(*, user, group) -> Membership:
    membership = Membership.objects.select_for_update().filter(user=user, group=group).first()
    if membership and membership.status == Status.BANNED:
        raise GroupError(_("You can no longer join this group."))
    if membership and membership.status in (Status.ACTIVE, Status.PENDING):
        return membership
    if membership and membership.status == Status.INVITED:
        return invitation_accept(user=user, group=group)
    policy = group.join_policy
    if policy == CommunityGroup.JoinPolicy.INVITATION:
        raise GroupError(_("This group admits members by invitation only."))
    status = Status.ACTIVE if policy == CommunityGroup.JoinPolicy.OPEN else Status.PENDING
    membership = Membership.objects.create(user=user, group=group, status=status)
    if status == Status.PENDING:
        for moderator in _moderators(group):
            notify(recipient=moderator, kind=notifications.REQUEST, params=notifications.group_params(group))
    return membership


def _require_moderator(by, group):
    if not permissions.can_moderate(by, group):
        raise GroupError(_("Only the group's moderators can do this."))


@transaction.atomic
def membership_approve(*, by, membership) -> Membership:
    _require_moderator(by, membership.group)
    if membership.status != Status.PENDING:
        raise GroupError(_("This request is no longer pending."))
    membership.status = Status.ACTIVE
    membership.save(update_fields=["status"])
    notify(
        recipient=membership.user,
        kind=notifications.APPROVED,
        params=notifications.group_params(membership.group),
    )
    return membership


@transaction.atomic
def membership_refuse(*, by, membership) -> None:
    _require_moderator(by, membership.group)
    if membership.status != Status.PENDING:
        raise GroupError(_("This request is no longer pending."))
    membership.delete()


@transaction.atomic
def group_invite(*, by, group, invitee) -> Membership:
    if invitee == by or not permissions.can_invite(by, group, invitee):
        raise GroupError(_("You cannot invite this member."))
    membership = Membership.objects.select_for_update().filter(user=invitee, group=group).first()
    if membership and membership.status == Status.BANNED:
        raise GroupError(_("You cannot invite this member."))
    if membership and membership.status in (Status.ACTIVE, Status.INVITED):
        return membership
    if membership:  # a pending request: the invitation settles it
        membership.status, membership.invited_by = Status.INVITED, by
        membership.save(update_fields=["status", "invited_by"])
    else:
        membership = Membership.objects.create(
            user=invitee, group=group, status=Status.INVITED, invited_by=by
        )
    notify(recipient=invitee, kind=notifications.INVITATION, params=notifications.group_params(group))
    return membership


def _invitation(user, group):
    membership = Membership.objects.select_for_update().filter(user=user, group=group).first()
    if membership is None or membership.status != Status.INVITED:
        raise GroupError(_("There is no invitation to answer."))
    return membership


@transaction.atomic
def invitation_accept(*, user, group) -> Membership:
    membership = _invitation(user, group)
    membership.status = Status.ACTIVE
    membership.save(update_fields=["status"])
    return membership


@transaction.atomic
def invitation_decline(*, user, group) -> None:
    _invitation(user, group).delete()


def _other_owners(membership):
    return (
        Membership.objects.filter(group=membership.group, role=Role.OWNER, status=Status.ACTIVE)
        .exclude(pk=membership.pk)
        .exists()
    )


@transaction.atomic
def group_leave(*, user, group) -> None:
    membership = Membership.objects.select_for_update().filter(user=user, group=group).first()
    if membership is None or membership.status == Status.BANNED:
        raise GroupError(_("You are not a member of this group."))
    if membership.role == Role.OWNER and not _other_owners(membership):
        raise GroupError(_("You are the last owner: make another member owner before leaving."))
    membership.delete()


@transaction.atomic
def membership_role_set(*, by, membership, role: str) -> Membership:
    """Owners name moderators and other owners (the way to hand over a group)."""
    if not (permissions.is_owner(by, membership.group) or permissions.is_community_moderator(by)):
        raise GroupError(_("Only the group's owners can change roles."))
    if membership.status != Status.ACTIVE:
        raise GroupError(_("Only active members can receive a role."))
    if membership.role == Role.OWNER and role != Role.OWNER and not _other_owners(membership):
        raise GroupError(_("A group needs at least one owner."))
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


def _require_removable(by, membership):
    _require_moderator(by, membership.group)
    if membership.user_id == by.pk:
        raise GroupError(_("You cannot remove yourself; leave the group instead."))
    if membership.role == Role.OWNER and not permissions.is_community_moderator(by):
        raise GroupError(_("An owner cannot be removed."))


@transaction.atomic
def member_remove(*, by, membership) -> None:
    _require_removable(by, membership)
    membership.delete()


@transaction.atomic
def member_ban(*, by, membership) -> Membership:
    _require_removable(by, membership)
    membership.status, membership.role = Status.BANNED, Role.MEMBER
    membership.save(update_fields=["status", "role"])
    return membership
