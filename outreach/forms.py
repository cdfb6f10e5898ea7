from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.registry import registry


class AudienceForm(forms.Form):
    """Choose a source, one of its items, and its filters; the choices come from the registered sources."""

    source = forms.ChoiceField(label=_("Who"))
    item = forms.CharField(label=_("Which"), max_length=120)

    def __init__(self, *args, user, source_key="", **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        sources = registry.audience_source_list()
        self.fields["source"].choices = [(s.key, s.label) for s in sources]
        key = self.data.get("source") or source_key or (sources[0].key if sources else "")
        self.source = registry.audience_source(key)
        if self.source is not None:
            self.fields["item"] = forms.ChoiceField(label=_("Which"), choices=self.source.items(user))
            for audience_filter in self.source.filters():
                self.fields[f"filter_{audience_filter.name}"] = forms.MultipleChoiceField(
                    label=audience_filter.label,
                    choices=audience_filter.choices(),
                    required=False,
                    widget=forms.SelectMultiple(attrs={"size": 6}),
                )

    def clean(self):
        cleaned = super().clean()
        if self.source is None:
            raise ValidationError(_("Choose an audience from the list."))
        return cleaned

    def filters(self) -> dict:
        return {
            name.removeprefix("filter_"): values
            for name, values in self.cleaned_data.items()
            if name.startswith("filter_") and values
        }


class StartForm(forms.Form):
    at = forms.DateTimeField(
        label=_("Send at (leave empty to send now)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )


class SuppressionForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    note = forms.CharField(label=_("Note"), max_length=300, required=False)
