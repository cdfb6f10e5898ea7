"""Reads of accompaniment: the board (kanban and list), a case's pages, the funnel's aggregates.

The board and the funnel must stay fast at 20,000 cases and 100,000 timeline entries
(bench/accompaniment.py): the board reads one page of cases per column with the case table's indexes, and
the funnel aggregates in the database, one grouped scan per table (medians by an indexed offset).
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import Count, Q, Sum
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from community.profiles.choices import Region
from core.countries import country_name
from core.disclosure import count_shown, min_count, rows_protected
from core.names import display_name
from core.sectors import matching_sectors, sector_name

from . import permissions
from .models import Case, Referral, Stage, Task, TimelineEntry

CARDS_PER_COLUMN = 20
AGE_BUCKETS = {"lt7": (0, 7), "7-30": (7, 30), "30-90": (30, 90), "gt90": (90, None)}


def stages_active():
    return list(Stage.objects.filter(active=True).order_by("order", "id"))


def staff_cases(user):
    condition = permissions.staff_cases_filter(user)
    if condition is None:
        return Case.objects.none()
    return Case.objects.filter(condition)


def cases_filtered(user, filters: dict, now=None):
    """The cases this staff member may see, narrowed by the board's filters (already validated)."""
    now = now or timezone.now()
    cases = staff_cases(user)
    if filters.get("region"):
        cases = cases.filter(region=filters["region"])
    if filters.get("sector"):
        cases = cases.filter(sector__in=sorted(matching_sectors(filters["sector"])))
    if filters.get("country"):
        cases = cases.filter(country=filters["country"])
    if filters.get("stage"):
        cases = cases.filter(stage=filters["stage"])
    advisor = filters.get("advisor")
    if advisor == "none":
        cases = cases.filter(advisor__isnull=True)
    elif advisor:
        cases = cases.filter(advisor_id=advisor)
    if filters.get("relay"):
        cases = cases.filter(relay_id=filters["relay"])
    if filters.get("age") in AGE_BUCKETS:
        low, high = AGE_BUCKETS[filters["age"]]
        cases = cases.filter(created_at__lte=now - timedelta(days=low))
        if high is not None:
            cases = cases.filter(created_at__gt=now - timedelta(days=high))
    if filters.get("overdue"):
        cases = cases.filter(due_at__lt=now, closed_at__isnull=True)
    return cases


CARD_FIELDS = (
    "pk",
    "project__title",
    "region",
    "sector",
    "country",
    "created_at",
    "due_at",
    "closed_at",
    "stage_id",
    "advisor_id",
    "relay_id",
)
REGION_LABELS = dict(Region.choices)


@dataclass
class Card:
    """What the board shows of a case: read as plain values, not model instances (the board reads up to
    160 cases a page)."""

    pk: int
    title: str
    region: str
    sector: str
    country: str
    created_at: object
    due_at: object
    closed_at: object
    stage_id: int
    advisor_id: int | None
    relay_id: int | None
    advisor_name: str = ""
    relay_name: str = ""
    overdue: bool = False

    @property
    def reference(self) -> str:
        return f"A-{self.pk:05d}"

    @property
    def region_label(self):
        return REGION_LABELS.get(self.region, self.region)


def people_names(ids) -> dict[int, str]:

    ids = {pk for pk in ids if pk}
    if not ids:
        return {}
    users = get_user_model().objects.filter(pk__in=ids).select_related("profile")
    return {user.pk: display_name(user) for user in users}


@dataclass
class Column:
    stage: Stage
    count: int
    cards: list = field(default_factory=list)


def board_columns(user, filters: dict, now=None) -> list[Column]:
    now = now or timezone.now()
    cases = cases_filtered(user, filters, now)
    counts = dict(cases.order_by().values_list("stage").annotate(n=Count("pk")).values_list("stage", "n"))
    columns = []
    for stage in stages_active():
        if filters.get("stage") and filters["stage"].pk != stage.pk:
            continue
        count = counts.get(stage.pk, 0)
        cards = cases.filter(stage=stage).order_by("created_at", "id")[:CARDS_PER_COLUMN] if count else None
        columns.append(Column(stage, count, cards))
    pages = _cards_many([column.cards for column in columns], now)
    for column, cards in zip(columns, pages, strict=True):
        column.cards = cards
    return columns


def _cards_many(querysets, now) -> list[list[Card]]:
    """Several pages of cards, with the people's names read once for all."""
    rows = [[Card(*r) for r in q.values_list(*CARD_FIELDS)] if q is not None else [] for q in querysets]
    names = people_names([pk for cards in rows for c in cards for pk in (c.advisor_id, c.relay_id)])
    for cards in rows:
        for card in cards:
            card.advisor_name = names.get(card.advisor_id, "")
            card.relay_name = names.get(card.relay_id, "")
            card.overdue = bool(card.due_at and card.due_at < now and card.closed_at is None)
    return rows


def board_list(user, filters: dict, now=None):
    """The filtered cases, newest first, for the paginator; ``cards_of`` turns a page into cards."""
    return cases_filtered(user, filters, now).order_by("-created_at", "-id")


