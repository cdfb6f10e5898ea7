"""A page's number of queries does not grow with the number of items it lists (no N+1): the member
directory, a group page with its posts and the events list, each measured with a few items and with
three times as many, every item carrying what the page shows (labels, projects, authors, comments,
groups, answers)."""

import pytest

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.factories import UserFactory
from community.groups import services as group_services
from community.labels.factories import LabelFactory
from community.labels.models import LabelGrant
from community.profiles.factories import ProfileFactory, ProjectFactory
from community.spaces.factories import CommentFactory, PostFactory
from events.factories import EventFactory

pytestmark = pytest.mark.django_db


def _queries(client, path):
    client.get(path)  # the first request of a session fills caches (site, locale, session); not counted
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(captured)


def _member_client():
    client = Client()
    client.force_login(UserFactory())
    return client


def _members(count, label):
    for index in range(count):
        profile = ProfileFactory(directory=True, display_name=f"Membre {index}", city="Lyon")
        LabelGrant.objects.create(user=profile.user, label=label)
        ProjectFactory(owner=profile)


def test_the_directory_makes_as_many_queries_for_18_members_as_for_6():
    label = LabelFactory()
    client = _member_client()
    _members(6, label)
    few = _queries(client, "/fr/community/members/")
    _members(12, label)
    many = _queries(client, "/fr/community/members/")
    assert many == few, f"{few} queries for 6 members, {many} for 18"


def test_a_group_page_makes_as_many_queries_for_15_posts_as_for_5():
    owner = UserFactory()
    group = group_services.group_create(
        creator=owner, name="Santé Paris", kind="thematic", sector="health", join_policy="open"
    )
    client = Client()
    client.force_login(owner)

    def add_posts(count):
        for _ in range(count):
            author = UserFactory()
            group_services.group_join(user=author, group=group)
            post = PostFactory(space=None, group=group, author=author)
            CommentFactory(post=post, author=UserFactory())

    add_posts(5)
    few = _queries(client, f"/fr/community/groups/{group.slug}/")
    add_posts(10)
    many = _queries(client, f"/fr/community/groups/{group.slug}/")
    assert many == few, f"{few} queries for 5 posts, {many} for 15"


def test_the_events_list_makes_as_many_queries_for_15_events_as_for_5():
    client = _member_client()
    for _ in range(5):
        EventFactory()
    few = _queries(client, "/fr/events/")
    for _ in range(10):
        EventFactory()
    many = _queries(client, "/fr/events/")
    assert many == few, f"{few} queries for 5 events, {many} for 15"
