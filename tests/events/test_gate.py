"""The visibility gate holds on every surface: list, text search, month calendar, event and session
pages, .ics file, platform / group / personal feeds, and the group page's fragment."""

from datetime import timedelta

import pytest

from django.test import Client
from django.utils import timezone

from community.spaces.factories import CharterVersionFactory
from events import services
from events.occurrences import session_key

TITLES = {
    "public": "Apéro public",
    "members": "Soirée des membres",
    "group": "Atelier du groupe",
    "space": "Tour de table secret",
}
EXPECTED = {
    "visitor": {"public"},
    "member": {"public", "members"},
    "group_member": {"public", "members", "group"},
    "admitted": {"public", "members", "space"},
    "labelled_only": {"public", "members"},
    "organiser": {"public", "members", "group", "space"},
}


def _client(world, who):
    client = Client()
    if who != "visitor":
        client.force_login(world[who])
    return client


def _seen(content, world):
    text = content.decode()
    return {name for name, title in TITLES.items() if title in text}


def list_page(client, world):
    return _seen(client.get("/fr/events/").content, world)


def text_search(client, world):
    found = set()
    for word in ("Apéro", "Soirée", "Atelier", "secret"):
        found |= _seen(client.get("/fr/events/", {"q": word}).content, world)
    return found


def month_calendar(client, world):
    start = world["events"]["public"].start
    return _seen(
        client.get("/fr/events/calendar/", {"year": start.year, "month": start.month}).content, world
    )


def platform_feed(client, world):
    response = client.get("/fr/events/feed.ics")
    assert response["Content-Type"].startswith("text/calendar")
    return _seen(response.content, world)


def group_feed(client, world):
    return _seen(client.get(f"/fr/events/groups/{world['group'].slug}/feed.ics").content, world)


def group_page(client, world):
    return _seen(client.get(f"/fr/community/groups/{world['group'].slug}/").content, world)


def detail_pages(client, world):
    return {
        name
        for name, event in world["events"].items()
        if client.get(f"/fr/events/{event.id}/").status_code == 200
    }


def session_pages(client, world):
    return {
        name
        for name, event in world["events"].items()
        if client.get(f"/fr/events/{event.id}/s/{session_key(event.start)}/").status_code == 200
    }


def ics_files(client, world):
    seen = set()
    for name, event in world["events"].items():
        response = client.get(f"/fr/events/{event.id}/event.ics")
        if response.status_code == 200:
            assert TITLES[name] in response.content.decode()
            seen.add(name)
        else:
            assert response.status_code in (403, 404)
    return seen


SURFACES = [
    list_page,
    text_search,
    month_calendar,
    platform_feed,
    detail_pages,
    session_pages,
    ics_files,
]


@pytest.mark.parametrize("surface", SURFACES, ids=lambda s: s.__name__)
@pytest.mark.parametrize("who", sorted(EXPECTED))
def test_each_surface_shows_only_what_the_viewer_may_see(world, who, surface):
    assert surface(_client(world, who), world) == EXPECTED[who]


@pytest.mark.parametrize("who", sorted(EXPECTED))
def test_group_feed_and_group_page_follow_the_gate(world, who):
    client = _client(world, who)
    expected = EXPECTED[who] & {"group", "space"}
    assert group_feed(client, world) == expected
    assert group_page(client, world) & {"group", "space"} == expected


def test_personal_feed_drops_an_event_once_the_member_loses_access(world):
    admitted = world["admitted"]
    event = world["events"]["space"]
    services.rsvp_set(user=admitted, event=event, original_start=event.start, status="going")
    token = services.feed_token_renew(user=admitted)
    client = Client()
    assert TITLES["space"] in client.get(f"/fr/events/my/{token}.ics").content.decode()
    # A new charter version: the member must accept it again before entering the space.
    CharterVersionFactory(charter=world["space"].charter, published_at=timezone.now() - timedelta(minutes=1))
    assert TITLES["space"] not in client.get(f"/fr/events/my/{token}.ics").content.decode()


def test_the_personal_feed_lives_only_at_its_current_secret(world):
    member = world["member"]
    old = services.feed_token_renew(user=member)
    client = Client()
    assert client.get(f"/fr/events/my/{old}.ics").status_code == 200
    new = services.feed_token_renew(user=member)
    assert client.get(f"/fr/events/my/{old}.ics").status_code == 404
    assert client.get(f"/fr/events/my/{new}.ics").status_code == 200
    services.feed_token_revoke(user=member)
    assert client.get(f"/fr/events/my/{new}.ics").status_code == 404


def test_nobody_outside_the_gate_can_answer(world):
    event = world["events"]["space"]
    client = _client(world, "labelled_only")
    response = client.post(f"/fr/events/{event.id}/s/{session_key(event.start)}/rsvp/", {"status": "going"})
    assert response.status_code == 403
    assert not event.occurrences.exists()
