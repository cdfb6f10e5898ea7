"""The "diaspora at a glance" panels of the ministry's dashboard (drawn by the dashboard app; see
core.registry.DashboardPanel for the shape and the filters).

Breakdowns by country of residence and by region of Morocco go through core.disclosure here, for every
reader: a country with one member joins the "other countries" row, and a small row total shows as "< 5".
"""

import datetime

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import TruncWeek
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.countries import country_name
from core.disclosure import count_shown, rows_protected
from core.languages import LanguageChoice
from core.registry import DashboardPanel
from core.sectors import SectorChoice

from .choices import Region
from .models import Profile, Project, TaggedNeededSkill, TaggedSkill

ALL = frozenset({"period", "country", "region", "sector", "label"})
NO_PERIOD = frozenset({"country", "region", "sector", "label"})
TOP_SKILLS = 10
MAX_WEEKS = 52


def _member_q(filters, prefix="") -> Q:
    """Members matching the country, region (of origin), sector and label filters, and the reader's
    countries."""
    q = Q()
    if filters.get("countries") is not None:
        q &= Q(**{f"{prefix}country__in": sorted(filters["countries"])})
    if filters.get("country"):
        q &= Q(**{f"{prefix}country": filters["country"]})
    if filters.get("region"):
        q &= Q(**{f"{prefix}region_of_origin": filters["region"]})
    if filters.get("sector"):
        q &= Q(**{f"{prefix}sectors_key__contains": f"|{filters['sector']}|"})
    if filters.get("label_holders") is not None:
        q &= Q(**{f"{prefix}user__in": filters["label_holders"]})
    return q


def _project_q(filters, prefix="") -> Q:
    """Projects matching the filters: the owner's country and label, the project's own region and sector."""
    q = Q()
    if filters.get("countries") is not None:
        q &= Q(**{f"{prefix}owner__country__in": sorted(filters["countries"])})
    if filters.get("country"):
        q &= Q(**{f"{prefix}owner__country": filters["country"]})
    if filters.get("region"):
        q &= Q(**{f"{prefix}region": filters["region"]})
    if filters.get("sector"):
        q &= Q(**{f"{prefix}sector": filters["sector"]})
    if filters.get("label_holders") is not None:
        q &= Q(**{f"{prefix}owner__user__in": filters["label_holders"]})
    return q


def _members(filters):
    return Profile.objects.filter(_member_q(filters))


def _projects(filters):
    return Project.objects.filter(_project_q(filters))


def _in_period(queryset, filters, field="created_at"):
    if filters.get("since"):
        queryset = queryset.filter(**{f"{field}__gte": filters["since"]})
    return queryset.filter(**{f"{field}__lt": filters["until"]})


def _holders(filters):
    """Members who hold at least one project (among the filtered projects)."""
    return _members(filters).filter(Exists(_projects(filters).filter(owner=OuterRef("pk"))))


def weekly_data(request, filters) -> dict:
    """New members and new project holders per week (the week a holder's profile was created)."""
    since = filters.get("since") or filters["until"] - datetime.timedelta(weeks=MAX_WEEKS)
    scoped = {**filters, "since": since}

    def per_week(queryset):
        rows = (
            _in_period(queryset, scoped)
            .annotate(week=TruncWeek("created_at"))
            .values("week")
            .annotate(n=Count("id"))
            .order_by()
        )
        return {row["week"].date(): row["n"] for row in rows}

    members, holders = per_week(_members(filters)), per_week(_holders(filters))
    start = (since - datetime.timedelta(days=since.weekday())).date()
    end = timezone.localdate(filters["until"])
    weeks, week = [], start
    while week <= end:
        weeks.append(week)
        week += datetime.timedelta(weeks=1)
    return {
        "columns": [_("Week of"), _("New members"), _("New project holders")],
        "rows": [
            [formats.date_format(week, "SHORT_DATE_FORMAT"), members.get(week, 0), holders.get(week, 0)]
            for week in weeks
        ],
    }


def comparison_data(request, filters) -> dict:
    """This period against the one before (same length); all time has no period before. One pass per
    measure over both periods (a count of each)."""
    since, previous, until = filters.get("since"), filters.get("previous_since"), filters["until"]

    def counts(queryset):
        if not since:
            return queryset.filter(created_at__lt=until).count(), None
        both = queryset.filter(created_at__gte=previous, created_at__lt=until).aggregate(
            now=Count("id", filter=Q(created_at__gte=since)),
            before=Count("id", filter=Q(created_at__lt=since)),
        )
        return both["now"], both["before"]

    rows = []
    for label, queryset in (
        (_("New members"), _members(filters)),
        (_("New project holders"), _holders(filters)),
    ):
        now, before = counts(queryset)
        change = round(100.0 * (now - before) / before, 1) if before else None
        rows.append([label, now, before, change])
    return {"columns": [_("Measure"), _("This period"), _("Period before"), _("Change (%)")], "rows": rows}


