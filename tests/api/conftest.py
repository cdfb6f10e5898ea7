import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from accounts.factories import UserFactory
from accounts.roles import MEMBER
from community.profiles.factories import ProfileFactory
from tests.cms.conftest import home, locales, tree  # noqa: F401 (fixtures shared with the page tests)
from tests.events.conftest import world  # noqa: F401


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def member(db):
    user = UserFactory(roles=[MEMBER])
    ProfileFactory(user=user, display_name="Amina Member")
    return user


@pytest.fixture
def other_member(db):
    user = UserFactory(roles=[MEMBER])
    ProfileFactory(user=user, display_name="Karim Other")
    return user


@pytest.fixture
def member_api(member):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=member).key}")
    return client
