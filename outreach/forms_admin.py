"""The Wagtail admin form of a campaign: one message per language, fields and links that will work."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from wagtail.admin.forms import WagtailAdminModelForm


class CampaignAdminForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("messages")
        if formset is None or not formset.is_valid():
            return cleaned  # the messages' own errors are shown beside them
        languages = [
            form.cleaned_data.get("language")
            for form in formset.forms
            if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
        ]
        if len(languages) != len(set(languages)):
            raise ValidationError(_("Write at most one message per language."))
        if cleaned.get("fallback_language") not in languages:
            self.add_error("fallback_language", _("Write a message in the fallback language."))
        return cleaned