def countries_data(request, filters) -> dict:
    """Members and project holders by country of residence (today's members; no period).

    Keyed by country code for the world map. Holders are a subset of a row's members, not a part of
    its total: a small number of holders shows as "< 5" on its own and hides nothing else."""
    members = dict(
        _members(filters).exclude(country="").values_list("country").annotate(n=Count("id")).order_by()
    )
    holders = dict(
        _holders(filters).exclude(country="").values_list("country").annotate(n=Count("id")).order_by()
    )
    raw = [
        {"key": code, "label": country_name(code), "total": n, "counts": [n]}
        for code, n in sorted(members.items(), key=lambda item: (-item[1], item[0]))
    ]
    rows = rows_protected(raw, other_label=_("Other countries"))
    shown_keys = {row["key"] for row in rows}
    others = sum(n for code, n in holders.items() if code not in shown_keys)
    return {
        "columns": [_("Country of residence"), _("Members"), _("Project holders")],
        "rows": [
            [row["label"], *row["counts"], count_shown(holders.get(row["key"], 0) if row["key"] else others)]
            for row in rows
        ],
        "keys": [row["key"] for row in rows],
    }


def regions_data(request, filters) -> dict:
    """Projects by region of Morocco, in the period (keyed by region code for the map)."""
    counts = dict(
        _in_period(_projects(filters), filters).values_list("region").annotate(n=Count("id")).order_by()
    )
    labels = dict(Region.choices)
    raw = [
        {"key": code, "label": str(labels.get(code, code)), "total": n, "counts": [n]}
        for code, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        if code
    ]
    rows = rows_protected(raw, other_label=_("Other regions"))
    return {
        "columns": [_("Region of Morocco"), _("Projects")],
        "rows": [[r["label"], *r["counts"]] for r in rows],
        "keys": [r["key"] for r in rows],
    }


def _coded_counts(queryset, field, choices):
    """Members per code of a "|a|b|" key, in one pass over the table."""
    aggregates = {
        code: Count("id", filter=Q(**{f"{field}__contains": f"|{code}|"})) for code, _label in choices
    }
    counts = queryset.aggregate(**aggregates) if aggregates else {}
    return [(label, counts[code]) for code, label in choices if counts.get(code)]


def sectors_data(request, filters) -> dict:
    members = dict(_coded_counts(_members(filters), "sectors_key", SectorChoice.choices))
    projects = dict(
        _in_period(_projects(filters), filters).values_list("sector").annotate(n=Count("id")).order_by()
    )
    rows = [
        [str(label), members.get(label, 0), projects.get(code, 0)]
        for code, label in SectorChoice.choices
        if members.get(label) or projects.get(code)
    ]
    rows.sort(key=lambda row: (-row[1], row[0]))
    return {"columns": [_("Sector"), _("Members"), _("Projects in the period")], "rows": rows}


def languages_data(request, filters) -> dict:
    rows = [
        [str(label), n]
        for label, n in _coded_counts(_members(filters), "languages_key", LanguageChoice.choices)
    ]
    rows.sort(key=lambda row: (-row[1], row[0]))
    return {"columns": [_("Language"), _("Members who speak it")], "rows": rows}


def skills_data(request, filters) -> dict:
    """The skills most offered by members against those most needed by projects (top 10 of each).

    One grouped count per side over every skill (a bounded vocabulary), the tops picked from it."""
    offered = dict(
        TaggedSkill.objects.filter(_member_q(filters, "content_object__"))
        .values_list("tag__name")
        .annotate(n=Count("id"))
        .order_by()
    )
    needed = dict(
        TaggedNeededSkill.objects.filter(_project_q(filters, "content_object__"))
        .values_list("tag__name")
        .annotate(n=Count("id"))
        .order_by()
    )

    def top(counts):
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        return [name for name, _n in ranked[:TOP_SKILLS]]

    names = list(dict.fromkeys(top(offered) + top(needed)))
    return {
        "columns": [_("Skill"), _("Members offering it"), _("Projects needing it")],
        "rows": [[name, offered.get(name, 0), needed.get(name, 0)] for name in names],
    }


PANELS = [
    DashboardPanel(
        key="profiles.weekly",
        title=gettext_lazy("New members and project holders per week"),
        data=weekly_data,
        supports=ALL,
        chart="line",
        section="glance",
        order=10,
        note=gettext_lazy("All time shows the last 52 weeks."),
    ),
    DashboardPanel(
        key="profiles.comparison",
        title=gettext_lazy("This period compared with the one before"),
        data=comparison_data,
        supports=ALL,
        section="glance",
        order=11,
    ),
    DashboardPanel(
        key="profiles.countries",
        title=gettext_lazy("Members by country of residence"),
        data=countries_data,
        supports=NO_PERIOD,
        section="glance",
        order=12,
        map="world",
    ),
    DashboardPanel(
        key="profiles.regions",
        title=gettext_lazy("Projects by region of Morocco"),
        data=regions_data,
        supports=ALL,
        section="glance",
        order=13,
        map="morocco",
    ),
    DashboardPanel(
        key="profiles.sectors",
        title=gettext_lazy("Sectors"),
        data=sectors_data,
        supports=ALL,
        section="glance",
        order=14,
        note=gettext_lazy("Members: all members today; projects: created in the period."),
    ),
    DashboardPanel(
        key="profiles.skills",
        title=gettext_lazy("Skills most offered and most needed"),
        data=skills_data,
        supports=NO_PERIOD,
        section="glance",
        order=15,
    ),
    DashboardPanel(
        key="profiles.languages",
        title=gettext_lazy("Languages spoken"),
        data=languages_data,
        supports=NO_PERIOD,
        section="glance",
        order=16,
    ),
]
