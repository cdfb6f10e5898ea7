import pytest

from accounts.factories import UserFactory
from accounts.roles import ADMIN, ANALYST, EDITOR, MODERATOR, RELAY
from community.profiles.factories import RelayCoverageFactory


@pytest.fixture
def analyst(db):
    return UserFactory(email="analyst@example.org", roles=[ANALYST], two_factor=True)


@pytest.fixture
def admin_user(db):
    return UserFactory(email="admin@example.org", roles=[ADMIN], two_factor=True)


@pytest.fixture
def relay(db):
    user = UserFactory(email="relay@example.org", roles=[RELAY], two_factor=True)
    RelayCoverageFactory(relay=user, countries=["BE"])
    return user


@pytest.fixture
def moderator(db):
    return UserFactory(email="moderator@example.org", roles=[MODERATOR], two_factor=True)


@pytest.fixture
def editor(db):
    return UserFactory(email="editor@example.org", roles=[EDITOR], two_factor=True)
