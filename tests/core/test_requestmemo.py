"""Roles and the active Locale are read once per web request, and never served stale."""

import pytest

from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Locale

from accounts.factories import UserFactory
from accounts.roles import MODERATOR, held_roles
from accounts.services import user_role_assign, user_role_revoke
from cms.selectors import active_locale
from core.requestmemo import RequestMemoMiddleware

pytestmark = pytest.mark.django_db


def _queries_on(table, captured):
    return [query["sql"] for query in captured if f'FROM "{table}"' in query["sql"]]


def test_a_search_page_reads_the_visitors_roles_and_the_locale_once():
    client = Client()
    client.force_login(UserFactory())
    client.get("/fr/search/", {"q": "warm"})
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/fr/search/", {"q": "nomatchword"})
    assert response.status_code == 200
    assert len(_queries_on("auth_group", captured)) == 1
    assert len(_queries_on("wagtailcore_locale", captured)) <= 1


def _run_in_request(view):
    return RequestMemoMiddleware(view)(RequestFactory().get("/"))


def test_a_role_given_or_taken_during_the_request_is_seen_at_once():
    user = UserFactory()

    def view(request):
        seen = [set(held_roles(user))]
        user_role_assign(user, MODERATOR)
        seen.append(set(held_roles(user)))
        user_role_revoke(user, MODERATOR)
        seen.append(set(held_roles(user)))
        return seen

    before, granted, revoked = _run_in_request(view)
    assert MODERATOR not in before
    assert MODERATOR in granted
    assert MODERATOR not in revoked


def test_a_change_through_the_group_side_is_seen_too():
    user = UserFactory()
    user_role_assign(UserFactory(), MODERATOR)  # the group exists

    def view(request):
        held_roles(user)
        Group.objects.get(name=MODERATOR).user_set.add(user)
        return held_roles(user)

    assert MODERATOR in _run_in_request(view)


def test_nothing_is_remembered_outside_a_request_or_from_one_request_to_the_next():
    user = UserFactory()
    assert MODERATOR not in _run_in_request(lambda request: held_roles(user))
    user.groups.through.objects.create(user=user, group=_moderator_group())  # behind every signal
    assert MODERATOR in _run_in_request(lambda request: held_roles(user))
    user.groups.through.objects.filter(user=user).delete()
    assert MODERATOR not in held_roles(user)  # a consumer or task: read afresh each time


def test_the_locale_follows_the_language_within_one_request():
    Locale.objects.get_or_create(language_code="ar")
    def view(request):
        with translation.override("ar"):
            arabic = active_locale()
        with translation.override("fr"):
            french = active_locale()
        return arabic, french

    arabic, french = _run_in_request(view)
    assert (arabic.language_code, french.language_code) == ("ar", "fr")


def _moderator_group():
    return Group.objects.get_or_create(name=MODERATOR)[0]


def test_labels_and_blocks_granted_or_lifted_during_the_request_are_seen_at_once():
    """The directory's audience level and the hidden members are read once per request, but a grant,
    a revocation, a block or an unblock made by the request itself shows at once."""
    from community.labels.factories import LabelGrantFactory
    from community.labels.selectors import holds_any_label
    from community.labels.services import label_grant_revoke
    from community.moderation.selectors import blocked_user_ids
    from community.moderation.services import block_create, block_delete

    member, other = UserFactory(), UserFactory()
    moderator = UserFactory(roles=[MODERATOR], two_factor=True)

    def view(request):
        seen = [(holds_any_label(member), blocked_user_ids(member))]
        grant = LabelGrantFactory(user=member)
        block_create(blocker=member, blocked=other)
        seen.append((holds_any_label(member), blocked_user_ids(member)))
        label_grant_revoke(grant=grant, moderator=moderator, reason="Attestation retirée")
        block_delete(blocker=member, blocked=other)
        seen.append((holds_any_label(member), blocked_user_ids(member)))
        return seen

    assert _run_in_request(view) == [(False, set()), (True, {other.pk}), (False, set())]


def test_the_directorys_view_of_a_member_is_read_once_per_request():
    """Suggestion cards, avatars and the search each ask for the visitor's view (audience level, hidden
    members): the labels and blocks behind it are read once per request, and afresh in the next one."""
    from community.profiles.permissions import viewer_for

    member = UserFactory()

    def view(request):
        with CaptureQueriesContext(connection) as captured:
            viewers = {viewer_for(member) for _ in range(5)}
        return viewers, captured

    viewers, captured = _run_in_request(view)
    assert len(viewers) == 1
    assert len(_queries_on("labels_labelgrant", captured)) == 1
    assert len(_queries_on("moderation_block", captured)) == 1
    _viewers, again = _run_in_request(view)
    assert len(_queries_on("labels_labelgrant", again)) == 1
