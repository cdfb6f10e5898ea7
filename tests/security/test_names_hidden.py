"""Finding 3: names that should stay hidden (sequential ids, block messages, withdrawn directory consent)."""

import pytest

from accounts.factories import UserFactory
from accounts.roles import MODERATOR
from community.profiles.factories import ProfileFactory
from privacy.factories import ConsentRecordFactory

pytestmark = pytest.mark.django_db

MARKER = "Zqxhidden"


def _member(client):
    user = UserFactory()
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    "hidden",
    [
        lambda: UserFactory(first_name=MARKER, roles=[MODERATOR]),  # staff, no profile
        lambda: ProfileFactory(display_name=MARKER, vis_name=3, directory=True).user,  # staff-only name
        lambda: ProfileFactory(display_name=MARKER, vis_name=0).user,  # no directory consent
    ],
    ids=["staff-without-profile", "staff-only-name", "no-directory-consent"],
)
def test_messages_with_an_unfindable_account_is_not_found(client, hidden):
    other = hidden()
    _member(client)
    for method in (client.get, client.post):
        response = method(f"/fr/community/messages/with/{other.pk}/")
        assert response.status_code == 404 and MARKER not in response.content.decode()


def test_messages_with_a_listed_member_asks_to_confirm(client):
    other = ProfileFactory(display_name="Nadia Listed", vis_name=0, directory=True).user
    _member(client)
    response = client.get(f"/fr/community/messages/with/{other.pk}/")
    assert response.status_code == 200 and "Nadia Listed" in response.content.decode()


def test_blocking_says_the_display_name_never_the_email(client):
    other = ProfileFactory(display_name="Nadia Listed", vis_name=0, directory=True).user
    _member(client)
    page = client.post(f"/fr/community/moderation/block/{other.pk}/", follow=True).content.decode()
    assert "Nadia Listed" in page and other.email not in page


def test_blocking_an_account_never_met_is_not_found(client):
    other = UserFactory(first_name=MARKER, email="zqxhidden@example.org")
    _member(client)
    response = client.post(f"/fr/community/moderation/block/{other.pk}/", follow=True)
    assert response.status_code == 404 and "zqxhidden" not in response.content.decode().lower()


def test_a_profile_whose_owner_withdrew_directory_consent_is_not_found(client):
    profile = ProfileFactory(display_name=MARKER, vis_name=0, directory=True)
    member = _member(client)
    assert client.get(f"/fr/community/members/{profile.pk}/").status_code == 200
    ConsentRecordFactory(user=profile.user, purpose="directory", granted=False)
    response = client.get(f"/fr/community/members/{profile.pk}/")
    assert response.status_code == 404 and MARKER not in response.content.decode()
    client.force_login(profile.user)  # the owner still sees their own page
    assert client.get(f"/fr/community/members/{profile.pk}/").status_code == 200
    assert member.pk
