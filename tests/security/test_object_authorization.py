"""One object-level authorization harness for the whole site.

Every URL pattern of the site (``get_resolver``) is requested with its path parameters pointing at
objects the requester must not see (tests/security/world.py plants them, each carrying MARKER), by
each persona of PERSONAS: visitor, member, labelled member who has not accepted the charter, relay,
editor and moderator (the staff accounts without a second factor). The marker must appear in no
response: body, headers, or the bytes of a file.

Languages, sampled to keep the run short: each persona requests every pattern once, in the language
``LANGUAGES[(pattern index + persona index) % 3]``; with six personas each pattern is requested in
fr, ar and en twice over. Patterns outside the language prefix (/admin/, /django-admin/, documents)
are requested by two personas each, in turn, so every persona meets a third of them.

A pattern added later is covered without editing this file: it is enumerated, filled and requested
like the others; ``test_every_pattern_is_exercised_or_listed`` fails if it cannot be filled and is not
listed in NOT_EXERCISED with a reason.
"""

import pytest

from django.test import Client
from django.urls import resolve

from .urlmap import fill, site_patterns
from .world import MARKER, PERSONAS, plant

pytestmark = pytest.mark.django_db

LANGUAGES = ("fr", "ar", "en")

# Pattern keys (see urlmap._key) that no request can exercise, with the reason.
NOT_EXERCISED = {}


def _session_key(event):
    from events.occurrences import session_key

    return session_key(event.start)


def _facts(world):
    return {"content_types": world["content_types"], "session_key": _session_key(world["event"])}


def _client(user):
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


def _bytes_of(response):
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
        response.close()
        return content
    return response.content


def leaks(response) -> list[str]:
    """Where the marker shows in a response: "body", "header <name>"."""
    found = []
    needle = MARKER.lower().encode()
    if needle in _bytes_of(response).lower():
        found.append("body")
    for name, value in response.items():
        if MARKER.lower() in str(value).lower():
            found.append(f"header {name}")
    return found


def exercise(patterns, world, personas=PERSONAS):
    """Request every pattern as every persona; returns (covered keys, unfilled keys, leaks)."""
    facts = _facts(world)
    covered, unfilled, found = set(), set(), []
    clients = {name: _client(world["personas"][name]) for name in personas}
    for index, pattern in enumerate(patterns):
        askers = personas
        if not pattern.localised and len(personas) > 2:
            askers = [personas[(2 * index) % len(personas)], personas[(2 * index + 1) % len(personas)]]
        for offset, persona in enumerate(askers):
            language = LANGUAGES[(index + offset) % len(LANGUAGES)] if pattern.localised else "fr"
            paths = fill(pattern, language, facts)
            if not paths:
                unfilled.add(pattern.key)
                continue
            covered.add(pattern.key)
            for path in paths:
                response = clients[persona].get(path)
                where = leaks(response)
                if where:
                    found.append((persona, path, response.status_code, where))
    return covered, unfilled, found


def test_no_persona_reads_the_marker_on_any_url_pattern(capsys):
    world = plant()
    patterns = site_patterns()
    covered, unfilled, found = exercise(patterns, world)
    with capsys.disabled():
        print(
            f"\nobject authorization harness: {len(patterns)} URL patterns, {len(covered)} exercised "
            f"as {len(PERSONAS)} personas, {len(NOT_EXERCISED)} listed as not exercisable; "
            f"back-office models planted: {len(world['back_office_planted'])}, "
            f"not plantable: {world['back_office_failed']}"
        )
    assert not unfilled - set(NOT_EXERCISED), sorted(unfilled - set(NOT_EXERCISED))
    assert not found, "\n".join(f"{p} GET {path} -> {status}: marker in {w}" for p, path, status, w in found)


def test_every_pattern_is_exercised_or_listed():
    world = plant()
    facts = _facts(world)
    unlisted = []
    for pattern in site_patterns():
        if pattern.key in NOT_EXERCISED:
            continue
        if not fill(pattern, "fr", facts):
            unlisted.append(pattern.key)
    assert not unlisted, f"URL patterns neither exercised nor listed in NOT_EXERCISED: {unlisted}"
    stale = [key for key in NOT_EXERCISED if key not in {p.key for p in site_patterns()}]
    assert not stale, f"NOT_EXERCISED lists patterns that no longer exist: {stale}"


def test_a_new_pattern_is_covered_without_editing_the_harness(settings):
    """A view added later that prints any object by id is requested and caught."""
    settings.ROOT_URLCONF = "tests.security.leaky_urls"
    world = plant()
    patterns = site_patterns()
    new = [p for p in patterns if "leaky" in p.key]
    assert new and resolve("/fr/leaky/4242/").url_name == "leaky"
    covered, _unfilled, found = exercise(new, world, personas=("member",))
    assert {p.key for p in new} <= covered
    assert found and found[0][0] == "member"
