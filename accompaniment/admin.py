"""Administrators configure the pipeline here: stages (names in three languages, order, kind, service
level, which stages follow, required fields, who may move cases in, checklist) and advisors' expertise.
Cases are worked on the staff pages, never edited here; the timeline is read-only everywhere."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from community.profiles.choices import Region
from core.sectors import sector_choices

from .models import AdvisorProfile, Stage
from .services import FIELD_LABELS

ROLE_CHOICES = [("advisor", _("Advisor")), ("relay", _("Relay")), ("admin", _("Administrator"))]


class StageForm(forms.ModelForm):
    required_fields = forms.MultipleChoiceField(
        label=_("fields required to enter"),
        choices=list(FIELD_LABELS.items()),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    mover_roles = forms.MultipleChoiceField(
        label=_("roles that may move a case here"), choices=ROLE_CHOICES, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Stage
        fields = [
            "key",
            "name_en",
            "name_fr",
            "name_ar",
            "order",
            "kind",
            "initial",
            "sla_days",
            "next_stages",
            "required_fields",
            "mover_roles",
            "reason_required",
            "checklist",
            "active",
        ]


@admin.register(Stage)
class StageAdmin(admin.ModelAdmin):
    form = StageForm
    list_display = ["key", "name_fr", "order", "kind", "sla_days", "initial", "active"]
    list_editable = ["order", "sla_days", "active"]
    filter_horizontal = ["next_stages"]

    def has_delete_permission(self, request, obj=None):
        return False  # a stage cases went through stays; deactivate it instead


class AdvisorProfileForm(forms.ModelForm):
    sectors = forms.MultipleChoiceField(
        label=_("sectors of expertise"),
        choices=sector_choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    regions = forms.MultipleChoiceField(
        label=_("regions"), choices=Region.choices, widget=forms.CheckboxSelectMultiple, required=False
    )

    class Meta:
        model = AdvisorProfile
        fields = ["user", "sectors", "regions", "capacity"]


@admin.register(AdvisorProfile)
class AdvisorProfileAdmin(admin.ModelAdmin):
    form = AdvisorProfileForm
    list_display = ["user", "capacity"]
    raw_id_fields = ["user"]
