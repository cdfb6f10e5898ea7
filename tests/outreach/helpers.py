from core.audiences import Contact
from core.registry import registry


class ListSource:
    """An audience source for tests: the people it was given."""

    key = "test.people"
    label = "People"

    def __init__(self, people):
        self.people = list(people)

    def items(self, user):
        return [("all", "All")]

    def filters(self):
        return []

    def recipients(self, item_key, filters):
        return list(self.people)


def use_people(people):
    registry.add_audience_source(ListSource.key, ListSource(people))


def contact(n, **kwargs):
    return Contact(
        key=f"test:{n}",
        email=f"contact{n}@partner.example",
        name=f"Contact {n}",
        origin="Consulat de Paris",
        **kwargs,
    )
