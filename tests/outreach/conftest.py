import pytest

from accounts.factories import UserFactory
from accounts.roles import ANALYST, EDITOR
from privacy.factories import PrivacyNoticeFactory


@pytest.fixture
def notice(db):
    return PrivacyNoticeFactory(version="1.0")


@pytest.fixture
def editor(db):
    return UserFactory(email="editor@example.org", roles=[EDITOR], two_factor=True)


@pytest.fixture
def analyst(db):
    return UserFactory(email="analyst@example.org", roles=[ANALYST], two_factor=True)


@pytest.fixture
def site_url(settings):
    settings.SITE_URL = "https://kafaat.example"
    return settings.SITE_URL