def cards_of(page_queryset, now=None) -> list[Card]:
    return _cards_many([page_queryset], now or timezone.now())[0]


def overdue_counts(user, filters: dict, now=None) -> dict:
    """Service-level breaches among the filtered cases: overdue now, and stages left late in the past."""
    now = now or timezone.now()
    cases = cases_filtered(user, filters, now)
    overdue_now = cases.filter(due_at__lt=now, closed_at__isnull=True).count()
    past = TimelineEntry.objects.filter(kind=TimelineEntry.Kind.TRANSITION, breached=True)
    if filters or permissions.staff_cases_filter(user) != Q():  # not everything: narrow to these cases
        past = past.filter(case__in=cases.values("pk"))
    return {"overdue_now": overdue_now, "breached_before": past.count()}


def overdue_tasks(user, today=None):
    today = today or timezone.localdate()
    return (
        Task.objects.filter(done_at__isnull=True, due_on__lt=today, case__in=staff_cases(user).values("pk"))
        .select_related("case", "case__project")
        .order_by("due_on", "id")
    )


def case_timeline(case):
    return case.timeline.select_related("actor", "from_stage", "to_stage").order_by("at", "id")


def case_referrals(case):
    return case.referrals.select_related("programme", "mentor").order_by("-created_at", "-id")


def case_documents(case):
    return case.documents.prefetch_related("versions").order_by("kind")


def holder_cases(user):
    return Case.objects.filter(holder=user).select_related("project", "stage", "advisor", "relay")


# The funnel --------------------------------------------------------------------------------------------


def _period(queryset, field_name: str, start, end):
    if start:
        queryset = queryset.filter(**{f"{field_name}__gte": start})
    if end:
        queryset = queryset.filter(**{f"{field_name}__lt": end})
    return queryset


