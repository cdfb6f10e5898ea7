"""Personal API tokens: made in My account, shown once, stored as a hash; scoped, expiring, revocable;
staff scopes only with a second factor, and a staff token stops when its owner's role or TOTP goes.
Rate limits per token (429 + Retry-After, worded in the caller's language)."""

import datetime
import hashlib

import pytest
from allauth.mfa.models import Authenticator

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.roles import ANALYST
from accounts.second_factor import remember_session_records
from api import services
from api.models import ApiToken
from api.scopes import READ_ME, READ_REFERENTIAL
from api.throttling import TokenThrottle
from core.models import AuditLog

from .conftest import bearer, token_for

pytestmark = pytest.mark.django_db


def test_the_secret_is_shown_once_and_only_its_hash_is_kept(client, member):
    client.force_login(member)
    page = client.get("/en/account/")
    assert 'href="/en/account/api-tokens/"' in page.content.decode()
    response = client.post("/en/account/api-tokens/", {"name": "My script", "scopes": [READ_ME], "days": 30})
    assert response.status_code == 200
    token = ApiToken.objects.get(user=member)
    body = response.content.decode()
    start = body.index('id="new-token-secret"')
    secret = body[body.index(">", start) + 1 : body.index("</code>", start)]
    assert secret.startswith("kft_") and len(secret) > 40
    assert token.digest == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in {token.digest, token.prefix, token.name} and secret.startswith(token.prefix)
    assert "no-store" in response["Cache-Control"]
    # The list shows its name and first characters, never the secret again.
    listing = client.get("/en/account/api-tokens/").content.decode()
    assert "My script" in listing and token.prefix in listing and secret not in listing
    # And the secret works.
    assert bearer(secret).get("/api/v1/me/").json()["display_name"] == "Amina Member"
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_expiry_is_required_and_at_most_90_days(client, member):
    client.force_login(member)
    for days in ("", "0", "91"):
        response = client.post("/en/account/api-tokens/", {"name": "x", "scopes": [READ_ME], "days": days})
        assert response.status_code == 400
    assert not ApiToken.objects.exists()


