import pytest

from accounts.services import roles_sync


@pytest.fixture
def roles(db):
    return roles_sync()


@pytest.fixture(autouse=True)
def _totp_tolerance(settings):
    # One step of tolerance so a code computed just before a 30 s boundary is still accepted.
    settings.MFA_TOTP_TOLERANCE = 1
