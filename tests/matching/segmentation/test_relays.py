"""Relay proposals per country, with the figures that justify each one."""

import pytest

from django.test import Client

from accounts.factories import UserFactory
from community.groups.factories import CommunityGroupFactory, MembershipFactory
from community.groups.models import Membership
from community.labels.factories import LabelGrantFactory
from community.profiles.factories import ProfileFactory, RelayCoverageFactory
from matching.segmentation import relays
from matching.segmentation.relays import relay_proposals

from .conftest import member

pytestmark = pytest.mark.django_db


def _lead(user, members_in, role=Membership.Role.OWNER):
    group = CommunityGroupFactory()
    MembershipFactory(user=user, group=group, role=role)
    for country in members_in:
        MembershipFactory(user=member(country=country).user, group=group)
    return group


def _by_country(country=""):
    return {entry["country"]: entry["proposals"] for entry in relay_proposals(country)}


def test_people_who_lead_groups_of_a_country_are_proposed_with_their_figures(roles):
    organiser = member(display_name="Organiser", country="FR")
    _lead(organiser.user, ["FR", "FR", "FR", "BE"])
    _lead(organiser.user, ["FR"], role=Membership.Role.MODERATOR)
    labelled = member(display_name="Labelled", country="FR")
    LabelGrantFactory(user=labelled.user)
    member(display_name="Quiet", country="FR")

    france = _by_country("FR")["FR"]
    assert [(p.name, p.score) for p in france] == [("Organiser", 4 + 2 * 5), ("Labelled", 3)]
    first = france[0]
    assert (first.groups_led, first.members_reached, first.labels_held, first.matches_brokered) == (
        2,
        4,
        0,
        0,
    )
    assert not first.is_relay
    assert list(_by_country("FR")) == ["FR"]


def test_members_without_matching_consent_are_not_proposed_but_relays_are_for_what_they_cover(roles):
    no_consent = member(display_name="No consent", country="FR", consent=False)
    _lead(no_consent.user, ["FR", "FR"])
    coverage = RelayCoverageFactory(countries=["FR", "BE"])
    ProfileFactory(user=coverage.relay, display_name="Consular relay", country="FR")
    _lead(coverage.relay, ["BE"])

    proposals = _by_country()
    assert [p.name for p in proposals["FR"]] == ["Consular relay"]
    assert proposals["FR"][0].is_relay and proposals["FR"][0].members_reached == 0  # own membership left out
    assert [(p.name, p.members_reached, p.is_relay) for p in proposals["BE"]] == [("Consular relay", 1, True)]


def test_matches_brokered_is_a_hook_returning_zero_until_the_engine_records_brokers():
    assert relays.matches_brokered([1, 2]) == {1: 0, 2: 0}


def test_the_relay_page_lists_proposals_by_country(analyst):
    organiser = member(display_name="Organiser", country="BE")
    _lead(organiser.user, ["BE"])
    client = Client()
    client.force_login(analyst)
    html = client.get("/fr/matching/segments/relays/").content.decode()
    assert "Belgique" in html and "Organiser" in html
    assert "Organiser" not in client.get("/fr/matching/segments/relays/?country=FR").content.decode()
    assert client.get("/fr/matching/segments/relays/?country=ZZ").status_code == 200


def test_an_inactive_relay_is_not_proposed(roles):
    coverage = RelayCoverageFactory(
        countries=["ES"], relay=UserFactory(roles=["member", "relay"], is_active=False)
    )
    _lead(coverage.relay, ["ES"])
    assert "ES" not in _by_country()
