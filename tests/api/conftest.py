import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from rest_framework.test import APIClient

from accounts.factories import UserFactory
from accounts.roles import MEMBER
from api import services
from api.scopes import READ_ME
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
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token_for(member)}")
    return client


def token_for(user, scopes=(READ_ME,), days=30) -> str:
    """A personal token made through the service My account uses; returns the secret."""
    return services.token_create(user=user, name="test", scopes=scopes, days=days)[1]


def with_totp(user):
    TOTP.activate(user, generate_totp_secret())
    return user


def bearer(secret) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client
