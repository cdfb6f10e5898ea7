"""Who may see or do what with events. Every surface asks this module.

The list, the month calendar, the text filter, the event page, its .ics file, the platform, group and
personal feeds, the attendee list, the CSV export and the reminders all go through ``can_view`` or
``visible_events``: a gated space's events follow ``space_access``, the one gate of community spaces.
"""

from django.db.models import Q

from accounts.roles import ADMIN, EDITOR, MODERATOR, RELAY, user_roles
from community.groups.models import Membership
from community.groups.permissions import can_moderate as can_moderate_group
from community.groups.permissions import is_active_member
from community.spaces.models import Space
from community.spaces.permissions import space_access

from .models import Event

PLATFORM_ORGANISER_ROLES = {EDITOR, MODERATOR, ADMIN}


def _authenticated(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def is_platform_organiser(user) -> bool:
    return _authenticated(user) and bool(user_roles(user) & PLATFORM_ORGANISER_ROLES)


def is_relay(user) -> bool:
    return _authenticated(user) and RELAY in user_roles(user)


def can_organise(user, event) -> bool:
    """Edit, cancel, see attendees, export, check in, message: the event's organisers."""
    if not _authenticated(user):
        return False
    if is_platform_organiser(user):
        return True
    if event.created_by_id == user.id:
        return True
    if event.organiser_kind == Event.OrganiserKind.RELAY:
        return event.relay_id == user.id
    if event.organiser_kind == Event.OrganiserKind.GROUP and event.group_id:
        return can_moderate_group(user, event.group)
    return False


def organiser_kinds_for(user) -> list[str]:
    """Which kinds of event ``user`` may create."""
    kinds = []
    if is_platform_organiser(user):
        kinds.append(Event.OrganiserKind.PLATFORM)
    if _authenticated(user) and (is_platform_organiser(user) or organisable_group_ids(user)):
        kinds.append(Event.OrganiserKind.GROUP)
    if is_relay(user):
        kinds.append(Event.OrganiserKind.RELAY)
    return kinds


def organisable_group_ids(user) -> set[int]:
    if not _authenticated(user):
        return set()
    return set(
        Membership.objects.filter(
            user=user,
            status=Membership.Status.ACTIVE,
            role__in=[Membership.Role.OWNER, Membership.Role.MODERATOR],
        ).values_list("group_id", flat=True)
    )


def can_create(user) -> bool:
    return bool(organiser_kinds_for(user))


def _allowed_space_ids(user) -> set[int]:
    spaces = Space.objects.filter(events__isnull=False).distinct().prefetch_related("required_labels")
    return {space.id for space in spaces if space_access(user, space).allowed}


def visible_events(user, events=None):
    """Narrow a queryset of events to those ``user`` may see."""
    events = Event.objects.all() if events is None else events
    if not _authenticated(user):
        return events.filter(visibility=Event.Visibility.PUBLIC)
    if is_platform_organiser(user):
        return events
    group_ids = set(
        Membership.objects.filter(user=user, status=Membership.Status.ACTIVE).values_list(
            "group_id", flat=True
        )
    )
    allowed = (
        Q(visibility__in=[Event.Visibility.PUBLIC, Event.Visibility.MEMBERS])
        | Q(visibility=Event.Visibility.GROUP, group_id__in=group_ids)
        | Q(visibility=Event.Visibility.SPACE, space_id__in=_allowed_space_ids(user))
        | Q(created_by=user)
        | Q(relay=user)
        | Q(group_id__in=organisable_group_ids(user))
    )
    return events.filter(allowed)


def can_view(user, event) -> bool:
    if event.visibility == Event.Visibility.PUBLIC:
        return True
    if not _authenticated(user):
        return False
    if can_organise(user, event):
        return True
    if event.visibility == Event.Visibility.MEMBERS:
        return True
    if event.visibility == Event.Visibility.GROUP:
        return bool(event.group_id) and is_active_member(user, event.group)
    if event.visibility == Event.Visibility.SPACE:
        return bool(event.space_id) and space_access(user, event.space).allowed
    return False


def can_rsvp(user, event) -> bool:
    return _authenticated(user) and can_view(user, event)


def can_see_link(user, event, rsvp) -> bool:
    """The online link: organisers, and members whose answer for that session is "going"."""
    if not event.has_link or not _authenticated(user):
        return False
    if can_organise(user, event):
        return True
    return rsvp is not None and rsvp.user_id == user.id and rsvp.status == "going" and can_view(user, event)
