"""The personal home: where members land after signing in, each app's section under its own rules."""

import pytest
from bs4 import BeautifulSoup

from django.db import connection
from django.test.utils import CaptureQueriesContext

from accompaniment.factories import CaseFactory
from accompaniment.models import Stage
from accompaniment.stages import stages_ensure
from accounts.factories import DEFAULT_PASSWORD, UserFactory
from accounts.roles import EDITOR, MEMBER
from accounts.services import roles_sync
from community.groups.factories import CommunityGroupFactory, MembershipFactory
from community.groups.models import Membership
from community.messaging.factories import DirectConversationFactory, message
from community.moderation.factories import BlockFactory
from community.profiles.factories import ProfileFactory, ProjectFactory
from community.spaces.factories import CharterVersionFactory, LabelFactory, PostFactory, SpaceFactory
from events.factories import EventFactory, OccurrenceFactory, RSVPFactory
from events.models import Event
from privacy.factories import ConsentRecordFactory
from privacy.models import ConsentPurpose

pytestmark = pytest.mark.django_db

HOME = "/fr/community/home/"


def page(client, path=HOME):
    response = client.get(path)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def member(db):
    roles_sync()
    user = UserFactory(roles=[MEMBER])
    ProfileFactory(user=user, display_name="Amina Idrissi", skills=["Python"])
    return user


