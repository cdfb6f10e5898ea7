"""Label notifications: stored as kind + label id (+ reason, expiry), worded when read, in the reader's
language (community/notifications/services.py); the label's name is the one of that language."""

import datetime

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import Label

GRANTED, REFUSED, REVOKED, EXPIRED = "label_granted", "label_refused", "label_revoked", "label_expired"
KINDS = (GRANTED, REFUSED, REVOKED, EXPIRED)


def label_params(label, **extra) -> dict:
    return {"label": label.pk, **{key: value for key, value in extra.items() if value}}


def label_notification_words(notification) -> dict:
    params = notification.params or {}
    label = Label.objects.filter(pk=params.get("label")).first()
    if label is None:
        return {}
    values = {"label": label.name, "reason": params.get("reason", "")}
    kind = notification.kind
    if kind == GRANTED:
        subject = _("You have been granted the label “%(label)s”") % values
        if params.get("expires"):
            values["date"] = date_format(datetime.date.fromisoformat(params["expires"]), "DATE_FORMAT")
            body = _("Moderators granted you the label “%(label)s” until %(date)s.") % values
        else:
            body = _("Moderators granted you the label “%(label)s”.") % values
    elif kind == REFUSED:
        subject = _("Your application for the label “%(label)s” was refused") % values
        body = _("Reason given by the moderators: %(reason)s") % values
    elif kind == REVOKED:
        subject = _("Your label “%(label)s” was withdrawn") % values
        body = _("Reason given by the moderators: %(reason)s") % values
    else:
        subject = _("Your label “%(label)s” has expired") % values
        body = _("You can apply for it again from the labels page.")
    return {"subject": subject, "body": body, "url": reverse("labels:mine")}
