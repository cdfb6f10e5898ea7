"""Group notifications: stored as kind + group id, worded when read, in the reader's language
(community/notifications/services.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from .models import CommunityGroup

REQUEST, APPROVED, INVITATION = "group_request", "group_request_approved", "group_invitation"
KINDS = (REQUEST, APPROVED, INVITATION)


def group_params(group) -> dict:
    return {"group": group.pk}


def group_notification_words(notification) -> dict:
    group = CommunityGroup.objects.filter(pk=(notification.params or {}).get("group")).first()
    if group is None:
        return {}
    values = {"group": group.local_name}
    if notification.kind == REQUEST:
        subject = _("A member asks to join %(group)s") % values
        body = _("Review the request on the group's page.")
    elif notification.kind == APPROVED:
        subject, body = _("Welcome to %(group)s") % values, ""
    else:
        subject = _("You are invited to join %(group)s") % values
        body = _("Accept or decline the invitation on the group's page.")
    return {"subject": subject, "body": body, "url": reverse("groups:detail", args=[group.slug])}
