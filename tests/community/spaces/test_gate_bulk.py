"""spaces_access (many spaces at once, for lists such as a member's conversations) answers exactly what
space_access answers for each space, for every kind of person and every kind of gate."""

import datetime

import pytest

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.roles import MEMBER, MODERATOR, RELAY
from community.spaces.factories import (
    CharterVersionFactory,
    LabelFactory,
    SpaceFactory,
    charter_acceptance,
    label_grant,
)
from community.spaces.models import Space
from community.spaces.permissions import space_access, spaces_access

pytestmark = pytest.mark.django_db


@pytest.fixture
def spaces():
    a, b = LabelFactory(), LabelFactory()
    accepted = CharterVersionFactory(version="1.0")
    renewed = CharterVersionFactory(version="1.0")
    CharterVersionFactory(charter=renewed.charter, version="2.0")  # in force: must be accepted again
    unpublished = CharterVersionFactory(published_at=None)
    future = CharterVersionFactory(published_at=timezone.now() + datetime.timedelta(days=3))
    return {
        "labels": (a, b),
        "accepted": accepted,
        "renewed": renewed,
        "all": [
            SpaceFactory(),
            SpaceFactory(labels=[a, b]),
            SpaceFactory(labels=[b, a], label_mode=Space.Mode.ALL_OF),
            SpaceFactory(labels=[b]),
            SpaceFactory(charter=accepted.charter),
            SpaceFactory(labels=[a], charter=accepted.charter),
            SpaceFactory(charter=renewed.charter),
            SpaceFactory(charter=unpublished.charter),
            SpaceFactory(charter=future.charter),
        ],
    }


def _people(spaces):
    a, _b = spaces["labels"]
    holder = UserFactory(roles=[MEMBER])
    label_grant(holder, a)
    charter_acceptance(holder, spaces["accepted"])
    charter_acceptance(holder, spaces["renewed"])  # the old version only
    inactive = UserFactory(roles=[MEMBER], is_active=False)
    label_grant(inactive, a)
    return {
        "visitor": AnonymousUser(),
        "member": UserFactory(roles=[MEMBER]),
        "holder": holder,
        "inactive": inactive,
        "relay": UserFactory(roles=[RELAY]),
        "moderator": UserFactory(roles=[MODERATOR], two_factor=True),
    }


def test_the_bulk_gate_answers_as_the_gate_does_for_each_space(spaces):
    for who, user in _people(spaces).items():
        bulk = spaces_access(user, spaces["all"])
        for space in spaces["all"]:
            assert bulk[space.id] == space_access(user, space), (who, space.slug)
    # The answers differ between people and spaces (the comparison above is not all "no").
    holder_answers = [
        access.allowed for access in spaces_access(_people(spaces)["holder"], spaces["all"]).values()
    ]
    assert True in holder_answers and False in holder_answers


def test_the_bulk_gate_costs_the_same_for_one_space_or_many(spaces):
    holder = _people(spaces)["holder"]
    with CaptureQueriesContext(connection) as one:
        spaces_access(holder, spaces["all"][5:6])
    with CaptureQueriesContext(connection) as many:
        spaces_access(holder, spaces["all"])
    assert len(many) == len(one)
