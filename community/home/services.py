"""Writes of the onboarding: each step saves through the owners' services (profiles, privacy, accounts)."""

from django.db import transaction
from django.utils import timezone

from accounts.services import preferred_language_set
from community.profiles.selectors import profile_for_user
from community.profiles.services import profile_save
from privacy.models import ConsentSource
from privacy.services import consents_decide

from .models import Onboarding
from .steps import STEP_KEYS


@transaction.atomic
def onboarding_step_done(*, user, step: str) -> Onboarding:
    """Mark ``step`` done (idempotent); the onboarding is finished once every step is."""
    if step not in STEP_KEYS:
        raise ValueError(f"Unknown onboarding step: {step!r}")
    onboarding, _created = Onboarding.objects.select_for_update().get_or_create(user=user)
    if step not in onboarding.steps_done:
        onboarding.steps_done = [key for key in STEP_KEYS if key in {*onboarding.steps_done, step}]
    if onboarding.finished_at is None and set(STEP_KEYS) <= set(onboarding.steps_done):
        onboarding.finished_at = timezone.now()
    onboarding.save()
    return onboarding


@transaction.atomic
def onboarding_profile_step_save(
    *, user, step: str, data: dict, skills=None, language: str = ""
) -> Onboarding:
    """A profile step: the fields go through profiles' profile_save (skills kept unless given)."""
    profile = profile_for_user(user)
    if skills is None:
        skills = sorted(profile.skills.names(), key=str.casefold) if profile is not None else []
    if profile is None and not data.get("display_name"):
        data = {**data, "display_name": user.get_full_name()}
    profile_save(user=user, data=data, skills=skills)
    if language:
        preferred_language_set(user, language)
    return onboarding_step_done(user=user, step=step)


@transaction.atomic
def onboarding_consents_save(*, user, decisions: dict[str, bool]) -> Onboarding:
    consents_decide(user=user, decisions=decisions, source=ConsentSource.SETTINGS)
    return onboarding_step_done(user=user, step="consents")
