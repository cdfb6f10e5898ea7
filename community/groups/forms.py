from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from core.countries import country_codes

from .models import CommunityGroup

TRANSLATIONS = ["name_fr", "name_ar", "name_en", "description_fr", "description_ar", "description_en"]


class GroupForm(forms.ModelForm):
    """The group as its creator writes it, and optional translations of its name and description
    (shown to readers of that language; the text as written is shown to the others)."""

    class Meta:
        model = CommunityGroup
        fields = ["name", "kind", "description", "sector", "country", "city", "join_policy", *TRANSLATIONS]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "description_fr": forms.Textarea(attrs={"rows": 3, "lang": "fr", "dir": "ltr"}),
            "description_ar": forms.Textarea(attrs={"rows": 3, "lang": "ar", "dir": "rtl"}),
            "description_en": forms.Textarea(attrs={"rows": 3, "lang": "en", "dir": "ltr"}),
            "name_fr": forms.TextInput(attrs={"lang": "fr", "dir": "ltr"}),
            "name_ar": forms.TextInput(attrs={"lang": "ar", "dir": "rtl"}),
            "name_en": forms.TextInput(attrs={"lang": "en", "dir": "ltr"}),
        }

    def main_fields(self):
        return [field for field in self if field.name not in TRANSLATIONS]

    def translation_fields(self):
        return [self[name] for name in TRANSLATIONS]

    def clean_country(self):
        country = self.cleaned_data["country"].strip().upper()
        if country and country not in country_codes():
            raise forms.ValidationError(_("Enter the country as two letters, for example FR."))
        return country

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == CommunityGroup.Kind.THEMATIC and not data.get("sector"):
            self.add_error("sector", _("A thematic group needs a sector or skill."))
        if kind == CommunityGroup.Kind.GEOGRAPHIC and not data.get("country"):
            self.add_error("country", _("A geographic group needs a country."))
        return data


class DirectoryFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *CommunityGroup.Kind.choices]
    )
    sector = forms.CharField(label=_("Sector or skill"), required=False, max_length=80)
    country = forms.CharField(label=_("Country code"), required=False, max_length=2)


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Email address of the member to invite"))

    def clean_email(self):
        user = (
            get_user_model().objects.filter(email__iexact=self.cleaned_data["email"], is_active=True).first()
        )
        if user is None:
            raise forms.ValidationError(_("No member has this email address."))
        self.cleaned_data["invitee"] = user
        return self.cleaned_data["email"]
