"""The filter builder: a form whose cleaned data is the JSON a segment keeps, and its queryset.

Semantics, shown to analysts next to each field: values within one filter are alternatives (OR),
filters together narrow (AND).

- sector: a sector the member declares on their profile, or the sector of one of their projects;
- region: the region of Morocco of one of their projects, or their region of origin;
- stage, funding need: of one of their projects (stage and funding together: of the same project);
- country of residence, ways to contribute: from the profile; label: held now;
- last activity: the latest of the last login (or sign-up when never logged in), the last change to
  the profile, and the last change to one of their projects.
"""

from datetime import timedelta

from django import forms
from django.db.models import Exists, F, Max, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.labels.models import Label
from community.labels.selectors import users_holding
from community.profiles.choices import Contribution, FundingBand, Region, Stage
from community.profiles.models import Project
from core.countries import country_choices_lazy
from core.sectors import SectorChoice

AUDIENCE_CHOICES = [
    ("", _("All members")),
    ("holders", _("Project holders only")),
    ("others", _("Members without a project")),
]
ACTIVITY_CHOICES = [
    ("", _("Any time")),
    ("30", _("Active in the last 30 days")),
    ("90", _("Active in the last 90 days")),
    ("365", _("Active in the last 12 months")),
    ("dormant", _("No activity for more than 12 months")),
]
LIST_FILTERS = ("sector", "stage", "region", "country", "label", "contribution", "funding")
SINGLE_FILTERS = ("audience", "activity")


class LongCheckboxList(forms.CheckboxSelectMultiple):
    """Checkboxes for a long list (some 250 countries): the builder folds them in a <details> with a
    filter box (themes/js/choice-filter.js). Same name and values as a <select multiple>, so saved
    segments, links and the live count read them unchanged; no Ctrl or Cmd click, and no script needed."""

    long_list = True


def _label_choices():
    return [(label.slug, label.name) for label in Label.objects.order_by("slug")]


