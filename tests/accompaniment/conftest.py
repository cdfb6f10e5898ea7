import pytest

from accompaniment.factories import AdvisorFactory, CaseFactory
from accompaniment.models import Stage
from accompaniment.stages import stages_ensure
from accounts.factories import UserFactory
from accounts.roles import ADMIN, ANALYST, EDITOR, MODERATOR, RELAY
from community.profiles.factories import RelayCoverageFactory


@pytest.fixture(autouse=True)
def _stages(request):
    """The default stages come from a data migration, which a transactional test's flush removes."""
    marker = request.node.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        return  # those tests ensure the stages themselves
    if "db" in request.fixturenames or marker is not None:
        request.getfixturevalue("db")
        stages_ensure(Stage)


@pytest.fixture
def advisor(db):
    return AdvisorFactory(email="advisor@example.org")


@pytest.fixture
def other_advisor(db):
    return AdvisorFactory(email="advisor2@example.org")


@pytest.fixture
def relay(db):
    user = UserFactory(email="relay@example.org", roles=[RELAY], two_factor=True)
    RelayCoverageFactory(relay=user, countries=["FR", "BE"])
    return user


@pytest.fixture
def admin_user(db):
    return UserFactory(email="admin@example.org", roles=[ADMIN], two_factor=True)


@pytest.fixture
def analyst(db):
    return UserFactory(email="analyst@example.org", roles=[ANALYST], two_factor=True)


@pytest.fixture
def moderator(db):
    return UserFactory(email="moderator@example.org", roles=[MODERATOR], two_factor=True)


@pytest.fixture
def editor(db):
    return UserFactory(email="editor@example.org", roles=[EDITOR], two_factor=True)


@pytest.fixture
def case(db, advisor):
    return CaseFactory(advisor=advisor)
