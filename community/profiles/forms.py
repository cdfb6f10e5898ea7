import phonenumbers

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.translation import gettext_lazy as _

from core.countries import country_choices
from core.languages import LanguageChoice
from core.names import strip_bidi_controls
from core.sectors import SectorChoice

from .choices import Contribution, Region, Stage, Visibility
from .models import FIELD_GROUPS, Profile, Project, RelayChannel, RelayCoverage
from .photos import photo_validate

MAX_LINKS = 3
MAX_SKILLS = 30


SKILL_LENGTH = 100


class SkillChipsWidget(forms.Widget):
    """One chip per skill: each kept skill is a ticked box (untick to remove), and a few boxes take
    new skills, one per box, so that "BIM (Revit, Tekla)" stays one skill. Works without JavaScript;
    skill_chips.js turns it into a tag input (Enter adds a chip). Names repeat: the value is a list."""

    template_name = "profiles/widgets/skill_chips.html"
    new_boxes = 3

    def format_value(self, value):
        if value is None:
            return []
        if isinstance(value, str):  # an initial written as text: one skill
            return [value] if value.strip() else []
        return [str(skill) for skill in value if str(skill).strip()]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["skills"] = self.format_value(value)
        context["widget"]["boxes"] = range(self.new_boxes)
        context["widget"]["maxlength"] = SKILL_LENGTH
        return context

    def value_from_datadict(self, data, files, name):
        if hasattr(data, "getlist"):
            return data.getlist(name)
        value = data.get(name)
        return value if isinstance(value, list | tuple) else ([value] if value else [])

    def value_omitted_from_data(self, data, files, name):
        return name not in data

    def id_for_label(self, id_):
        return f"{id_}_new" if id_ else id_


class SkillsField(forms.Field):
    """A list of skills as typed, each kept whole (commas and brackets included), without repeats."""

    widget = SkillChipsWidget

    def to_python(self, value):
        if value in (None, ""):
            return []
        if isinstance(value, str):
            value = [value]
        seen = []
        for name in value:
            name = " ".join(str(name).split())[:SKILL_LENGTH]
            if name and name.casefold() not in {s.casefold() for s in seen}:
                seen.append(name)
        return seen

    def validate(self, value):
        super().validate(value)
        if len(value) > MAX_SKILLS:
            raise forms.ValidationError(
                _("Please list at most %(count)s skills.") % {"count": MAX_SKILLS}, code="too_many"
            )


def _checkboxes(choices, label):
    return forms.MultipleChoiceField(
        label=label, choices=choices, required=False, widget=forms.CheckboxSelectMultiple
    )


class ProfileForm(forms.ModelForm):
    photo = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_(
            "JPEG, PNG or WebP, at most 5 MB. We keep a copy of at most 800 pixels without its metadata."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    remove_photo = forms.BooleanField(label=_("Remove my photo"), required=False)
    link_1 = forms.URLField(label=_("Link 1"), required=False, assume_scheme="https")
    link_2 = forms.URLField(label=_("Link 2"), required=False, assume_scheme="https")
    link_3 = forms.URLField(label=_("Link 3"), required=False, assume_scheme="https")
    sectors = _checkboxes(SectorChoice.choices, _("Sectors"))
    skills = SkillsField(
        label=_("Skills"),
        required=False,
        help_text=_("One skill per box, written your way. Untick a skill to remove it."),
    )
    languages = _checkboxes(LanguageChoice.choices, _("Languages spoken"))
    contributions = _checkboxes(Contribution.choices, _("Ways to contribute"))

    class Meta:
        model = Profile
        fields = [
            "display_name",
            "name_arabic",
            "country",
            "city",
            "region_of_origin",
            "headline",
            "bio",
            "years_experience",
            "education",
            "availability",
            *[f"vis_{group}" for group in FIELD_GROUPS],
        ]
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 6}),
            "education": forms.Textarea(attrs={"rows": 3}),
            "name_arabic": forms.TextInput(attrs={"dir": "rtl", "lang": "ar"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "—"), *country_choices()]
        profile = self.instance
        if profile.pk and not self.is_bound:
            for index, url in enumerate(profile.links[:MAX_LINKS], start=1):
                self.initial[f"link_{index}"] = url
            self.initial["sectors"] = profile.sectors
            self.initial["languages"] = profile.languages
            self.initial["contributions"] = profile.contributions
            self.initial["skills"] = sorted(profile.skills.names(), key=str.casefold)

    def clean_display_name(self):
        # Bidirectional controls (U+202E…) would let a name reorder the text shown around it.
        return strip_bidi_controls(self.cleaned_data.get("display_name", "")).strip()

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo:
            photo_validate(photo)
        return photo or None

    def visibility_fields(self):
        return [self[f"vis_{group}"] for group in FIELD_GROUPS]

    def service_data(self) -> dict:
        data = {name: value for name, value in self.cleaned_data.items() if name in self.Meta.fields}
        data["links"] = [
            self.cleaned_data[f"link_{i}"] for i in range(1, MAX_LINKS + 1) if self.cleaned_data[f"link_{i}"]
        ]
        for name in ("sectors", "languages", "contributions"):
            data[name] = list(self.cleaned_data[name])
        return data


