"""The steps of the guided onboarding, in order. Each step's form lives in forms.py."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Step:
    key: str
    title: object
    intro: object


STEPS = (
    Step(
        "language",
        _("Your name and languages"),
        _("How members will see your name, and the languages you use."),
    ),
    Step(
        "place", _("Where you live"), _("Your country and city of residence: members near you can find you.")
    ),
    Step(
        "skills",
        _("Your skills"),
        _("Each skill becomes a chip; suggestions are computed from them, in any of our three languages."),
    ),
    Step(
        "offer",
        _("What you offer or seek"),
        _("How you would like to contribute. A project of yours that needs help can be described next."),
    ),
    Step("consents", _("Your consents"), _("What you agree to; you can change each choice at any time.")),
)
STEP_KEYS = tuple(step.key for step in STEPS)


def step_get(key: str) -> Step | None:
    return next((step for step in STEPS if step.key == key), None)
