from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm


class SynonymsField(forms.CharField):
    """One synonym per line, stored as a list."""

    widget = forms.Textarea(attrs={"rows": 6})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return value

    def to_python(self, value):
        text = super().to_python(value) or ""
        return list(dict.fromkeys(line.strip() for line in text.splitlines() if line.strip()))


class SkillConceptForm(WagtailAdminModelForm):
    synonyms = SynonymsField(
        label=_("synonyms"), required=False, help_text=_("One per line, in any language.")
    )
