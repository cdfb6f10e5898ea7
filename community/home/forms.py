"""One form per onboarding step, cut from the profile form (same fields, same validation) and from
privacy's consent choices."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from community.profiles.forms import ProfileForm
from community.profiles.services import PROFILE_FIELDS
from privacy.forms import ConsentChoicesForm


class ProfileStepForm(ProfileForm):
    """The profile form reduced to ``step_fields``; ``required`` fields must be filled in here."""

    step_fields: tuple = ()
    required: tuple = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in list(self.fields):
            if name not in self.step_fields:
                del self.fields[name]
        for name in self.required:
            self.fields[name].required = True
        self.order_fields(self.step_fields)

    def service_data(self) -> dict:
        data = {name: value for name, value in self.cleaned_data.items() if name in PROFILE_FIELDS}
        for name in ("sectors", "languages", "contributions"):
            if name in data:
                data[name] = list(data[name])
        return data

    def skills_given(self) -> list[str] | None:
        """The skills typed in this step, or None when the step does not ask for them."""
        return self.cleaned_data["skills"] if "skills" in self.fields else None


class LanguageStepForm(ProfileStepForm):
    preferred_language = forms.ChoiceField(
        label=_("The language you read Kafaat in"),
        help_text=_("Pages and emails will be in this language."),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
    )
    step_fields = ("display_name", "preferred_language", "languages")
    required = ("display_name",)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_language"].initial = user.preferred_language or settings.LANGUAGE_CODE
        if not self.instance.pk and not self.is_bound:
            self.initial.setdefault("display_name", user.get_full_name())


class PlaceStepForm(ProfileStepForm):
    step_fields = ("country", "city")
    required = ("country",)


class SkillsStepForm(ProfileStepForm):
    step_fields = ("skills", "sectors")


class OfferStepForm(ProfileStepForm):
    step_fields = ("contributions", "availability", "headline")


STEP_FORMS = {
    "language": LanguageStepForm,
    "place": PlaceStepForm,
    "skills": SkillsStepForm,
    "offer": OfferStepForm,
    "consents": ConsentChoicesForm,
}
