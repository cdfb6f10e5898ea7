from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ModerationAction, Report
from .services import MAX_SUSPENSION_DAYS


class ReportForm(forms.Form):
    category = forms.ChoiceField(
        label=_("What is wrong?"), choices=Report.Category.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=_("Details (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ModerationActionForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Action"), choices=ModerationAction.Action.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Reason or message"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the moderation history; a warning sends it to the author."),
    )
    days = forms.IntegerField(
        label=_("Suspension length (days)"),
        min_value=1,
        max_value=MAX_SUSPENSION_DAYS,
        required=False,
        help_text=_("Only for a suspension."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == ModerationAction.Action.SUSPEND and not cleaned.get("days"):
            self.add_error("days", _("Say how many days the suspension lasts."))
        return cleaned
