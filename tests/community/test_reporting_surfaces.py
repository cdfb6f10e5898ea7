"""Members can report profiles, posts and comments where they read them; moderation can hide a profile."""

import pytest
from bs4 import BeautifulSoup

from django.contrib.contenttypes.models import ContentType

from accounts.factories import UserFactory
from accounts.roles import MODERATOR
from community.groups.factories import MembershipFactory
from community.moderation import services as moderation
from community.moderation.factories import ReportFactory
from community.profiles.factories import ProfileFactory
from community.profiles.selectors import directory_profiles
from community.spaces.factories import CommentFactory, PostFactory

pytestmark = pytest.mark.django_db


def _report_hrefs(response):
    page = BeautifulSoup(response.content, "html.parser")
    return [link["href"] for link in page.select("a.report-link")]


def _report_url(obj):
    return f"/fr/community/moderation/report/{ContentType.objects.get_for_model(obj).pk}/{obj.pk}/"


def test_a_profile_page_offers_report_and_block_to_other_members_only(client):
    profile = ProfileFactory(vis_name=0, directory=True)  # a profile without the directory consent is hidden
    reader = UserFactory()
    client.force_login(reader)
    page = client.get(f"/fr/community/members/{profile.pk}/")
    assert _report_hrefs(page) == [_report_url(profile)]
    assert f'action="/fr/community/moderation/block/{profile.user_id}/"' in page.content.decode()

    client.force_login(profile.user)
    assert _report_hrefs(client.get(f"/fr/community/members/{profile.pk}/")) == []


def test_group_posts_and_comments_carry_a_report_link_for_other_members(client):
    membership = MembershipFactory()
    post = PostFactory(space=None, group=membership.group)
    comment = CommentFactory(post=post)
    client.force_login(membership.user)
    page = client.get(f"/fr/community/groups/{membership.group.slug}/posts/{post.pk}/")
    assert page.status_code == 200
    assert _report_hrefs(page) == [_report_url(post), _report_url(comment)]


def test_a_profile_hidden_by_moderation_is_listed_nowhere_and_shown_only_to_staff():
    profile = ProfileFactory(vis_name=0, directory=True)
    moderator = UserFactory(roles=[MODERATOR], two_factor=True)
    member = UserFactory()
    assert profile in directory_profiles(member)
    ReportFactory(target=profile)
    moderation.moderation_hide(moderator=moderator, target=profile, reason="Faux profil")

    assert profile not in directory_profiles(member)
    assert profile not in directory_profiles(None)
    from community.profiles.permissions import visible_fields

    profile.refresh_from_db()
    assert visible_fields(member, profile) == set()
    assert "name" in visible_fields(moderator, profile)
    assert "name" in visible_fields(profile.user, profile)
