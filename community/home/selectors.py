"""Reads for the personal home: where the member stands in the onboarding, and what to do next."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from community.profiles.selectors import profile_completeness

from .models import Onboarding
from .steps import STEP_KEYS

# Which onboarding step fills each part of the completeness meter; the others are on the profile form.
PART_STEPS = {
    "name": "language",
    "place": "place",
    "skills": "skills",
    "offer": "offer",
    "languages": "language",
}
PART_LABELS = {
    "name": _("Choose the name members see"),
    "place": _("Say where you live"),
    "skills": _("Add your skills"),
    "offer": _("Say how you would like to contribute"),
    "languages": _("Add the languages you speak"),
    "about": _("Write a headline about yourself"),
    "photo": _("Add a photo"),
}


def onboarding_of(user) -> Onboarding | None:
    return Onboarding.objects.filter(user=user).first()


def onboarding_next_step(onboarding: Onboarding | None) -> str | None:
    """The first step not done yet (resuming where the member left), or None once all are done."""
    done = set(onboarding.steps_done) if onboarding is not None else set()
    return next((key for key in STEP_KEYS if key not in done), None)


def onboarding_offered(onboarding: Onboarding | None, completeness: dict) -> bool:
    """Offered until finished to members who started it or who miss something its steps ask for; not
    to a member whose profile already holds all that (filled in on the profile form before)."""
    if onboarding is not None:
        return onboarding.finished_at is None
    return any(part in PART_STEPS for part in completeness["missing"])


def completeness_with_next_step(profile) -> dict:
    """The meter's figure and the next useful step: its words and the address that fills it in."""
    completeness = profile_completeness(profile)
    missing = completeness["missing"]
    next_step = None
    if missing:
        part = missing[0]
        step = PART_STEPS.get(part)
        url = reverse("home:onboarding_step", args=[step]) if step else reverse("profiles:edit")
        next_step = {"label": PART_LABELS[part], "url": url}
    return {**completeness, "next_step": next_step}