def test_members_land_on_their_home_greeted_by_their_display_name(client, member):
    response = client.post("/fr/accounts/login/", {"login": member.email, "password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == HOME
    html = page(client)
    assert "Amina Idrissi" in html.h1.get_text()
    assert member.email not in html.h1.get_text()
    # The header offers the home to come back to.
    assert html.find("a", href=HOME) is not None


def test_visitors_are_asked_to_sign_in(client):
    response = client.get(HOME)
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/accounts/login/")


def test_the_meter_names_the_next_useful_step(client, db):
    roles_sync()
    user = UserFactory(roles=[MEMBER])
    profile = ProfileFactory(user=user, display_name="Youssef", city="", skills=["Excel"])
    client.force_login(user)
    html = page(client)
    meter = html.find("progress", class_="home-meter")
    assert 0 < int(meter["value"]) < 100
    # City missing: the next step is the onboarding's place step.
    assert html.find("a", href="/fr/community/home/welcome/place/") is not None
    profile.city = "Lyon"
    profile.save()
    html = page(client)
    assert html.find("a", href="/fr/community/home/welcome/place/") is None


def test_posts_of_my_groups_and_open_spaces_but_never_a_gated_space_i_cannot_enter(client, member):
    group = CommunityGroupFactory(name="Ingénieurs à Lyon")
    MembershipFactory(user=member, group=group, status=Membership.Status.ACTIVE)
    PostFactory(group=group, space=None, title="Afterwork jeudi")
    other_group = CommunityGroupFactory(name="Autre réseau")
    PostFactory(group=other_group, space=None, title="Not my group")
    open_space = SpaceFactory(slug="open-square")
    PostFactory(space=open_space, title="Open square news")
    version = CharterVersionFactory()
    investor = LabelFactory(slug="investor")
    gated = SpaceFactory(slug="investor-club", labels=[investor], charter=version.charter)
    PostFactory(space=gated, title="Secret deal in Tangier", body="Confidential term sheet")

    client.force_login(member)
    text = page(client).get_text()
    assert "Afterwork jeudi" in text
    assert "Open square news" in text
    assert "Not my group" not in text
    assert "Secret deal in Tangier" not in text


def test_posts_of_a_blocked_member_are_left_out(client, member):
    group = CommunityGroupFactory()
    MembershipFactory(user=member, group=group, status=Membership.Status.ACTIVE)
    blocked = UserFactory(roles=[MEMBER])
    PostFactory(group=group, space=None, title="From someone I blocked", author=blocked)
    BlockFactory(blocker=member, blocked=blocked)
    client.force_login(member)
    assert "From someone I blocked" not in page(client).get_text()


def test_unread_messages_and_latest_conversations_without_a_blocked_member(client, member):
    friend = UserFactory(roles=[MEMBER])
    ProfileFactory(user=friend, display_name="Karim Benali")
    conversation = DirectConversationFactory(initiator=friend, other=member)
    message(conversation, friend, "Rendez-vous samedi ?")
    message(conversation, friend, "Je confirme l'heure")
    blocker = UserFactory(roles=[MEMBER])
    ProfileFactory(user=blocker, display_name="Someone Blocked")
    blocked_conversation = DirectConversationFactory(initiator=blocker, other=member)
    message(blocked_conversation, blocker, "Message from a blocked member")
    BlockFactory(blocker=member, blocked=blocker)

    client.force_login(member)
    html = page(client)
    section = html.find(id="home-messages-title").find_parent("section")
    text = section.get_text(" ")
    assert "Karim Benali" in text
    assert "Je confirme l'heure" in text
    assert "Message from a blocked member" not in html.get_text()
    assert "Someone Blocked" not in html.get_text()
    assert section.find("a", href=f"/fr/community/messages/{conversation.pk}/") is not None


def test_my_next_events_only_those_i_may_still_see(client, member):
    RSVPFactory(user=member, occurrence=OccurrenceFactory(event=EventFactory(title_fr="Forum Casablanca")))
    group = CommunityGroupFactory()
    closed = EventFactory(
        title_fr="Réunion du groupe privé",
        visibility=Event.Visibility.GROUP,
        group=group,
        organiser_kind=Event.OrganiserKind.GROUP,
    )
    # An answer given while a member of the group; the member has left it since.
    RSVPFactory(user=member, occurrence=OccurrenceFactory(event=closed))
    client.force_login(member)
    section = page(client).find(id="home-events-title").find_parent("section")
    assert "Forum Casablanca" in section.get_text()
    assert "Réunion du groupe privé" not in section.get_text()


def test_staff_see_their_tools_on_the_home(client, db):
    roles_sync()
    editor = UserFactory(roles=[EDITOR], two_factor=True)
    client.force_login(editor)
    html = page(client)
    staff = html.find(id="home-staff-title")
    assert staff is not None
    assert staff.find_parent("section").find_all("a")


def test_a_plain_member_sees_no_staff_tools(client, member):
    client.force_login(member)
    assert page(client).find(id="home-staff-title") is None


def test_the_number_of_queries_does_not_grow_with_what_is_listed(client, member):
    group = CommunityGroupFactory()
    MembershipFactory(user=member, group=group, status=Membership.Status.ACTIVE)
    client.force_login(member)

    def add_items():
        author = UserFactory(roles=[MEMBER])
        ProfileFactory(user=author)
        PostFactory(group=group, space=None, author=author)
        conversation = DirectConversationFactory(initiator=author, other=member)
        message(conversation, author, "Salam")
        RSVPFactory(user=member, occurrence=OccurrenceFactory(event=EventFactory()))

    add_items()
    client.get(HOME)  # warm caches (site root, content types)
    with CaptureQueriesContext(connection) as one:
        assert client.get(HOME).status_code == 200
    for _ in range(4):
        add_items()
    client.get(HOME)  # new events emptied the shared page cache (menus, footer): both counts are warm
    with CaptureQueriesContext(connection) as five:
        response = client.get(HOME)
    assert response.content.decode().count("/fr/community/messages/") >= 5
    assert len(five) == len(one), [q["sql"] for q in five.captured_queries][len(one) :]


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_the_home_speaks_each_language(client, member, language):
    client.force_login(member)
    html = page(client, f"/{language}/community/home/")
    assert html.html["lang"] == language
    assert html.find(id="home-messages-title") is not None


def test_staff_without_a_second_factor_are_shown_where_to_set_it_up(client, db):
    roles_sync()
    editor = UserFactory(roles=[EDITOR])
    client.force_login(editor)
    html = page(client)
    link = html.find("a", href="/fr/accounts/2fa/totp/activate/")
    assert link is not None
    assert html.find(id="home-staff-title") is None  # staff roles count only after the second factor


def test_suggestions_follow_the_matching_consent(client, member):
    client.force_login(member)
    section = page(client).find(id="home-suggestions-title").find_parent("section")
    assert section.find("a", href="/fr/account/#consents") is not None  # no consent: where to give it
    ConsentRecordFactory(user=member, purpose=ConsentPurpose.MATCHING, granted=True)
    section = page(client).find(id="home-suggestions-title").find_parent("section")
    assert section.find("a", href="/fr/account/#consents") is None


def test_my_accompaniment_case_shows_to_its_holder_only(client, member):
    stages_ensure(Stage)
    profile = member.profile
    case = CaseFactory(project=ProjectFactory(owner=profile, title="Coopérative d'argan"))
    client.force_login(member)
    section = page(client).find(id="home-cases-title").find_parent("section")
    assert section.find("a", href=f"/fr/accompaniment/mine/{case.pk}/") is not None
    assert "Coopérative d'argan" in section.get_text()

    someone = UserFactory(roles=[MEMBER])
    client.force_login(someone)
    html = page(client)
    assert html.find(id="home-cases-title") is None
    assert "Coopérative d'argan" not in html.get_text()


def test_a_member_whose_profile_is_already_full_is_not_offered_the_onboarding(client, db):
    roles_sync()
    user = UserFactory(roles=[MEMBER])
    profile = ProfileFactory(user=user, display_name="Hamid", skills=["Finance"])
    client.force_login(user)
    html = page(client)
    assert html.find("a", href="/fr/community/home/welcome/") is None
    # The meter still names what the profile form holds beyond the onboarding: here, a photo.
    assert not profile.photo
    assert html.find("a", href="/fr/community/members/me/") is not None
    profile.city = ""
    profile.save()
    assert page(client).find("a", href="/fr/community/home/welcome/") is not None
