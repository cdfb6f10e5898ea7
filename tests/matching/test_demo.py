"""The matching demo: the demo member sees explained suggestions for their project and profile."""

import pytest

from accounts.demo import seed_role_accounts
from community.profiles.demo import seed_profiles
from community.profiles.models import Profile
from matching import selectors
from matching.demo import seed_matching
from matching.models import ProfileFeatures, ProjectFeatures
from privacy.factories import PrivacyNoticeFactory

pytestmark = pytest.mark.django_db


def test_the_demo_member_gets_suggestions_and_seeding_again_changes_nothing():
    PrivacyNoticeFactory(version="1.0")
    seed_role_accounts()
    seed_profiles(count=24)
    seed_matching()
    member = Profile.objects.get(user__email="member@kafaat.localhost")
    project = member.projects.get()
    assert ProfileFeatures.objects.count() == Profile.objects.count()
    assert ProjectFeatures.objects.filter(vector__isnull=False).count() == ProjectFeatures.objects.count() > 1
    suggestions = selectors.competences_for_project(member.user, project)
    assert suggestions and all(item.reasons for item in suggestions)
    assert selectors.projects_for_profile(member.user, member)
    before = list(ProfileFeatures.objects.order_by("pk").values_list("pk", "text_hash"))
    seed_matching()
    assert list(ProfileFeatures.objects.order_by("pk").values_list("pk", "text_hash")) == before