class ProjectForm(forms.ModelForm):
    skills_needed = SkillsField(
        label=_("Skills needed"),
        required=False,
        help_text=_("One need per box, written your way: every need you list counts for suggestions."),
    )
    help_needed = _checkboxes(Contribution.choices, _("Kinds of help needed"))

    class Meta:
        model = Project
        fields = ["title", "summary", "sector", "stage", "region", "funding_need", "visibility"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 5})}

    # Who reads the project's page (and finds it in the project directory), worded for a project.
    VISIBILITY_CHOICES = [
        (Visibility.PUBLIC, _("Public: anyone with the address, visitors included, can read its page")),
        (Visibility.MEMBERS, _("Members only: signed-in members")),
        (Visibility.LABELLED, _("Labelled members only")),
        (Visibility.STAFF, _("Private: only me, moderators and the relays of my country")),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visibility"].choices = self.VISIBILITY_CHOICES
        if self.instance.pk and not self.is_bound:
            self.initial["help_needed"] = self.instance.help_needed
            self.initial["skills_needed"] = sorted(self.instance.skills_needed.names(), key=str.casefold)

    def service_data(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["help_needed"] = list(self.cleaned_data["help_needed"])
        return data


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This password is not correct."), code="wrong_password")
        return password


def _optional(choices):
    return [("", _("All")), *choices]


class DirectoryForm(forms.Form):
    """Search and filters of the member directory (GET)."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    skill = forms.CharField(
        label=_("Skill"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"list": "skill-suggestions", "autocomplete": "off"}),
    )
    sector = forms.ChoiceField(label=_("Sector"), required=False, choices=_optional(SectorChoice.choices))
    country = forms.ChoiceField(label=_("Country of residence"), required=False)
    city = forms.CharField(label=_("City of residence"), required=False, max_length=120)
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=_optional(LanguageChoice.choices)
    )
    contribution = forms.ChoiceField(
        label=_("Way to contribute"), required=False, choices=_optional(Contribution.choices)
    )
    region = forms.ChoiceField(label=_("Region of origin"), required=False, choices=_optional(Region.choices))
    label = forms.TypedChoiceField(label=_("Label"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, labels=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = _optional(country_choices())
        self.fields["label"].choices = _optional([(label.pk, label.name) for label in labels])

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if name != "q" and value}


class ProjectDirectoryForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    skill = forms.CharField(
        label=_("Skill needed"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"list": "skill-suggestions", "autocomplete": "off"}),
    )
    sector = forms.ChoiceField(label=_("Sector"), required=False, choices=_optional(SectorChoice.choices))
    stage = forms.ChoiceField(label=_("Stage"), required=False, choices=_optional(Stage.choices))
    region = forms.ChoiceField(
        label=_("Region of Morocco"), required=False, choices=_optional(Region.choices)
    )
    contribution = forms.ChoiceField(
        label=_("Kind of help needed"), required=False, choices=_optional(Contribution.choices)
    )
    country = forms.ChoiceField(label=_("Country of residence of the holder"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = _optional(country_choices())

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if name != "q" and value}


class RelayContactForm(forms.ModelForm):
    """How members reach a relay from matching's suggestions: the body, the channel and its address.

    The address is read for its channel and normalised (an e-mail address in lower case, a phone number
    in international form read in the first country the relay covers, a site with https:// added)."""

    class Meta:
        model = RelayCoverage
        fields = ["body", "contact_channel", "contact"]
        widgets = {"contact_channel": forms.RadioSelect}

    def clean_body(self):
        return strip_bidi_controls(self.cleaned_data["body"]).strip()

    def clean(self):
        data = super().clean()
        channel, contact = data.get("contact_channel"), (data.get("contact") or "").strip()
        if channel == RelayChannel.MESSAGE:
            data["contact"] = ""  # members write through Kafaat: no address to show
            return data
        if not contact:
            self.add_error("contact", _("Give the address, number or page for this channel."))
            return data
        try:
            data["contact"] = self._normalised(channel, contact)
        except ValidationError as error:
            self.add_error("contact", error)
        return data

    def _normalised(self, channel, contact):
        if channel == RelayChannel.EMAIL:
            validate_email(contact)
            return contact.lower()
        if channel == RelayChannel.PHONE:
            region = (self.instance.countries or ["MA"])[0]
            try:
                number = phonenumbers.parse(contact, region)
            except phonenumbers.NumberParseException:
                number = None
            if number is None or not phonenumbers.is_possible_number(number):
                example = "+33 1 23 45 67 89"
                raise ValidationError(
                    _("This is not a telephone number: write it with its country code, e.g. %(example)s."),
                    params={"example": example},
                )
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        if "://" not in contact:
            contact = f"https://{contact}"
        URLValidator(schemes=["https", "http"], message=_("This is not a web address."))(contact)
        return contact