def _median_seconds(entries, stage, n) -> int | None:
    """The median time in ``stage`` among ``n`` moves out of it (counted with the breaches)."""
    if not n:
        return None
    rows = entries.filter(from_stage=stage)
    return rows.order_by("seconds_in_stage").values_list("seconds_in_stage", flat=True)[n // 2]


@dataclass
class FunnelRow:
    stage: Stage
    current: int
    reached: int
    conversion: int | None  # percent of the cases that reached the previous stage of the main path
    median_days: float | None
    breaches: int
    overdue_now: int


FUNNEL_GENERATION_KEY = "accompaniment:funnel:generation"
FUNNEL_CACHE_SECONDS = 300


def funnel_changed() -> None:
    """Every write that moves the figures (a timeline entry) calls this after its commit: cached funnels
    of every period are stale from then on (their key names the old generation)."""
    try:
        cache.incr(FUNNEL_GENERATION_KEY)
    except ValueError:  # not set yet, or expired
        cache.set(FUNNEL_GENERATION_KEY, 1, timeout=None)


def funnel_cached(start=None, end=None) -> dict:
    """The funnel, computed once per period, language and generation of the data (the cache is shared by
    every process through Redis in the scaled set-up)."""
    generation = cache.get_or_set(FUNNEL_GENERATION_KEY, 1, timeout=None)
    language = translation.get_language() or ""
    period = f"{start and start.isoformat()}:{end and end.isoformat()}"
    key = f"accompaniment:funnel:{generation}:{language}:{period}"
    data = cache.get(key)
    if data is None:
        data = funnel(start, end)
        cache.set(key, data, timeout=FUNNEL_CACHE_SECONDS)
    return data


def funnel(start=None, end=None, now=None) -> dict:
    """Aggregates only: no case, no person. ``start``/``end``: the period (cases requested, moves made)."""
    now = now or timezone.now()
    stages = stages_active()
    cases = _period(Case.objects.all(), "created_at", start, end)
    # One pass per table: cases now and overdue by stage; stages reached, moves out and breaches.
    current, overdue = _grouped(cases, "stage", overdue=Q(due_at__lt=now, closed_at__isnull=True))
    entries = _period(TimelineEntry.objects.all(), "at", start, end)
    moves = entries.filter(kind=TimelineEntry.Kind.TRANSITION)
    reached, left, breaches = _timeline_counts(entries)
    rows, previous = [], None
    for stage in stages:
        on_path = stage.kind in (Stage.Kind.OPEN, Stage.Kind.SUCCESS)
        reach = reached.get(stage.pk, 0)
        conversion = None
        if on_path and previous is not None and reached.get(previous.pk):
            conversion = round(100 * reach / reached[previous.pk])
        median = _median_seconds(moves, stage, left.get(stage.pk, 0)) if not stage.is_final else None
        rows.append(
            FunnelRow(
                stage,
                current.get(stage.pk, 0),
                reach,
                conversion,
                round(median / 86400, 1) if median is not None else None,
                breaches.get(stage.pk, 0),
                overdue.get(stage.pk, 0),
            )
        )
        if on_path:
            previous = stage
    other = _("Others, fewer than %(count)s cases each") % {"count": min_count()}
    return {
        "rows": rows,
        "outcomes": {
            name: rows_protected(table, other_label=other) for name, table in _outcomes_all(cases).items()
        },
        "programmes": rows_protected(programme_outcomes(start, end), other_label=other),
        "launch": launch_protected(launch_totals(cases)),
        "total": sum(current.values()),
    }


def _timeline_counts(entries) -> tuple[dict, dict, dict]:
    """Stages reached for the first time, moves out of each stage and those made late, in one scan of
    timeline_funnel_idx (one scan instead of two: about 20 ms less on PostgreSQL at 100,000 entries).
    first_visit is set on "created" and "transition" entries only."""
    reached, left, breaches = Counter(), Counter(), Counter()
    rows = (
        entries.order_by()
        .values_list("kind", "from_stage", "to_stage", "first_visit")
        .annotate(n=Count("pk"), late=Count("pk", filter=Q(breached=True)))
        .values_list("kind", "from_stage", "to_stage", "first_visit", "n", "late")
    )
    for kind, from_stage, to_stage, first_visit, n, late in rows:
        if first_visit:
            reached[to_stage] += n
        if kind == TimelineEntry.Kind.TRANSITION:
            left[from_stage] += n
            breaches[from_stage] += late
    return reached, left, breaches


def _grouped(queryset, column: str, **measures) -> list[dict]:
    """Rows counted by ``column``: all of them, then those meeting each condition (one scan)."""
    conditions = list(measures.values())
    annotations = {"n": Count("pk")} | {
        f"m{index}": Count("pk", filter=condition) for index, condition in enumerate(conditions)
    }
    tables = [{} for _ in range(len(conditions) + 1)]
    for row in queryset.order_by().values(column).annotate(**annotations):
        key = row[column]
        tables[0][key] = row["n"]
        for index in range(len(conditions)):
            tables[index + 1][key] = row[f"m{index}"]
    return tables


OUTCOME_KINDS = [Stage.Kind.OPEN, Stage.Kind.SUCCESS, Stage.Kind.CLOSED, Stage.Kind.EXIT]


DIMENSIONS = {
    "region": lambda v: dict(Region.choices).get(v, v),
    "sector": lambda v: sector_name(v, v),
    "country": lambda v: country_name(v) or v,
}


def _outcomes_all(cases) -> dict:
    """Cases by region, sector and country of residence, each split by the kind of their stage: one scan."""
    kinds = dict(Stage.objects.values_list("pk", "kind"))
    counts = {name: {} for name in DIMENSIONS}
    grouped = (
        cases.order_by()
        .values_list("region", "sector", "country", "stage")
        .annotate(n=Count("pk"))
        .values_list("region", "sector", "country", "stage", "n")
    )
    for region, sector, country, stage_id, n in grouped:
        kind = kinds.get(stage_id)
        for name, value in (("region", region), ("sector", sector), ("country", country)):
            row = counts[name].setdefault(value, dict.fromkeys(OUTCOME_KINDS, 0))
            row[kind] = row.get(kind, 0) + n
    result = {}
    for name, rows in counts.items():
        label = DIMENSIONS[name]
        table = [
            {
                "key": value,
                "label": str(label(value) or "—"),
                "total": sum(row.values()),
                "counts": [row.get(kind, 0) for kind in OUTCOME_KINDS],
            }
            for value, row in rows.items()
        ]
        table.sort(key=lambda r: (-r["total"], r["label"]))
        result[name] = table
    return result


def programme_outcomes(start=None, end=None) -> list[dict]:
    referrals = _period(Referral.objects.filter(kind=Referral.Kind.PROGRAMME), "created_at", start, end)
    outcomes = list(Referral.Outcome.values)
    rows: dict = {}
    for programme, title, outcome, n in (
        referrals.order_by()
        .values_list("programme", "programme__title", "outcome")
        .annotate(n=Count("pk"))
        .values_list("programme", "programme__title", "outcome", "n")
    ):
        row = rows.setdefault(programme, {"label": title or "—", "counts": dict.fromkeys(outcomes, 0)})
        row["counts"][outcome] += n
    result = [
        {
            "label": row["label"],
            "total": sum(row["counts"].values()),
            "counts": [row["counts"][o] for o in outcomes],
        }
        for row in rows.values()
    ]
    result.sort(key=lambda r: (-r["total"], r["label"]))
    return result


def launch_protected(totals: dict) -> dict:
    """Jobs and money declared by fewer than AGGREGATE_MIN_COUNT launched cases would be one holder's
    own figures: they are withheld, and the count of cases shows as "< k"."""
    if totals["cases"] >= min_count() or not totals["cases"]:
        return {**totals, "withheld": False}
    return {
        "cases": count_shown(totals["cases"]),
        "jobs": None,
        "investment": None,
        "funding": None,
        "withheld": True,
    }


def launch_totals(cases) -> dict:
    success = list(Stage.objects.filter(kind=Stage.Kind.SUCCESS).values_list("pk", flat=True))
    launched = cases.filter(Q(stage__in=success) | Q(launched=True) | Q(jobs_created__isnull=False))
    totals = launched.aggregate(
        cases=Count("pk"),
        jobs=Sum("jobs_created"),
        investment=Sum("investment"),
        funding=Sum("funding_secured"),
    )
    return {key: value or 0 for key, value in totals.items()}
