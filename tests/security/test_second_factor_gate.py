"""Finding 2: staff-level visibility only for a session that passed the second factor.

Each surface the probe named is asked as the same staff account twice: without a second factor (it must
see what a plain member sees) and with one (it sees the staff view). A session that signed in with a
password only, though TOTP is set up, counts as without.
"""

import time

import pytest

from django.core.files.base import ContentFile

from accounts.factories import UserFactory
from accounts.roles import EDITOR, MODERATOR, RELAY, held_roles, user_roles
from community.groups.factories import CommunityGroupFactory
from community.labels.factories import LabelApplicationFactory
from community.labels.models import EvidenceFile
from community.profiles.factories import ProfileFactory, RelayCoverageFactory
from community.spaces.factories import CharterVersionFactory, LabelFactory, PostFactory, SpaceFactory
from community.spaces.models import FeedToken
from events.factories import EventFactory
from events.models import Event

pytestmark = pytest.mark.django_db

MARKER = "QWZ-staff-only"


def _password_only_session(client, user):
    """A real session signed in through allauth with the password only (records say so)."""
    client.force_login(user)
    session = client.session
    session["account_authentication_methods"] = [{"method": "password", "at": time.time()}]
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()


def _staff(role, two_factor):
    return UserFactory(roles=[role], two_factor=two_factor)


def test_staff_roles_count_only_after_the_second_factor():
    without, with_ = _staff(MODERATOR, False), _staff(MODERATOR, True)
    assert MODERATOR in held_roles(without) and MODERATOR not in user_roles(without)
    assert MODERATOR in user_roles(with_)


def test_a_relay_without_second_factor_reads_no_member_list_nor_staff_fields(client):
    relay = _staff(RELAY, False)
    RelayCoverageFactory(relay=relay, countries=["FR"])
    profile = ProfileFactory(country="FR", city=MARKER, vis_city=3, vis_name=1)
    client.force_login(relay)
    response = client.get("/fr/community/members/relay/")
    assert response.status_code == 302 and "totp" in response["Location"]
    page = client.get(f"/fr/community/members/{profile.pk}/")
    assert MARKER not in page.content.decode()

    relay_ok = _staff(RELAY, True)
    RelayCoverageFactory(relay=relay_ok, countries=["FR"])
    client.force_login(relay_ok)
    assert MARKER in client.get(f"/fr/community/members/{profile.pk}/").content.decode()
    assert client.get("/fr/community/members/relay/").status_code == 200


def test_a_relay_signed_in_with_password_only_is_sent_to_confirm_the_code(client):
    relay = _staff(RELAY, True)
    RelayCoverageFactory(relay=relay, countries=["FR"])
    profile = ProfileFactory(country="FR", city=MARKER, vis_city=3, vis_name=1)
    _password_only_session(client, relay)
    response = client.get("/fr/community/members/relay/")
    assert response.status_code == 302 and "reauthenticate" in response["Location"]
    assert MARKER not in client.get(f"/fr/community/members/{profile.pk}/").content.decode()
    assert client.get("/admin/").status_code == 302


def test_a_moderator_without_second_factor_reads_no_staff_only_profile_field(client):
    profile = ProfileFactory(headline=MARKER, vis_about=3, vis_name=1)
    client.force_login(_staff(MODERATOR, False))
    assert MARKER not in client.get(f"/fr/community/members/{profile.pk}/").content.decode()
    client.force_login(_staff(MODERATOR, True))
    assert MARKER in client.get(f"/fr/community/members/{profile.pk}/").content.decode()


def test_a_moderator_without_second_factor_downloads_no_evidence(client):
    application = LabelApplicationFactory(statement=MARKER)
    evidence = EvidenceFile(
        application=application, original_name="diplome.pdf", content_type="application/pdf", size=9
    )
    evidence.file.save("diplome.pdf", ContentFile(f"%PDF {MARKER}".encode()), save=True)
    client.force_login(_staff(MODERATOR, False))
    response = client.get(f"/fr/community/labels/evidence/{evidence.pk}/")
    assert response.status_code in (302, 403, 404)
    assert MARKER.encode() not in b"".join(getattr(response, "streaming_content", [response.content]))
    page = client.get(f"/fr/community/labels/moderation/applications/{application.pk}/")
    assert MARKER not in page.content.decode()


def _gated_space():
    version = CharterVersionFactory()
    space = SpaceFactory(labels=[LabelFactory()], charter=version.charter)
    PostFactory(space=space, title=MARKER, body=MARKER)
    return space


def test_a_moderator_without_second_factor_exports_no_member_list_and_reads_no_gated_post(client):
    space = _gated_space()
    moderator = _staff(MODERATOR, False)
    client.force_login(moderator)
    export = client.get(f"/fr/community/spaces/{space.slug}/members.csv")
    assert export.status_code in (302, 403, 404)
    assert MARKER not in client.get(f"/fr/community/spaces/{space.slug}/").content.decode()
    token = FeedToken.objects.create(user=moderator)
    feed = client.get(f"/fr/community/spaces/feeds/{token.token}/{space.slug}/")
    assert MARKER not in feed.content.decode()


def test_a_feed_token_never_carries_staff_powers(client):
    space = _gated_space()
    moderator = _staff(MODERATOR, True)
    token = FeedToken.objects.create(user=moderator)
    feed = client.get(f"/fr/community/spaces/feeds/{token.token}/{space.slug}/")
    assert feed.status_code in (403, 404) and MARKER not in feed.content.decode()


def test_a_moderator_without_second_factor_reads_no_private_group_post(client):
    group = CommunityGroupFactory()
    post = PostFactory(space=None, group=group, title=MARKER, body=MARKER)
    client.force_login(_staff(MODERATOR, False))
    page = client.get(f"/fr/community/groups/{group.slug}/posts/{post.pk}/")
    assert MARKER not in page.content.decode()
    client.force_login(_staff(MODERATOR, True))
    assert MARKER in client.get(f"/fr/community/groups/{group.slug}/posts/{post.pk}/").content.decode()


def test_an_editor_without_second_factor_does_not_see_a_gated_event_online_link(client):
    space = _gated_space()
    link = f"https://meet.example.org/{MARKER}"
    event = EventFactory(
        mode=Event.Mode.ONLINE, online_url=link, space=space, visibility=Event.Visibility.SPACE
    )
    client.force_login(_staff(EDITOR, False))
    assert MARKER not in client.get(f"/fr/events/{event.pk}/").content.decode()
    client.force_login(_staff(EDITOR, True))
    assert MARKER in client.get(f"/fr/events/{event.pk}/").content.decode()


def test_the_password_only_admin_login_forms_send_to_the_two_factor_login(client):
    for path in ("/admin/login/", "/django-admin/login/"):
        response = client.post(path, {"username": "x", "password": "y"})
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
