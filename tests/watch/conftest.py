import pytest

from accounts.factories import UserFactory
from accounts.roles import ANALYST, RELAY
from core.registry import DirectoryPerson, PersonDirectory, person_directory, registry
from watch import analysis, services
from watch.fetching import fetcher_reset


class MemoryDirectory(PersonDirectory):
    """A directory of a few people; names keyed by the site's one normalisation."""

    def __init__(self, people):
        self.names = person_directory()
        self.by_id = {p.id: p for p in people}
        self.added = []

    def name_key(self, text, loose=True):
        return self.names.name_key(text, loose=loose)

    def people(self):
        return iter(self.by_id.values())

    def person(self, person_id):
        return self.by_id.get(person_id)

    def person_add(self, **fields):
        self.added.append(fields)
        person_id = f"x:{len(self.added)}"
        self.by_id[person_id] = DirectoryPerson(id=person_id, name_latin=fields["name"])
        return person_id


@pytest.fixture
def directory():
    """Swap the registry's directory for a small one, then put the referential's back."""
    original = person_directory()
    memory = MemoryDirectory(
        [
            DirectoryPerson(
                id="g:1",
                name_latin="Youssef El Amrani",
                name_arabic="يوسف العمراني",
                city="Toulouse",
                country="FR",
                occupation="ingénieur en aéronautique",
                employer="Airbus",
            ),
            DirectoryPerson(
                id="g:2",
                name_latin="Salma Berrada",
                city="Montréal",
                country="CA",
                occupation="cardiologue",
                employer="CHU Sainte-Justine",
            ),
        ]
    )
    registry.set_person_directory(memory)
    analysis.index_reset()
    services.story_index_reset()
    fetcher_reset()
    yield memory
    registry.set_person_directory(original)
    analysis.index_reset()
    services.story_index_reset()
    fetcher_reset()


@pytest.fixture
def analyst(db):
    return UserFactory(email="analyst@example.org", roles=[ANALYST], two_factor=True, preferred_language="fr")


@pytest.fixture
def relay(db):
    return UserFactory(email="relay@example.org", roles=[RELAY], two_factor=True)


@pytest.fixture(autouse=True)
def no_host_spacing(settings):
    settings.WATCH_HOST_INTERVAL_SECONDS = 0
