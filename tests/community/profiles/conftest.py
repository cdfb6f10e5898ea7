import pytest

from accounts.factories import UserFactory
from community.labels.models import Label, LabelGrant
from community.moderation.models import Block
from community.profiles.choices import Visibility
from community.profiles.factories import ProfileFactory, RelayCoverageFactory

# One level per field group, so that each viewer of the matrix sees a different set.
MATRIX_LEVELS = {
    "name": Visibility.PUBLIC,
    "about": Visibility.PUBLIC,
    "photo": Visibility.MEMBERS,
    "skills": Visibility.MEMBERS,
    "languages": Visibility.MEMBERS,
    "country": Visibility.MEMBERS,
    "career": Visibility.LABELLED,
    "origin": Visibility.LABELLED,
    "city": Visibility.STAFF,
    "links": Visibility.STAFF,
    "contact": Visibility.STAFF,
}
PUBLIC = {"name", "about"}
MEMBERS = PUBLIC | {"photo", "skills", "languages", "country"}
LABELLED = MEMBERS | {"career", "origin"}
STAFF = set(MATRIX_LEVELS)
EXPECTED = {
    "visitor": PUBLIC,
    "member": MEMBERS,
    "labelled": LABELLED,
    "relay_here": STAFF,
    "relay_elsewhere": MEMBERS,
    "moderator": STAFF,
    "blocked": {"name"},
}


@pytest.fixture
def owner():
    profile = ProfileFactory(
        display_name="Nadia Benali",
        name_arabic="نادية بنعلي",
        country="FR",
        city="Lyon",
        region_of_origin="souss-massa",
        headline="Hydrologist",
        bio="Water management for arid regions.",
        education="PhD in hydrology, Montpellier",
        years_experience=12,
        languages=["fr", "ar", "zgh"],
        links=["https://example.org/nadia"],
        skills=["Hydrology", "GIS"],
        directory=True,
        **{f"vis_{group}": level for group, level in MATRIX_LEVELS.items()},
    )
    return profile


def _label():
    label, _created = Label.objects.get_or_create(
        slug="verified",
        defaults={"name_fr": "Compétence vérifiée", "name_ar": "كفاءة موثقة", "name_en": "Verified"},
    )
    return label


@pytest.fixture
def viewers(owner):
    """Each kind of viewer of the matrix, by name (None is the visitor)."""
    labelled = UserFactory()
    LabelGrant.objects.create(user=labelled, label=_label())
    blocked = UserFactory()
    Block.objects.create(blocker=owner.user, blocked=blocked)
    return {
        "visitor": None,
        "member": UserFactory(),
        "labelled": labelled,
        "relay_here": RelayCoverageFactory(countries=["FR", "BE"]).relay,
        "relay_elsewhere": RelayCoverageFactory(countries=["DE"]).relay,
        "moderator": UserFactory(roles=["member", "moderator"], two_factor=True),
        "blocked": blocked,
    }
