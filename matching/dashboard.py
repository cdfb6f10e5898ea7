"""The matching panel of the ministry's dashboard: suggestions accepted and declined, by side."""

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.registry import DashboardPanel

from .models import Introduction, MatchDecision, Side, Verdict


def decisions_data(request, filters) -> dict:
    decisions = MatchDecision.objects.filter(created_at__lt=filters["until"])
    introductions = Introduction.objects.filter(created_at__lt=filters["until"])
    if filters.get("since"):
        decisions = decisions.filter(created_at__gte=filters["since"])
        introductions = introductions.filter(created_at__gte=filters["since"])
    if filters.get("countries") is not None:
        decisions = decisions.filter(profile__country__in=sorted(filters["countries"]))
        introductions = introductions.filter(profile__country__in=sorted(filters["countries"]))
    for name, lookup in (
        ("country", "profile__country"),
        ("region", "project__region"),
        ("sector", "project__sector"),
    ):
        if filters.get(name):
            decisions = decisions.filter(**{lookup: filters[name]})
            introductions = introductions.filter(**{lookup: filters[name]})
    if filters.get("label_holders") is not None:  # the member's side holds the label
        decisions = decisions.filter(profile__user__in=filters["label_holders"])
        introductions = introductions.filter(profile__user__in=filters["label_holders"])
    counts = {
        row["side"]: row
        for row in decisions.values("side")
        .annotate(
            accepted=Count("id", filter=Q(verdict=Verdict.ACCEPT)),
            declined=Count("id", filter=Q(verdict=Verdict.DECLINE)),
        )
        .order_by()
    }
    rows = [
        [str(label), counts.get(side, {}).get("accepted", 0), counts.get(side, {}).get("declined", 0)]
        for side, label in Side.choices
    ]
    rows.append([_("Introductions made"), introductions.count(), None])
    return {"columns": [_("Decided by"), _("Accepted"), _("Declined")], "rows": rows}


PANEL = DashboardPanel(
    key="matching.decisions",
    title=gettext_lazy("Matching suggestions accepted and declined"),
    data=decisions_data,
    supports=frozenset({"period", "country", "region", "sector", "label"}),
    section="activity",
    order=40,
    note=gettext_lazy(
        "Country and label: the member's (country of residence, label held); "
        "region and sector: the project's."
    ),
)
