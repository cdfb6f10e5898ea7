"""Only analysts and administrators, with their second factor, reach any segmentation surface."""

import pytest

from django.test import Client

from accounts.factories import UserFactory
from accounts.roles import ANALYST, EDITOR, MEMBER, MODERATOR, RELAY
from matching.segmentation.models import SegmentExport
from matching.segmentation.services import segment_create

from .conftest import member

pytestmark = pytest.mark.django_db

SECRET = "Zineb Confidentielle"


@pytest.fixture
def segment(analyst):
    member(display_name=SECRET, country="FR", projects=[{"title": "Projet secret"}])
    return segment_create(owner=analyst, name="Europe", filters={"country": ["FR"]})


def _surfaces(segment):
    pk = segment.pk
    return [
        ("get", "/fr/matching/segments/"),
        ("get", "/fr/matching/segments/new/?country=FR"),
        ("post", "/fr/matching/segments/new/"),
        ("get", "/fr/matching/segments/count/?country=FR"),
        ("get", "/fr/matching/segments/relays/"),
        ("get", f"/fr/matching/segments/{pk}/"),  # charts and ranked targets live here
        ("post", f"/fr/matching/segments/{pk}/refresh/"),
        ("post", f"/fr/matching/segments/{pk}/export/members/"),
        ("post", f"/fr/matching/segments/{pk}/export/targets/"),
        ("post", f"/fr/matching/segments/{pk}/delete/"),
        ("get", "/fr/matching/segments/exports/"),
    ]


def _client(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize(
    "role", [MEMBER, RELAY, MODERATOR, EDITOR], ids=["member", "relay", "moderator", "editor"]
)
def test_other_roles_are_refused_everywhere(roles, segment, role):
    client = _client(UserFactory(roles=[role], two_factor=role != MEMBER))
    for method, path in _surfaces(segment):
        response = getattr(client, method)(path, {"name": "x"} if method == "post" else None)
        assert response.status_code == 403, (role, path)
        assert SECRET not in response.content.decode()
    assert SegmentExport.objects.count() == 0
    assert segment.__class__.objects.filter(pk=segment.pk).exists()


def test_visitors_are_sent_to_log_in_and_see_nothing(segment):
    client = _client(None)
    for method, path in _surfaces(segment):
        response = getattr(client, method)(path)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], path
    assert SegmentExport.objects.count() == 0


def test_an_analyst_without_second_factor_is_sent_to_set_it_up(roles, segment):
    client = _client(UserFactory(roles=[ANALYST]))
    for method, path in _surfaces(segment):
        response = getattr(client, method)(path)
        assert response.status_code == 302 and "/2fa/totp/activate/" in response["Location"], path
    assert SegmentExport.objects.count() == 0


def test_a_deactivated_analyst_is_refused(roles, segment):
    analyst = UserFactory(roles=[ANALYST], two_factor=True)
    client = _client(analyst)
    analyst.is_active = False
    analyst.save()
    assert client.get("/fr/matching/segments/count/").status_code in (302, 403)


def test_analysts_use_every_tool_but_the_export_log_and_admins_read_it(segment, analyst, admin_user):
    client = _client(analyst)
    for method, path in _surfaces(segment)[:-2]:  # not delete (would remove it), not the log
        response = getattr(client, method)(path)
        assert response.status_code in (200, 302, 400), path  # 400: the save form without a name
    assert client.get("/fr/matching/segments/exports/").status_code == 403
    assert (
        'href="/fr/matching/segments/exports/"' not in client.get("/fr/matching/segments/").content.decode()
    )

    log = _client(admin_user).get("/fr/matching/segments/exports/")
    assert log.status_code == 200
    assert "Europe" in log.content.decode() and str(analyst) in log.content.decode()


def test_only_the_owner_or_an_admin_deletes_a_segment(roles, segment, admin_user):
    other_analyst = UserFactory(roles=[ANALYST], two_factor=True)
    assert _client(other_analyst).post(f"/fr/matching/segments/{segment.pk}/delete/").status_code == 403
    assert _client(admin_user).post(f"/fr/matching/segments/{segment.pk}/delete/").status_code == 302
    assert not segment.__class__.objects.filter(pk=segment.pk).exists()


def test_admins_also_read_the_log_in_the_django_admin_and_cannot_rewrite_it(segment, analyst, admin_user):
    from matching.segmentation.services import segment_export

    segment_export(segment=segment, by=analyst)
    log = SegmentExport.objects.get()
    client = _client(admin_user)
    listing = client.get("/django-admin/segmentation/segmentexport/")
    assert listing.status_code == 200 and "Europe" in listing.content.decode()
    assert client.get("/django-admin/segmentation/segmentexport/add/").status_code == 403
    client.post(f"/django-admin/segmentation/segmentexport/{log.pk}/delete/", {"post": "yes"})
    assert SegmentExport.objects.filter(pk=log.pk).exists()
