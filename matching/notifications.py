"""Matching notifications: stored as kind + project, profile and side, worded when read, in the reader's
language (community/notifications/services.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from community.profiles.models import Profile, Project

from .models import Side

ACCEPTED, INTRODUCTION = "matching_accepted", "matching_introduction"
KINDS = (ACCEPTED, INTRODUCTION)


def matching_notification_words(notification) -> dict:
    params = notification.params or {}
    project = Project.objects.select_related("owner").filter(pk=params.get("project")).first()
    profile = Profile.objects.filter(pk=params.get("profile")).first()
    if project is None or profile is None:
        return {}
    if notification.kind == INTRODUCTION:
        # The other side's name: the recipient is either the holder or the competence.
        holder = notification.recipient_id == project.owner.user_id
        other_name = profile.display_name if holder else project.owner.display_name
        return {
            "subject": _("You and %(member)s both accepted: say hello") % {"member": other_name},
            "body": _("Your matching on %(project)s is confirmed; a conversation is open.")
            % {"project": project.title},
        }
    # ACCEPTED: ``side`` is the side that accepted; the notification goes to the other one.
    if params.get("side") == Side.HOLDER:
        subject = _("A project holder would like your help on %(project)s") % {"project": project.title}
        url = reverse("matching:mine")
    else:
        subject = _("%(member)s would like to help with %(project)s") % {
            "member": profile.display_name,
            "project": project.title,
        }
        url = reverse("matching:project", args=[project.pk])
    return {
        "subject": subject,
        "body": _("Accept or decline the suggestion on your matching page."),
        "url": url,
    }
