from django import forms
from django.contrib import admin

from core.countries import country_choices_lazy

from .models import Profile, Project, RelayCoverage


class RelayCoverageForm(forms.ModelForm):
    countries = forms.MultipleChoiceField(choices=country_choices_lazy, widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = RelayCoverage
        fields = ["relay", "countries", "body", "contact_channel", "contact"]


@admin.register(RelayCoverage)
class RelayCoverageAdmin(admin.ModelAdmin):
    form = RelayCoverageForm
    list_display = ["relay", "body", "countries", "contact_channel"]
    autocomplete_fields = ["relay"]
    search_fields = ["relay__email"]


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["display_name", "country", "user"]
    search_fields = ["display_name", "user__email"]
    list_filter = ["country"]
    raw_id_fields = ["user"]
    exclude = ["photo"]


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["title", "stage", "sector", "owner"]
    list_filter = ["stage", "sector"]
    raw_id_fields = ["owner"]
