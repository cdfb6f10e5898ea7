"""The dashboard's filters: what the reader asked, read from the query string, as every panel receives it."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.labels.models import Label, LabelGrant
from community.profiles.choices import Region
from community.profiles.selectors import filter_values_in_use
from core.countries import country_choices
from core.sectors import SectorChoice

PERIODS = [
    ("4", _("Last 4 weeks")),
    ("13", _("Last 13 weeks")),
    ("52", _("Last 52 weeks")),
    ("all", _("All time")),
]
DEFAULT_PERIOD = "13"
FILTER_LABELS = {
    "period": _("Period"),
    "country": _("Country of residence"),
    "region": _("Region of Morocco"),
    "sector": _("Sector"),
    "label": _("Label held"),
}
NARROWING = ("country", "region", "sector", "label")  # the filters besides the period


class FilterForm(forms.Form):
    period = forms.ChoiceField(label=_("Period"), choices=PERIODS, required=False, initial=DEFAULT_PERIOD)
    country = forms.ChoiceField(label=_("Country of residence"), required=False)
    region = forms.ChoiceField(
        label=_("Region of Morocco"), choices=[("", _("All regions")), *Region.choices], required=False
    )
    sector = forms.ChoiceField(
        label=_("Sector"), choices=[("", _("All sectors")), *SectorChoice.choices], required=False
    )

    label = forms.ChoiceField(label=_("Label held"), required=False)

    def __init__(self, *args, countries=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = country_choices()
        if countries is not None:
            choices = [(code, name) for code, name in choices if code in countries]
        self.fields["country"].choices = [("", _("All countries")), *choices]
        labels = sorted(((label.slug, label.name) for label in Label.objects.all()), key=lambda c: c[1])
        self.fields["label"].choices = [("", _("Any member")), *labels]


def dimension_values() -> dict[str, list[str]]:
    """Every value of each narrowing filter that the daily aggregates compute ahead: the countries where
    members live, the regions and sectors some member or project has, and the labels."""
    return {
        **filter_values_in_use(),
        "label": list(Label.objects.order_by("slug").values_list("slug", flat=True)),
    }


def label_holders(slug: str):
    """Ids of the users who hold the label today (a subquery panels use as ``user__in=``), or None."""
    if not slug:
        return None
    return LabelGrant.objects.active().filter(label__slug=slug).values("user_id")


def filters_from(data, countries) -> tuple[FilterForm, dict]:
    """The form (bound to the query string) and the filters every panel receives (see core.registry).

    A value the form does not know falls back to "any" rather than refusing the page."""
    form = FilterForm(data or None, countries=countries)
    cleaned = form.cleaned_data if form.is_bound and form.is_valid() else {}
    period = cleaned.get("period") or DEFAULT_PERIOD
    until = timezone.now()
    since = previous_since = None
    if period != "all":
        span = datetime.timedelta(weeks=int(period))
        since = until - span
        previous_since = since - span
    country = cleaned.get("country") or ""
    return form, {
        "period": period,
        "since": since,
        "until": until,
        "previous_since": previous_since,
        "country": country,
        "region": cleaned.get("region") or "",
        "sector": cleaned.get("sector") or "",
        "label": cleaned.get("label") or "",
        "label_holders": label_holders(cleaned.get("label") or ""),
        "countries": countries,
    }


def active_filters(filters) -> set[str]:
    """Names of the filters the reader narrowed (the period always counts: it has a default)."""
    names = {"period"}
    names.update(name for name in NARROWING if filters.get(name))
    return names
