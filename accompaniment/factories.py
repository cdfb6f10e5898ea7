import factory
from factory.django import DjangoModelFactory

from django.utils import timezone

from accounts.factories import UserFactory
from accounts.roles import ADVISOR
from community.profiles.factories import ProjectFactory

from .models import AdvisorProfile, Case, Stage
from .sla import due_for


def stage(key: str) -> Stage:
    return Stage.objects.get(key=key)


def AdvisorFactory(expertise=None, **kwargs):  # noqa: N802 (used like the other factories)
    """An advisor with a second factor set up, and an advisor profile (``expertise=(sectors, regions)``)."""
    user = UserFactory(roles=[ADVISOR], two_factor=True, **kwargs)
    sectors, regions = expertise or ([], [])
    AdvisorProfile.objects.update_or_create(user=user, defaults={"sectors": sectors, "regions": regions})
    return user


class CaseFactory(DjangoModelFactory):
    """A case in the initial stage for a new project, unassigned unless ``advisor``/``relay`` are given."""

    class Meta:
        model = Case

    project = factory.SubFactory(ProjectFactory)
    holder = factory.LazyAttribute(lambda o: o.project.owner.user)
    stage = factory.LazyFunction(lambda: Stage.objects.get(initial=True))
    region = factory.LazyAttribute(lambda o: o.project.region)
    sector = factory.LazyAttribute(lambda o: o.project.sector)
    country = factory.LazyAttribute(lambda o: o.project.owner.country)
    needs = factory.LazyFunction(lambda: ["mentoring"])
    needs_text = "A mentor for the business plan."
    funding_sought = 500000
    jobs_planned = 4
    created_at = factory.LazyFunction(timezone.now)
    stage_entered_at = factory.LazyAttribute(lambda o: o.created_at)
    due_at = factory.LazyAttribute(lambda o: due_for(o.stage, o.created_at))
