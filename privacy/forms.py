"""Forms for consent: the sign-up additions (allauth's ACCOUNT_SIGNUP_FORM_CLASS) and the settings toggle.

allauth makes its sign-up form inherit from SignupConsentForm, so this module must not import
``allauth.account.forms``.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CONSENT_PURPOSE_DESCRIPTIONS, ConsentPurpose
from .selectors import notice_url
from .services import signup_consents_record

NOTICE_FIELD = "accept_privacy_notice"


def consent_field_name(purpose: str) -> str:
    return f"consent_{purpose}"


class SignupConsentForm(forms.Form):
    """A required acceptance of the privacy notice and one optional, unticked box per purpose."""

    field_order = [
        "email",
        "password1",
        "password2",
        NOTICE_FIELD,
        *(consent_field_name(p) for p in ConsentPurpose.values),
    ]

    accept_privacy_notice = forms.BooleanField(
        label=_("I have read the privacy notice and I accept it"),
        required=True,
        error_messages={"required": _("You need to accept the privacy notice to create an account.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for purpose in ConsentPurpose:
            self.fields[consent_field_name(purpose.value)] = forms.BooleanField(
                label=purpose.label,
                help_text=CONSENT_PURPOSE_DESCRIPTIONS[purpose.value],
                required=False,
                initial=False,
            )

    @property
    def privacy_notice_url(self) -> str:
        return notice_url()

    def consent_fields(self):
        return [self[consent_field_name(p)] for p in ConsentPurpose.values]

    def granted_purposes(self) -> list[str]:
        return [p for p in ConsentPurpose.values if self.cleaned_data.get(consent_field_name(p))]

    def signup(self, request, user):
        """Called by allauth once the user is saved."""
        signup_consents_record(user=user, granted_purposes=self.granted_purposes())


class ConsentChoicesForm(forms.Form):
    """Every purpose at once, each box ticked as the member's decision in force (onboarding)."""

    def __init__(self, *args, current: dict[str, bool], **kwargs):
        super().__init__(*args, **kwargs)
        for purpose in ConsentPurpose:
            self.fields[consent_field_name(purpose.value)] = forms.BooleanField(
                label=purpose.label,
                help_text=CONSENT_PURPOSE_DESCRIPTIONS[purpose.value],
                required=False,
                initial=current.get(purpose.value, False),
            )

    def decisions(self) -> dict[str, bool]:
        return {p: bool(self.cleaned_data.get(consent_field_name(p))) for p in ConsentPurpose.values}


class ConsentChangeForm(forms.Form):
    """One purpose, granted or withdrawn, from the account settings page."""

    purpose = forms.ChoiceField(choices=ConsentPurpose.choices)
    granted = forms.TypedChoiceField(
        choices=[("1", _("Grant")), ("0", _("Withdraw"))], coerce=lambda value: value == "1"
    )


class AuditFilterForm(forms.Form):
    """Filters of the audit log page (GET)."""

    action = forms.CharField(label=_("Action starts with"), max_length=48, required=False)
    who = forms.CharField(label=_("Who (email contains)"), max_length=254, required=False)
    since = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {key: value for key, value in self.cleaned_data.items() if value}
