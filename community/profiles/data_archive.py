"""The member is told when their data archive (privacy.exports) is ready: a notification, worded at
read time in the reader's language."""

from django.urls import reverse
from django.utils.translation import gettext as _

from community.notifications.services import in_language_of, notify

KIND = "privacy.export_ready"


def archive_words(notification) -> dict:
    return {
        "subject": _("Your data archive is ready"),
        "body": _("The copy of your data you asked for can be downloaded from My account for a few days."),
        "url": reverse("account_settings") + "#my-data",
    }


def archive_ready_notify(sender, export, **kwargs) -> None:
    user = export.user
    with in_language_of(user):
        words = archive_words(None)
        notify(
            recipient=user,
            kind=KIND,
            subject=words["subject"],
            body=words["body"],
            url=words["url"],
            params={"export": export.pk},
        )
