"""The site-wide object authorization harness (tests/security), on the accompaniment pages only: every
accompaniment URL requested with ids of cases, documents, referrals and tasks planted for another member
(each carrying the marker), by a visitor, a member, a relay of no country, an editor and a moderator."""

import pytest

from tests.security.test_object_authorization import exercise
from tests.security.urlmap import site_patterns
from tests.security.world import plant

pytestmark = pytest.mark.django_db


def test_no_persona_reads_a_planted_case_on_any_accompaniment_page():
    world = plant()
    planted = set(world["back_office_planted"])
    assert {"accompaniment.case", "accompaniment.referral", "accompaniment.documentversion"} <= planted, (
        world["back_office_failed"]
    )
    patterns = [p for p in site_patterns() if "accompaniment/" in p.key]
    covered, unfilled, found = exercise(patterns, world)
    assert not unfilled and len(covered) == len(patterns)
    assert not found, found
