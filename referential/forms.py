from django import forms
from django.utils.translation import gettext_lazy as _

from .models import TARGET_FIELDS, Source
from .validation import FIELD_LABELS

ENCODING_CHOICES = [
    ("", _("Detect automatically")),
    ("utf-8-sig", _("UTF-8 (also with BOM)")),
    ("utf-16", _("UTF-16 (Excel “Unicode text”)")),
    ("cp1256", _("Windows-1256 (Arabic)")),
    ("cp1252", _("Windows-1252 (Western European)")),
    ("latin-1", _("Latin-1 (ISO-8859-1)")),
]


class SourceForm(forms.ModelForm):
    class Meta:
        model = Source
        fields = ["name", "kind", "country", "contact_name", "contact_email", "contact_phone", "trust"]
        widgets = {"trust": forms.NumberInput(attrs={"min": 1, "max": 5})}


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("CSV (comma, semicolon or tab separated) or Excel XLSX, with a header row."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx,text/csv"}),
    )


class EncodingForm(forms.Form):
    encoding = forms.ChoiceField(label=_("Read the file as"), choices=ENCODING_CHOICES, required=False)


class MappingForm(forms.Form):
    """One choice of column per field of a person record."""

    def __init__(self, *args, headers, initial_mapping=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("— not in this file —"))] + [(header, header) for header in headers]
        for field in TARGET_FIELDS:
            self.fields[field] = forms.ChoiceField(label=FIELD_LABELS[field], choices=choices, required=False)
            self.initial[field] = (initial_mapping or {}).get(field, "")
        self.fields["full_name"].help_text = _(
            "Used when the given and family names are not in columns of their own."
        )

    def clean(self):
        cleaned = super().clean()
        chosen = [header for header in cleaned.values() if header]
        if len(chosen) != len(set(chosen)):
            raise forms.ValidationError(_("Each column can fill one field only."))
        return cleaned

    @property
    def mapping(self) -> dict:
        return {field: header for field, header in self.cleaned_data.items() if header}
