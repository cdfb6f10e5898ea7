"""The API under the object-authorization harness, by token: every /api/v1/ pattern (new ones included,
enumerated like the others) is requested with a member's token and with staff tokens whose owners have
no second factor (holding every scope, as if made before the TOTP was removed). The marker planted in
every back-office row, and in a watch item, must show in no answer."""

import datetime
import hashlib

import pytest

from django.test import Client
from django.utils import timezone

from api.models import ApiToken
from api.scopes import ALL_SCOPES, READ_ME
from watch.models import Article, Link, Mention, Source

from .test_object_authorization import _facts, leaks
from .urlmap import fill, site_patterns
from .world import ID, MARKER, plant

pytestmark = pytest.mark.django_db


def _token(user, scopes, name):
    secret = f"kft_{name}-secret"
    ApiToken.objects.create(
        user=user,
        name=name,
        prefix=secret[:10],
        digest=hashlib.sha256(secret.encode()).hexdigest(),
        scopes=list(scopes),
        expires_at=timezone.now() + datetime.timedelta(days=30),
    )
    return secret


def _plant_watch():
    source = Source.objects.create(id=ID, name=MARKER, url="https://news.example/zqx")
    article = Article.objects.create(id=ID, source=source, url="https://news.example/zqx/a", title=MARKER)
    mention = Mention.objects.create(id=ID, article=article, surface=MARKER, start=0, end=5, paragraph=MARKER)
    Link.objects.create(id=ID, mention=mention, person_id="g:4242", person_name=MARKER, score=0.99)


def test_no_token_reads_the_marker_on_any_api_pattern(capsys):
    world = plant()
    _plant_watch()
    personas = world["personas"]
    tokens = {
        "member (read:me)": _token(personas["member"], [READ_ME], "member"),
        "member (every scope)": _token(personas["member"], ALL_SCOPES, "member-all"),
        "relay without TOTP": _token(personas["relay"], ALL_SCOPES, "relay"),
        "editor without TOTP": _token(personas["editor"], ALL_SCOPES, "editor"),
        "moderator without TOTP": _token(personas["moderator"], ALL_SCOPES, "moderator"),
    }
    facts = _facts(world)
    patterns = [p for p in site_patterns() if p.key.startswith("api/v1/")]
    staff_patterns = [p for p in patterns if "staff/" in p.key]
    assert len(staff_patterns) == 6
    found, requested, statuses = [], 0, {}
    for who, secret in tokens.items():
        client = Client(raise_request_exception=False, HTTP_AUTHORIZATION=f"Bearer {secret}")
        for pattern in patterns:
            for path in fill(pattern, "fr", facts):
                response = client.get(path)
                requested += 1
                if "staff/" in path:
                    statuses.setdefault(who, set()).add(response.status_code)
                where = leaks(response)
                if where:
                    found.append((who, path, response.status_code, where))
    with capsys.disabled():
        print(f"\nAPI by token: {len(patterns)} patterns, {len(tokens)} tokens, {requested} requests")
    assert not found, "\n".join(
        f"{w} GET {path} -> {status}: marker in {at}" for w, path, status, at in found
    )
    # Staff tokens of owners without a second factor are refused outright; a member's token is refused
    # by scope or by the apps' permissions.
    for who in (
        "relay without TOTP",
        "editor without TOTP",
        "moderator without TOTP",
        "member (every scope)",
    ):
        assert statuses[who] == {401}, (who, statuses[who])
    assert statuses["member (read:me)"] == {403}
