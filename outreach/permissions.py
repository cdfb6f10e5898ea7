"""Who may do what with campaigns. Every surface (pages, exports, previews, the Wagtail admin) asks here.

Editors and analysts write and send campaigns; the recipient lists and their exports are personal data,
read by analysts and administrators only. Staff pages add login and the second factor in front
(``accounts.decorators.staff_tool``).
"""

from django.conf import settings

from accounts.roles import ADMIN, ANALYST, EDITOR, user_roles


def _active(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def may_use_outreach(user) -> bool:
    """Write campaigns, choose audiences, send tests, send or submit, read results."""
    return _active(user) and bool(user_roles(user) & {EDITOR, ANALYST, ADMIN})


def may_read_recipients(user) -> bool:
    """Who received a campaign, one by one, and its export; the suppression list."""
    return _active(user) and bool(user_roles(user) & {ANALYST, ADMIN})


def writers_of(campaign) -> set[int]:
    return {pk for pk in (campaign.created_by_id, campaign.updated_by_id, campaign.submitted_by_id) if pk}


def may_approve(user, campaign) -> bool:
    """Another staff member than the ones who wrote or submitted it."""
    return may_use_outreach(user) and user.pk not in writers_of(campaign)


def approval_threshold() -> int:
    return int(getattr(settings, "OUTREACH_APPROVAL_THRESHOLD", 50))


def needs_approval(recipient_count: int) -> bool:
    """A campaign to more people than the threshold needs a second staff member's approval."""
    return recipient_count > approval_threshold()


def may_read_message(user, campaign, received: bool) -> bool:
    """The web version of a campaign: its recipients, and staff who use outreach."""
    return received or may_use_outreach(user)
