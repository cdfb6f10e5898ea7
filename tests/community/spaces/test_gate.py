"""The gate's rule: labels any-of / all-of, charter versions re-accepted, moderators always in."""

import datetime

import pytest

from django.utils import timezone

from accounts.factories import UserFactory
from accounts.roles import ADMIN, MODERATOR
from community.labels.models import LabelGrant
from community.spaces.factories import (
    CharterFactory,
    CharterVersionFactory,
    LabelFactory,
    SpaceFactory,
    charter_acceptance,
    label_grant,
)
from community.spaces.models import Space
from community.spaces.permissions import space_access
from community.spaces.selectors import users_with_access

pytestmark = pytest.mark.django_db


def test_any_of_needs_one_label_all_of_needs_each():
    a, b = LabelFactory(), LabelFactory()
    any_space = SpaceFactory(labels=[a, b])
    all_space = SpaceFactory(labels=[a, b], label_mode=Space.Mode.ALL_OF)
    member = UserFactory()
    assert space_access(member, any_space).missing_labels == [a, b]

    label_grant(member, a)
    assert space_access(member, any_space).allowed
    access = space_access(member, all_space)
    assert not access.allowed and access.missing_labels == [b]

    label_grant(member, b)
    assert space_access(member, all_space).allowed
    assert set(users_with_access(all_space)) == {member}


def test_an_expired_or_revoked_label_closes_the_door():
    label = LabelFactory()
    space = SpaceFactory(labels=[label])
    member = UserFactory()
    grant = label_grant(member, label)
    assert space_access(member, space).allowed
    LabelGrant.objects.filter(pk=grant.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert not space_access(member, space).allowed
    assert list(users_with_access(space)) == []


def test_a_new_charter_version_must_be_accepted_again():
    first = CharterVersionFactory(version="1.0")
    space = SpaceFactory(charter=first.charter)
    member = UserFactory()
    assert space_access(member, space).charter_to_accept == first
    charter_acceptance(member, first)
    assert space_access(member, space).allowed

    second = CharterVersionFactory(charter=first.charter, version="2.0", published_at=timezone.now())
    access = space_access(member, space)
    assert not access.allowed and access.charter_to_accept == second and access.missing_labels == []
    assert member not in users_with_access(space)

    charter_acceptance(member, second)
    assert space_access(member, space).allowed
    assert member in users_with_access(space)


def test_a_draft_version_is_not_yet_in_force():
    first = CharterVersionFactory(version="1.0")
    CharterVersionFactory(charter=first.charter, version="2.0-draft", published_at=None)
    later = CharterVersionFactory(
        charter=first.charter, version="3.0", published_at=timezone.now() + datetime.timedelta(days=3)
    )
    space = SpaceFactory(charter=first.charter)
    assert space_access(UserFactory(), space).charter_to_accept == first
    assert later != first.charter.current_version()


def test_a_space_whose_charter_is_unpublished_stays_closed_to_members():
    space = SpaceFactory(charter=CharterFactory())
    access = space_access(UserFactory(), space)
    assert not access.allowed and access.charter_unpublished
    assert list(users_with_access(space)) == []


@pytest.mark.parametrize("role", [MODERATOR, ADMIN])
def test_moderators_and_admins_always_enter(role):
    space = SpaceFactory(labels=[LabelFactory()], charter=CharterVersionFactory().charter)
    staff = UserFactory(roles=[role], two_factor=True)
    assert space_access(staff, space).allowed
    assert staff in users_with_access(space)


def test_a_deactivated_account_is_refused():
    label = LabelFactory()
    space = SpaceFactory(labels=[label])
    member = UserFactory()
    label_grant(member, label)
    member.is_active = False
    member.save()
    assert not space_access(member, space).allowed
