import factory
from factory.django import DjangoModelFactory

from accounts.factories import UserFactory

from .models import CommunityGroup, Membership


class CommunityGroupFactory(DjangoModelFactory):
    class Meta:
        model = CommunityGroup

    slug = factory.Sequence(lambda n: f"group-{n}")
    kind = CommunityGroup.Kind.THEMATIC
    name = factory.Sequence(lambda n: f"Réseau {n}")
    sector = "digital"
    join_policy = CommunityGroup.JoinPolicy.OPEN
    created_by = factory.SubFactory(UserFactory)


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    group = factory.SubFactory(CommunityGroupFactory)
