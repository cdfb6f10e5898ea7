"""Reads about segments: who is in one, how many, its composition, its export log.

Who may appear in a segment at all (``eligible_profiles``): an active account with a profile that
moderation has not hidden, whose decision in force for the **matching** consent grants it. Matching
is the purpose members agree to for "we use your skills and projects to suggest people, projects and
programmes": segmenting project holders to propose programmes, competences and relays is that use.
The directory consent (being listed to other members) and the newsletter consent (being mailed) are
other purposes: a campaign that mails a segment narrows it further with
``segment_members(segment, also_consented_to="newsletter")``. Deleted accounts are gone from the
database (``member_delete``); suspended accounts are inactive and left out.
"""

from collections import Counter

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext

from community.profiles.choices import Stage
from community.profiles.models import Profile, Project
from core.countries import country_name
from core.sectors import SectorChoice
from privacy.models import ConsentPurpose
from privacy.selectors import users_with_consent

from .filters import apply_filters, clean_filters, project_filters
from .models import Segment, SegmentExport

SEGMENT_PURPOSE = ConsentPurpose.MATCHING
# What the ranked list and its export read of a project and its holder (never contact details).
PROJECT_COLUMNS = [
    "title",
    "sector",
    "stage",
    "region",
    "funding_need",
    "owner__user_id",
    "owner__display_name",
    "owner__country",
]


def eligible_profiles() -> QuerySet:
    consented = users_with_consent(SEGMENT_PURPOSE).filter(pk=OuterRef("user_id"))
    return Profile.objects.filter(user__is_active=True, hidden_at__isnull=True).filter(Exists(consented))


def segment_profiles(filters) -> QuerySet:
    """Profiles of the members matching the filters (raw or cleaned), in a stable order."""
    return apply_filters(eligible_profiles(), clean_filters(filters)).order_by("display_name", "id")


def segment_count(filters) -> int:
    return apply_filters(eligible_profiles(), clean_filters(filters)).count()


def segment_members(segment: Segment, also_consented_to: str | None = None) -> QuerySet:
    """The users in a saved segment, computed now: the audience a campaign reuses.

    ``also_consented_to`` narrows to members whose consent for that purpose is also in force (a
    newsletter campaign passes ``"newsletter"``).
    """
    profiles = apply_filters(eligible_profiles(), clean_filters(segment.filters))
    users = get_user_model().objects.filter(pk__in=profiles.values("user_id"))
    if also_consented_to:
        users = users.filter(pk__in=users_with_consent(also_consented_to).values("pk"))
    return users.order_by("pk")


def segment_projects(filters) -> QuerySet:
    """Projects of the segment's members, narrowed by the filters that read a project (stage, funding)."""
    cleaned = clean_filters(filters)
    owners = apply_filters(eligible_profiles(), cleaned).values("pk")
    return (
        Project.objects.filter(owner__in=owners, **project_filters(cleaned))
        .select_related("owner")
        .only(*PROJECT_COLUMNS)
        .order_by("id")
    )


def segments_all() -> QuerySet:
    return Segment.objects.select_related("owner").order_by("-created_at", "-id")


def exports_log() -> QuerySet:
    return SegmentExport.objects.select_related("exported_by", "segment").order_by("-exported_at", "-id")


def _bars(counter: Counter, labels: dict, total: int) -> list[dict]:
    rows = [
        {
            "key": key,
            "label": labels.get(key, key),
            "count": count,
            "share": round(100 * count / total) if total else 0,
        }
        for key, count in counter.items()
        if count
    ]
    rows.sort(key=lambda row: (-row["count"], str(row["label"])))
    return rows


def segment_composition(filters) -> dict:
    """Members per country of residence, per sector and per project stage, for the charts.

    A member counts once in each sector they declare or have a project in, and once in each stage one
    of their projects is at; so shares of sectors and stages do not add up to 100.
    """
    profiles = apply_filters(eligible_profiles(), clean_filters(filters)).order_by()
    # Two queries (the consent gate is the costly part): the members, then their projects.
    countries, sectors_by_member = Counter(), {}
    for profile_id, country, sectors in profiles.values_list("id", "country", "sectors"):
        countries[country or ""] += 1
        sectors_by_member[profile_id] = set(sectors or [])
    total = len(sectors_by_member)
    country_labels = {code: country_name(code) for code in countries}
    country_labels[""] = gettext("Not given")
    stages_by_member = {}
    projects = Project.objects.filter(owner__in=profiles.values("pk")).order_by()
    for owner_id, sector, stage in projects.values_list("owner_id", "sector", "stage"):
        sectors_by_member.setdefault(owner_id, set()).add(sector)
        stages_by_member.setdefault(owner_id, set()).add(stage)
    sectors = Counter(sector for values in sectors_by_member.values() for sector in values)
    stages = Counter(stage for values in stages_by_member.values() for stage in values)
    return {
        "total": total,
        "country": _bars(countries, country_labels, total),
        "sector": _bars(sectors, dict(SectorChoice.choices), total),
        "stage": _bars(stages, dict(Stage.choices), total),
    }
