"""Moderation notifications: stored as kind + the moderator's message (+ the suspension's end), worded
when read, in the reader's language (community/notifications/services.py)."""

import datetime

from django.utils.formats import date_format
from django.utils.translation import gettext as _

WARNING, SUSPENSION = "moderation_warning", "moderation_suspension"
KINDS = (WARNING, SUSPENSION)


def moderation_notification_words(notification) -> dict:
    params = notification.params or {}
    reason = params.get("reason", "")
    if notification.kind == WARNING:
        return {
            "subject": _("A warning from the moderators"),
            "body": _("Message from the moderators: %(message)s") % {"message": reason},
        }
    until = params.get("until")
    if not until:
        return {}
    date = date_format(datetime.date.fromisoformat(until), "DATE_FORMAT")
    return {
        "subject": _("Your account is suspended"),
        "body": _("Your account is suspended until %(date)s. Reason: %(reason)s")
        % {"date": date, "reason": reason},
    }
