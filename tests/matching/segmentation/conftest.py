import pytest

from accounts.factories import UserFactory
from accounts.roles import ADMIN, ANALYST
from accounts.services import roles_sync
from community.profiles.factories import ProfileFactory, ProjectFactory
from privacy.factories import ConsentRecordFactory
from tests.cms.conftest import home, locales, tree  # noqa: F401 (programme pages for the score)


@pytest.fixture
def roles(db):
    return roles_sync()


@pytest.fixture
def analyst(roles):
    return UserFactory(email="analyste@example.org", roles=[ANALYST], two_factor=True)


@pytest.fixture
def admin_user(roles):
    return UserFactory(email="admin@example.org", roles=[ADMIN], two_factor=True)


def member(consent=True, projects=(), **profile_fields):
    """A member with a profile; ``consent``: the matching consent in force; ``projects``: dicts of fields."""
    profile = ProfileFactory(**profile_fields)
    if consent is not None:
        ConsentRecordFactory(user=profile.user, purpose="matching", granted=consent)
    for fields in projects:
        ProjectFactory(owner=profile, **fields)
    return profile
