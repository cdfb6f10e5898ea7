import factory
from factory.django import DjangoModelFactory

from accounts.factories import UserFactory
from core.sectors import SectorChoice
from privacy.factories import ConsentRecordFactory

from .choices import Region, Stage
from .models import Profile, Project, RelayCoverage
from .services import profile_denormalise, project_denormalise


class ProfileFactory(DjangoModelFactory):
    """A member's profile; pass ``skills=[...]``; ``directory=True`` also records the directory consent."""

    class Meta:
        model = Profile
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    display_name = factory.Faker("name")
    country = "FR"
    city = "Lyon"
    region_of_origin = Region.SOUSS_MASSA
    headline = "Data engineer"
    bio = "I build data platforms."
    sectors = factory.LazyFunction(lambda: [SectorChoice.DIGITAL.value])
    languages = factory.LazyFunction(lambda: ["fr", "ar"])
    contributions = factory.LazyFunction(lambda: ["mentoring"])

    @factory.post_generation
    def skills(self, create, extracted, **kwargs):
        names = list(extracted or [])
        profile_denormalise(self, names)
        if create:
            self.save()
            self.skills.set(names)

    @factory.post_generation
    def directory(self, create, extracted, **kwargs):
        if create and extracted:
            ConsentRecordFactory(user=self.user, purpose="directory", granted=True)


class ProjectFactory(DjangoModelFactory):
    class Meta:
        model = Project
        skip_postgeneration_save = True

    owner = factory.SubFactory(ProfileFactory)
    title = factory.Sequence(lambda n: f"Solar irrigation pilot {n}")
    summary = "Solar pumps for small farms."
    sector = SectorChoice.AGRICULTURE
    stage = Stage.PROTOTYPE
    region = Region.SOUSS_MASSA

    @factory.post_generation
    def skills_needed(self, create, extracted, **kwargs):
        names = list(extracted or [])
        project_denormalise(self, names)
        if create:
            self.save()
            self.skills_needed.set(names)


class RelayCoverageFactory(DjangoModelFactory):
    class Meta:
        model = RelayCoverage

    # A relay with a second factor, as the staff views require (accounts/second_factor.py).
    relay = factory.SubFactory(UserFactory, roles=["member", "relay"], two_factor=True)
    countries = factory.LazyFunction(lambda: ["FR"])
