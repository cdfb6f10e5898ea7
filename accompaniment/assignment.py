"""Who should take a case: an advisor from workload and expertise, a relay from the holder's country."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Count, Q

from accounts.roles import ADVISOR, RELAY
from community.profiles.models import RelayCoverage
from core.sectors import sectors_match

from .models import Stage


@dataclass
class Proposal:
    user: object
    open_cases: int
    capacity: int
    score: float
    sector_match: bool
    region_match: bool


def _open_stage_ids():
    return Stage.objects.filter(kind__in=[Stage.Kind.OPEN, Stage.Kind.SUCCESS]).values("pk")


def advisors_with_load():
    User = get_user_model()
    return (
        User.objects.filter(is_active=True, groups__name=ADVISOR)
        .annotate(open_cases=Count("advised_cases", filter=Q(advised_cases__stage__in=_open_stage_ids())))
        .select_related("advisor_profile")
        .order_by("pk")
    )


def advisor_proposals(*, sector: str, region: str, limit: int = 5) -> list[Proposal]:
    """Advisors ranked: expertise in the sector and the region first, then the lightest load for capacity."""
    proposals = []
    for user in advisors_with_load():
        profile = getattr(user, "advisor_profile", None)
        capacity = profile.capacity if profile else 25
        sector_ok = bool(profile and any(sectors_match(sector, s) for s in profile.sectors))
        region_ok = bool(profile and region in (profile.regions or []))
        load = user.open_cases / max(capacity, 1)
        score = 2.0 * sector_ok + 1.0 * region_ok - 2.0 * load
        proposals.append(Proposal(user, user.open_cases, capacity, score, sector_ok, region_ok))
    proposals.sort(key=lambda p: (-p.score, p.open_cases, p.user.pk))
    return proposals[:limit]


def relay_for_country(country: str):
    """The active relay covering the country with the fewest cases; None when no relay covers it."""
    if not country:
        return None
    candidates = []
    for coverage in RelayCoverage.objects.select_related("relay").filter(
        relay__is_active=True, relay__groups__name=RELAY
    ):
        if country in (coverage.countries or []):
            candidates.append(coverage.relay)
    if not candidates:
        return None
    return min(candidates, key=lambda u: (u.relayed_cases.count(), u.pk))
