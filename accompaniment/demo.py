"""Demo accompaniment: three advisors, the demo relay, 40 cases across every stage (seed_demo calls this)."""

import random

from allauth.account.models import EmailAddress

from django.contrib.auth import get_user_model
from django.db import transaction

from accounts.demo import DEMO_DOMAIN, DEMO_PASSWORD
from accounts.roles import ADVISOR, RELAY
from accounts.services import user_role_assign
from community.profiles.models import Project, RelayCoverage

from .models import AdvisorProfile, Case
from .selectors import funnel_changed
from .synthetic import cases_create

DEMO_CASES = 40
ADVISORS = [
    ("advisor", "Samira", "Benali", ["agriculture", "energy"], ["souss-massa", "oriental"]),
    ("advisor2", "Youssef", "Amrani", ["digital", "industry"], ["casablanca-settat", "rabat-sale-kenitra"]),
    ("advisor3", "Nadia", "El Idrissi", ["tourism", "health"], ["marrakech-safi", "fes-meknes"]),
]


def _advisor(local, first, last, sectors, regions):
    User = get_user_model()
    email = f"{local}@{DEMO_DOMAIN}"
    user, created = User.objects.get_or_create(
        email=email, defaults={"first_name": first, "last_name": last, "preferred_language": "fr"}
    )
    if not user.first_name:
        user.first_name, user.last_name = first, last
        user.save(update_fields=["first_name", "last_name"])
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    user_role_assign(user, ADVISOR)
    AdvisorProfile.objects.update_or_create(user=user, defaults={"sectors": sectors, "regions": regions})
    return user


@transaction.atomic
def seed_demo() -> int:
    """Idempotent: adds cases until 40 projects have one."""
    advisors = [_advisor(*row) for row in ADVISORS]
    relays_by_country: dict = {}
    for coverage in RelayCoverage.objects.select_related("relay").filter(relay__groups__name=RELAY):
        for country in coverage.countries:
            relays_by_country.setdefault(country, []).append(coverage.relay)
    missing = DEMO_CASES - Case.objects.count()
    if missing <= 0:
        return 0
    projects = list(
        Project.objects.exclude(cases__isnull=False).select_related("owner").order_by("pk")[:missing]
    )
    rng = random.Random(40)  # noqa: S311 (demo data)
    written = cases_create(projects, advisors=advisors, relays_by_country=relays_by_country, rng=rng)
    transaction.on_commit(funnel_changed)
    return written
