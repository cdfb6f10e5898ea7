import pytest

from accounts.factories import UserFactory
from accounts.roles import MEMBER, MODERATOR, RELAY
from community.spaces.factories import (
    CharterVersionFactory,
    LabelFactory,
    PostFactory,
    SpaceFactory,
    charter_acceptance,
    label_grant,
)


@pytest.fixture
def gated(db):
    """An "investor club" needing one of two labels (any-of) and a published charter."""
    verified = LabelFactory(slug="verified-competence")
    holder = LabelFactory(slug="accompanied-project-holder")
    version = CharterVersionFactory()
    space = SpaceFactory(slug="investor-club", labels=[verified, holder], charter=version.charter)
    post = PostFactory(space=space, title="Secret deal in Tangier", body="Confidential term sheet")
    return {"space": space, "labels": [verified, holder], "version": version, "post": post}


@pytest.fixture
def people(gated):
    labelled = UserFactory(roles=[MEMBER])
    label_grant(labelled, gated["labels"][1])
    charter_acceptance(labelled, gated["version"])
    return {
        "visitor": None,
        "member": UserFactory(roles=[MEMBER]),
        "labelled": labelled,
        "relay": UserFactory(roles=[RELAY]),
        "moderator": UserFactory(roles=[MODERATOR], two_factor=True),
    }
