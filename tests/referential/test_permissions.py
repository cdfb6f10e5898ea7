"""Only analysts and administrators, with their second factor, reach any referential surface."""

import pytest

from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse

from accounts.factories import UserFactory
from accounts.roles import ADMIN, ANALYST, EDITOR, MEMBER, MODERATOR, RELAY
from core.models import AuditLog
from referential import services
from referential.factories import SourceFactory
from referential.models import ImportBatch, Source
from referential.permissions import can_use_referential

from .helpers import GOOD_ROWS, csv_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def batch(django_capture_on_commit_callbacks):
    owner = UserFactory(roles=[ANALYST], two_factor=True)
    source = SourceFactory()
    with django_capture_on_commit_callbacks(execute=True):
        batch = services.batch_upload(source=source, upload=upload(csv_bytes(GOOD_ROWS)), user=owner)
        services.batch_map(batch=batch, mapping=batch.mapping, user=owner)
    return batch


def _surfaces(batch):
    """(method, url) of every page, download and endpoint of the referential."""
    pk, source = batch.pk, batch.source_id
    return [
        ("get", reverse("referential:home")),
        ("get", reverse("referential:source_create")),
        ("post", reverse("referential:source_create")),
        ("get", reverse("referential:source", args=[source])),
        ("post", reverse("referential:source", args=[source])),
        ("get", reverse("referential:source_edit", args=[source])),
        ("post", reverse("referential:source_edit", args=[source])),
        ("get", reverse("referential:batch", args=[pk])),
        ("get", reverse("referential:batch_mapping", args=[pk])),
        ("post", reverse("referential:batch_mapping", args=[pk])),
        ("post", reverse("referential:batch_encoding", args=[pk])),
        ("get", reverse("referential:batch_preview", args=[pk])),
        ("post", reverse("referential:batch_commit", args=[pk])),
        ("get", reverse("referential:batch_progress", args=[pk])),
        ("get", reverse("referential:batch_rejected_csv", args=[pk])),
        ("get", reverse("referential:batch_file", args=[pk])),
        ("get", reverse("referential:access_log")),
    ]


def _request(client, method, url):
    data = {"name": "Intrus", "kind": "other", "country": "FR", "trust": 5, "given_name": "Prénom"}
    return client.get(url) if method == "get" else client.post(url, data)


def _unchanged(batch):
    batch.refresh_from_db()
    return batch.status == ImportBatch.Status.MAPPED and not Source.objects.filter(name="Intrus").exists()


@pytest.mark.parametrize("role", [MEMBER, RELAY, MODERATOR, EDITOR])
def test_other_roles_are_refused_everywhere_even_with_two_factors(batch, role):
    user = UserFactory(roles=[role], two_factor=True)
    client = Client()
    client.force_login(user)
    for method, url in _surfaces(batch):
        assert _request(client, method, url).status_code == 403, (role, method, url)
    assert _unchanged(batch)
    assert not AuditLog.objects.filter(actor=user).exists()


def test_visitors_are_sent_to_log_in_everywhere(batch):
    client = Client()
    for method, url in _surfaces(batch):
        response = _request(client, method, url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], (method, url)
    assert _unchanged(batch)


def test_an_analyst_without_a_second_factor_must_set_one_up_first(batch):
    client = Client()
    client.force_login(UserFactory(roles=[ANALYST]))
    for method, url in _surfaces(batch):
        response = _request(client, method, url)
        assert response.status_code == 302 and "/2fa/" in response["Location"], (method, url)
    assert _unchanged(batch)


@pytest.mark.parametrize("role", [ANALYST, ADMIN])
def test_analysts_and_admins_with_two_factors_get_in(batch, role):
    client = Client()
    client.force_login(UserFactory(roles=[role], two_factor=True))
    for method, url in _surfaces(batch):
        if method == "get":
            assert client.get(url).status_code == 200, (role, url)


def test_the_permission_function_answers_for_each_role():
    assert not can_use_referential(AnonymousUser())
    assert can_use_referential(UserFactory(roles=[ANALYST], two_factor=True))
    assert can_use_referential(UserFactory(roles=[ADMIN], two_factor=True))
    # Staff roles count only with the second factor (accounts/second_factor.py, issue 12).
    assert not can_use_referential(UserFactory(roles=[ANALYST]))
    assert not can_use_referential(UserFactory(roles=[MEMBER, RELAY, EDITOR, MODERATOR], two_factor=True))
    inactive = UserFactory(roles=[ANALYST], two_factor=True)
    inactive.is_active = False
    assert not can_use_referential(inactive)


def test_uploaded_files_have_no_public_url(batch):
    with pytest.raises(ValueError):
        _url = batch.file.url
    assert "/media/" not in batch.file.path and "private" in batch.file.path


def test_the_admin_menu_leads_analysts_to_the_referential_and_no_one_else():
    analyst = UserFactory(roles=[ANALYST], two_factor=True, preferred_language="fr")
    moderator = UserFactory(roles=[MODERATOR], two_factor=True)
    for user, shown in ((analyst, True), (moderator, False)):
        client = Client()
        client.force_login(user)
        response = client.get("/admin/")
        assert response.status_code == 200
        assert ("/referential/" in response.content.decode()) is shown
