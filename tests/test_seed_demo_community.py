"""seed_demo brings every app's demo data, once, in the order the apps declare."""

from io import StringIO

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command

from community.groups.models import CommunityGroup
from community.labels.models import Label, LabelApplication, LabelGrant
from community.profiles.models import Profile, Project, RelayCoverage
from community.spaces.models import Post, Space
from privacy.selectors import users_with_consent

pytestmark = pytest.mark.django_db


def _counts():
    return {
        "users": get_user_model().objects.count(),
        "profiles": Profile.objects.count(),
        "projects": Project.objects.count(),
        "countries": Profile.objects.values("country").distinct().count(),
        "groups": CommunityGroup.objects.count(),
        "spaces": Space.objects.count(),
        "posts": Post.objects.count(),
        "labels": Label.objects.count(),
        "grants": LabelGrant.objects.count(),
        "pending": LabelApplication.objects.filter(status="pending").count(),
        "relays": RelayCoverage.objects.count(),
    }


def test_seed_demo_seeds_the_community_once():
    output = StringIO()
    call_command("seed_demo", stdout=output)
    first = _counts()
    call_command("seed_demo", stdout=StringIO())
    assert _counts() == first

    # 300 demo members, and the member account's own profile (with a project) from the matching demo
    assert first["profiles"] == 301 and first["countries"] >= 20 and first["projects"] > 0
    assert (first["groups"], first["spaces"], first["labels"]) == (10, 2, 3)
    assert first["posts"] > 0 and first["grants"] > 0 and first["pending"] > 0 and first["relays"] == 1
    assert users_with_consent("directory").filter(profile__isnull=False).count() > 200
    assert "moderator@kafaat.localhost" in output.getvalue()