def test_an_expired_token_no_longer_works(member):
    secret = token_for(member, days=1)
    ApiToken.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    response = bearer(secret).get("/api/v1/me/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"
    assert response.json()["detail"] == "This API token is not valid, has expired or was revoked."


def test_a_revoked_token_no_longer_works_and_only_its_owner_revokes_it(client, member, other_member):
    secret = token_for(member)
    token = ApiToken.objects.get()
    client.force_login(other_member)
    client.post(f"/en/account/api-tokens/{token.pk}/revoke/")
    assert bearer(secret).get("/api/v1/me/").status_code == 200
    client.force_login(member)
    response = client.post(f"/en/account/api-tokens/{token.pk}/revoke/")
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert bearer(secret).get("/api/v1/me/").status_code == 401
    assert AuditLog.objects.filter(action="api.token_revoke", actor=member).exists()


@pytest.mark.parametrize(
    ("language", "detail"),
    [
        ("fr", "Ce jeton d’API n’est pas valide, a expiré ou a été révoqué."),
        ("ar", "رمز واجهة البرمجة هذا غير صالح أو انتهت صلاحيته أو أُلغي."),
        ("en", "This API token is not valid, has expired or was revoked."),
    ],
)
def test_errors_are_worded_in_the_callers_language(db, language, detail):
    response = bearer("kft_nonsense").get("/api/v1/me/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 401 and response["WWW-Authenticate"] == "Bearer"
    assert response.json()["detail"] == detail


def test_a_member_token_cannot_reach_staff_scopes_nor_staff_data(member):
    with pytest.raises(PermissionDenied):
        services.token_create(user=member, name="x", scopes=[READ_REFERENTIAL], days=30)
    # Planted directly (as if made before a role was removed): refused at use.
    ApiToken.objects.create(
        user=member,
        name="forged",
        prefix="kft_forged",
        digest=hashlib.sha256(b"kft_forged-secret").hexdigest(),
        scopes=[READ_REFERENTIAL],
        expires_at=timezone.now() + datetime.timedelta(days=1),
    )
    assert bearer("kft_forged-secret").get("/api/v1/staff/referential/records/").status_code == 401


def test_staff_scopes_need_totp_and_a_session_that_used_it(client):
    analyst = UserFactory(roles=[ANALYST])
    with pytest.raises(PermissionDenied):  # no TOTP at all
        services.token_create(user=analyst, name="x", scopes=[READ_REFERENTIAL], days=30)
    analyst = UserFactory(roles=[ANALYST], two_factor=True)
    # A session that signed in with the password only does not count.
    remember_session_records(analyst, [{"method": "password", "at": timezone.now().timestamp()}])
    with pytest.raises(PermissionDenied):
        services.token_create(user=analyst, name="x", scopes=[READ_REFERENTIAL], days=30)
    remember_session_records(analyst, [{"method": "password"}, {"method": "mfa"}])
    token, _secret = services.token_create(user=analyst, name="x", scopes=[READ_REFERENTIAL], days=30)
    assert token.is_staff_token
    # The page offers staff scopes to that session only.
    client.force_login(UserFactory(roles=[ANALYST]))
    assert READ_REFERENTIAL not in client.get("/en/account/api-tokens/").content.decode()


def test_a_token_reads_only_what_its_scopes_name():
    analyst = UserFactory(roles=[ANALYST], two_factor=True)
    secret = token_for(analyst, scopes=[READ_ME])
    response = bearer(secret).get("/api/v1/staff/referential/records/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 403
    assert response.json()["detail"] == "Ce jeton d’API n’a pas la portée que demande ce point d’accès."
    # A member-scoped token of a staff account acts as a member: staff roles do not count through it.
    staff_only = token_for(analyst, scopes=[READ_REFERENTIAL])
    assert bearer(staff_only).get("/api/v1/me/").status_code == 403
    assert bearer(staff_only).get("/api/v1/staff/referential/records/").status_code == 200


def test_a_staff_token_stops_when_totp_or_the_role_is_removed():
    analyst = UserFactory(roles=[ANALYST], two_factor=True)
    secret = token_for(analyst, scopes=[READ_REFERENTIAL])
    assert bearer(secret).get("/api/v1/staff/referential/records/").status_code == 200
    Authenticator.objects.filter(user=analyst).delete()
    assert bearer(secret).get("/api/v1/staff/referential/records/").status_code == 401

    other = UserFactory(roles=[ANALYST], two_factor=True)
    secret = token_for(other, scopes=[READ_REFERENTIAL])
    other.groups.clear()
    assert bearer(secret).get("/api/v1/staff/referential/records/").status_code == 401


def test_a_token_of_a_deactivated_account_stops(member):
    secret = token_for(member)
    member.is_active = False
    member.save()
    assert bearer(secret).get("/api/v1/me/").status_code == 401


@pytest.mark.parametrize(
    ("language", "detail"),
    [
        ("en", "Too many requests: try again in 60 seconds."),
        ("fr", "Trop de requêtes : réessayez dans 60 secondes."),
        ("ar", "طلبات كثيرة جدًا: أعد المحاولة بعد 60 ثانية."),
    ],
)
def test_rate_limit_per_token_answers_429_with_retry_after(
    member, other_member, monkeypatch, language, detail
):
    from django.core.cache import cache

    cache.clear()
    monkeypatch.setattr(TokenThrottle, "THROTTLE_RATES", {"api_token": "2/min"})
    first, second = token_for(member), token_for(member)
    for _ in range(2):
        assert bearer(first).get("/api/v1/me/").status_code == 200
    refused = bearer(first).get("/api/v1/me/", HTTP_ACCEPT_LANGUAGE=language)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert refused.json() == {"status": 429, "code": "throttled", "detail": detail, "errors": {}}
    # Another token has its own allowance.
    assert bearer(second).get("/api/v1/me/").status_code == 200
    cache.clear()


def test_sessions_are_limited_per_user_and_visitors_per_address(api, member, other_member, monkeypatch):
    from django.core.cache import cache

    from api.throttling import AnonThrottle, UserThrottle

    cache.clear()
    monkeypatch.setattr(UserThrottle, "THROTTLE_RATES", {"api_user": "1/min"})
    monkeypatch.setattr(AnonThrottle, "THROTTLE_RATES", {"api_anon": "1/min"})
    api.force_login(member)
    assert api.get("/api/v1/me/").status_code == 200
    assert api.get("/api/v1/me/").status_code == 429
    api.force_login(other_member)
    assert api.get("/api/v1/me/").status_code == 200
    api.logout()
    assert api.get("/api/v1/services/", REMOTE_ADDR="192.0.2.1").status_code == 200
    refused = api.get("/api/v1/services/", REMOTE_ADDR="192.0.2.1", HTTP_ACCEPT_LANGUAGE="fr")
    assert refused.status_code == 429 and int(refused["Retry-After"]) <= 60
    assert refused.json()["detail"].startswith("Trop de requêtes")
    assert api.get("/api/v1/services/", REMOTE_ADDR="192.0.2.2").status_code == 200
    cache.clear()