class SegmentFilterForm(forms.Form):
    audience = forms.ChoiceField(label=_("Who"), choices=AUDIENCE_CHOICES, required=False)
    sector = forms.MultipleChoiceField(
        label=_("Sector"),
        choices=SectorChoice.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Declared on the profile or the sector of one of their projects."),
    )
    stage = forms.MultipleChoiceField(
        label=_("Project stage"), choices=Stage.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    funding = forms.MultipleChoiceField(
        label=_("Funding need"),
        choices=FundingBand.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Stage and funding need are read on the same project."),
    )
    region = forms.MultipleChoiceField(
        label=_("Region of Morocco"),
        choices=Region.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The region of one of their projects, or their region of origin."),
    )
    country = forms.MultipleChoiceField(
        label=_("Country of residence"),
        choices=country_choices_lazy,
        required=False,
        widget=LongCheckboxList,
        help_text=_("Tick every country to include."),
    )
    label = forms.MultipleChoiceField(
        label=_("Label held"), choices=(), required=False, widget=forms.CheckboxSelectMultiple
    )
    contribution = forms.MultipleChoiceField(
        label=_("Ways to contribute"),
        choices=Contribution.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    activity = forms.ChoiceField(
        label=_("Last activity"),
        choices=ACTIVITY_CHOICES,
        required=False,
        help_text=_("Latest of: last login, last change to the profile, last change to a project."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["label"].choices = _label_choices()

    def filters(self) -> dict:
        """The non-empty filters, as kept in ``Segment.filters`` (call after ``is_valid()``)."""
        data = {}
        for name in LIST_FILTERS:
            values = sorted(self.cleaned_data.get(name) or [])
            if values:
                data[name] = values
        for name in SINGLE_FILTERS:
            if self.cleaned_data.get(name):
                data[name] = self.cleaned_data[name]
        return data


def clean_filters(raw) -> dict:
    """Saved or posted filters, validated again (a label may have gone); unknown values are dropped."""
    raw = raw if isinstance(raw, dict) else {}
    data = {}
    for name, value in raw.items():
        if name in LIST_FILTERS:
            data[name] = [str(v) for v in value] if isinstance(value, list) else [str(value)]
        elif name in SINGLE_FILTERS:
            data[name] = str(value)
    form = SegmentFilterForm(data)
    form.is_valid()
    cleaned = {}
    for name in LIST_FILTERS:
        allowed = {str(key) for key, _label in form.fields[name].choices}
        values = sorted(v for v in data.get(name, []) if v in allowed)
        if values:
            cleaned[name] = values
    for name in SINGLE_FILTERS:
        allowed = {key for key, _label in form.fields[name].choices if key}
        if data.get(name) in allowed:
            cleaned[name] = data[name]
    return cleaned


def _any_of(column: str, values: list[str]) -> Q:
    """Match a denormalised ``|a|b|`` key column against any of the values."""
    condition = Q()
    for value in values:
        condition |= Q(**{f"{column}__contains": f"|{value}|"})
    return condition


def last_activity_expression():
    """The member's last activity (see the module docstring), for ``.annotate(last_activity=...)``."""
    latest_project = Subquery(
        Project.objects.filter(owner=OuterRef("pk"))
        .values("owner")
        .annotate(latest=Max("updated_at"))
        .values("latest")[:1]
    )
    return Greatest(
        Coalesce(F("user__last_login"), F("user__date_joined")),
        F("updated_at"),
        Coalesce(latest_project, F("updated_at")),
    )


def apply_filters(profiles: QuerySet, filters: dict) -> QuerySet:
    """Narrow a Profile queryset by cleaned filters (see ``clean_filters``)."""
    projects = Project.objects.filter(owner=OuterRef("pk"))
    same_project = {}
    if filters.get("stage"):
        same_project["stage__in"] = filters["stage"]
    if filters.get("funding"):
        same_project["funding_need__in"] = filters["funding"]
    if same_project:
        profiles = profiles.filter(Exists(projects.filter(**same_project)))
    audience = filters.get("audience")
    if audience == "holders":
        profiles = profiles.filter(Exists(projects))
    elif audience == "others":
        profiles = profiles.exclude(Exists(projects))
    if filters.get("sector"):
        profiles = profiles.filter(
            _any_of("sectors_key", filters["sector"]) | Exists(projects.filter(sector__in=filters["sector"]))
        )
    if filters.get("region"):
        profiles = profiles.filter(
            Q(region_of_origin__in=filters["region"]) | Exists(projects.filter(region__in=filters["region"]))
        )
    if filters.get("country"):
        profiles = profiles.filter(country__in=filters["country"])
    if filters.get("contribution"):
        profiles = profiles.filter(_any_of("contributions_key", filters["contribution"]))
    if filters.get("label"):
        label_ids = Label.objects.filter(slug__in=filters["label"]).values("id")
        profiles = profiles.filter(user_id__in=users_holding(label_ids))
    activity = filters.get("activity")
    if activity:
        profiles = profiles.annotate(last_activity=last_activity_expression())
        year_ago = timezone.now() - timedelta(days=365)
        if activity == "dormant":
            profiles = profiles.filter(last_activity__lt=year_ago)
        else:
            profiles = profiles.filter(last_activity__gte=timezone.now() - timedelta(days=int(activity)))
    return profiles


def project_filters(filters: dict) -> dict:
    """The part of the filters that reads one project, for the ranked list of a segment's projects."""
    lookups = {}
    if filters.get("stage"):
        lookups["stage__in"] = filters["stage"]
    if filters.get("funding"):
        lookups["funding_need__in"] = filters["funding"]
    return lookups


def describe_filters(filters: dict) -> list[tuple[str, str]]:
    """(filter label, chosen values) in the active language, for the page that shows a segment."""
    form = SegmentFilterForm()
    rows = []
    for name, field in form.fields.items():
        value = filters.get(name)
        if not value:
            continue
        labels = {str(key): str(label) for key, label in field.choices}
        values = value if isinstance(value, list) else [value]
        rows.append((str(field.label), ", ".join(labels.get(str(v), str(v)) for v in values)))
    return rows


def filter_pairs(filters: dict) -> list[tuple[str, str]]:
    """The filters as (name, value) pairs: hidden inputs and query strings of the builder."""
    pairs = []
    for name, value in filters.items():
        for item in value if isinstance(value, list) else [value]:
            pairs.append((name, str(item)))
    return pairs
