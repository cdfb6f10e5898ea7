"""The public events list comes from the page cache for visitors who are not signed in, and a change to
an event or one of its sessions shows at once; members always get the live list."""

from datetime import timedelta

import pytest

from django.utils import timezone

from accounts.factories import UserFactory
from accounts.roles import ADMIN
from events import services
from events.factories import EventFactory
from events.models import Event

pytestmark = pytest.mark.django_db
LIST = "/fr/events/"


def _soon(**fields):
    start = timezone.now() + timedelta(days=3)
    return EventFactory(start=start, end=start + timedelta(hours=2), **fields)


def test_a_visitor_gets_the_cached_list_and_every_event_change_shows_at_once(client):
    event = _soon(title_fr="Forum des compétences")
    first, second = client.get(LIST), client.get(LIST)
    assert first["X-Wagtail-Cache"] == "miss" and second["X-Wagtail-Cache"] == "hit"
    assert "Forum des compétences" in second.content.decode()

    organiser = UserFactory(roles=[ADMIN], two_factor=True)
    services.event_update(by=organiser, event=event, title_fr="Forum des compétences 2027")
    assert "Forum des compétences 2027" in client.get(LIST).content.decode()

    other = _soon(title_fr="Atelier export")
    assert "Atelier export" in client.get(LIST).content.decode()

    assert client.get(LIST)["X-Wagtail-Cache"] == "hit"
    services.event_cancel(by=organiser, event=other)
    assert client.get(LIST)["X-Wagtail-Cache"] == "miss"


def test_members_and_gated_events_never_meet_the_visitors_copy(client):
    _soon(title_fr="Rencontre publique")
    _soon(title_fr="Réunion réservée aux membres", visibility=Event.Visibility.MEMBERS)
    client.get(LIST)
    visitor = client.get(LIST)
    assert visitor["X-Wagtail-Cache"] == "hit"
    assert "Réunion réservée aux membres" not in visitor.content.decode()

    client.force_login(UserFactory())
    member = client.get(LIST)
    assert member["X-Wagtail-Cache"] != "hit"
    assert "Réunion réservée aux membres" in member.content.decode()
