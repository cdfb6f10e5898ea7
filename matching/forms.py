from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from .models import SkillConcept


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


class SynonymAddForm(forms.Form):
    """Read a frequent unknown tag as an existing concept from now on (the concept given by its code)."""

    tag = forms.CharField(max_length=120)
    concept = forms.CharField(label=_("Concept"), max_length=80)

    def clean_concept(self):
        concept = SkillConcept.objects.filter(code=self.cleaned_data["concept"].strip()).first()
        if concept is None:
            raise forms.ValidationError(_("Choose a skill of the list."), code="unknown")
        return concept
