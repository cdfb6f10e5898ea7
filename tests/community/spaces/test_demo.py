import pytest

from community.groups.models import CommunityGroup
from community.labels.models import Label
from community.spaces.demo import seed_spaces_and_groups
from community.spaces.models import CharterVersion, Post, Space
from community.spaces.permissions import space_access

pytestmark = pytest.mark.django_db


def test_the_demo_seeds_once_and_its_spaces_are_gated():
    seed_spaces_and_groups()
    counts = (
        CommunityGroup.objects.count(),
        Space.objects.count(),
        Post.objects.count(),
        Label.objects.count(),
    )
    seed_spaces_and_groups()
    assert (
        CommunityGroup.objects.count(),
        Space.objects.count(),
        Post.objects.count(),
        Label.objects.count(),
    ) == counts
    assert counts[:2] == (10, 2)
    assert Label.objects.get(slug="consular-relay").name_ar == "منسق قنصلي"
    investors = Space.objects.get(slug="investor-club")
    assert {label.slug for label in investors.required_labels.all()} == {
        "verified-competence",
        "accompanied-project-holder",
    }
    assert CharterVersion.objects.filter(charter=investors.charter, published_at__isnull=False).exists()
    assert not space_access(None, investors).allowed
