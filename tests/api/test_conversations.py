"""GET /api/v1/me/conversations/: the member's own conversations as the inbox lists them, never a message,
and only while the messaging app still lets them read each one."""

import pytest
from rest_framework.exceptions import NotAuthenticated
from rest_framework.test import APIClient

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from accounts.factories import UserFactory
from accounts.roles import MEMBER
from api.permissions import ScopeRequired
from api.scopes import READ_CONVERSATIONS, READ_ME
from community.groups import services as group_services
from community.groups.factories import CommunityGroupFactory, MembershipFactory
from community.messaging import services as messaging
from community.messaging.factories import DirectConversationFactory, message
from community.profiles.factories import ProfileFactory
from community.spaces.factories import (
    CharterVersionFactory,
    LabelFactory,
    SpaceFactory,
    charter_acceptance,
    label_grant,
)

from .conftest import bearer, token_for

URL = "/api/v1/me/conversations/"


def _person(name):
    user = UserFactory(roles=[MEMBER])
    ProfileFactory(user=user, display_name=name)
    return user


@pytest.fixture
def reader(member):
    """The member's client, with a token holding the conversations scope."""
    return bearer(token_for(member, scopes=[READ_CONVERSATIONS]))


def _listed(client, path=URL):
    response = client.get(path)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_a_member_sees_exactly_their_conversations(reader, member, other_member):
    stranger = _person("Youssef Stranger")
    mine = DirectConversationFactory(initiator=member, other=other_member)
    message(mine, other_member, "Salam Amina, tu as un moment ?")
    theirs = DirectConversationFactory(initiator=other_member, other=stranger)
    message(theirs, stranger, "Secret between them")
    group = CommunityGroupFactory(name="Ingénieurs à Lyon")
    MembershipFactory(user=member, group=group)
    writer = MembershipFactory(group=group).user
    group_conversation = messaging.group_conversation(group)
    message(group_conversation, writer, "Bienvenue")

    response = reader.get(URL, HTTP_ACCEPT_LANGUAGE="fr")
    body = response.json()
    assert response.status_code == 200 and body["count"] == 2
    rows = {row["id"]: row for row in body["results"]}
    assert set(rows) == {mine.id, group_conversation.id}
    assert rows[mine.id]["kind"] == "direct" and rows[mine.id]["title"] == "Karim Other"
    assert rows[mine.id]["unread"] == 1
    assert rows[mine.id]["url"] == f"http://testserver/fr/community/messages/{mine.id}/"
    assert rows[group_conversation.id]["kind"] == "group"
    assert rows[group_conversation.id]["title"] == "Ingénieurs à Lyon"
    # Never a message: no body, no preview, neither of the member's nor of anybody else's conversation.
    assert (
        "Salam Amina" not in response.content.decode()
        and "Secret between them" not in response.content.decode()
    )
    assert theirs.id not in rows


def test_the_direct_conversation_of_two_other_members_is_never_listed(member, other_member):
    stranger = _person("Youssef Stranger")
    theirs = DirectConversationFactory(initiator=other_member, other=stranger)
    message(theirs, other_member, "Only for Youssef")
    client = APIClient()
    client.force_login(member)
    response = client.get(URL)
    assert response.status_code == 200 and response.json()["results"] == []
    # The other side sees it, titled with the person they talk to.
    client.force_login(stranger)
    assert [(row["id"], row["title"]) for row in _listed(client)] == [(theirs.id, "Karim Other")]


def test_latest_activity_first_and_paginated(reader, member):
    people = [_person(f"Person {n}") for n in range(3)]
    conversations = [DirectConversationFactory(initiator=member, other=person) for person in people]
    message(conversations[1], people[1], "first")
    message(conversations[0], people[0], "second")
    message(conversations[2], people[2], "third")
    ids = [row["id"] for row in _listed(reader)]
    assert ids == [conversations[2].id, conversations[0].id, conversations[1].id]
    page = reader.get(f"{URL}?page_size=2&page=2").json()
    assert page["count"] == 3 and [row["id"] for row in page["results"]] == [conversations[1].id]


def test_a_group_conversation_disappears_once_the_member_leaves_the_group(reader, member):
    group = CommunityGroupFactory(name="Cercle des entrepreneurs")
    MembershipFactory(user=member, group=group)
    conversation = messaging.group_conversation(group)
    messaging.reader_row(member, conversation)  # the member opened it once
    assert [row["id"] for row in _listed(reader)] == [conversation.id]

    group_services.group_leave(user=member, group=group)
    assert _listed(reader) == []


def test_a_space_conversation_disappears_once_the_gate_closes(reader, member):
    label = LabelFactory()
    grant = label_grant(member, label)
    space = SpaceFactory(labels=[label])
    conversation = messaging.space_conversation(space)
    messaging.reader_row(member, conversation)
    rows = _listed(reader, f"{URL}?lang=ar")
    assert [(row["id"], row["kind"], row["title"]) for row in rows] == [
        (conversation.id, "space", "نادي المستثمرين")
    ]

    grant.ended_at = timezone.now()  # the label is revoked: the gate no longer lets the member in
    grant.save(update_fields=["ended_at"])
    assert _listed(reader) == []


def test_a_left_multi_conversation_is_not_listed(reader, member, other_member):
    third = _person("Salma Third")
    conversation = messaging.conversation_start(
        creator=other_member, others=[member, third], title="Projet Agadir"
    )
    assert [row["title"] for row in _listed(reader)] == ["Projet Agadir"]
    messaging.conversation_leave(user=member, conversation=conversation)
    assert _listed(reader) == []


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_a_visitor_is_refused_in_their_language(api, db, language):
    response = api.get(URL, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 401 and response["WWW-Authenticate"] == "Bearer"
    body = response.json()
    assert body["code"] == "not_authenticated" and body["status"] == 401
    with translation.override(language):
        assert body["detail"] == str(NotAuthenticated.default_detail)
    assert (body["detail"] == "Authentication credentials were not provided.") == (language == "en")


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_a_token_without_the_conversations_scope_is_refused(member, language):
    DirectConversationFactory(initiator=member, other=_person("Karim"))
    client = bearer(token_for(member, scopes=[READ_ME]))
    response = client.get(URL, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 403
    body = response.json()
    assert body["code"] == "permission_denied" and "results" not in body
    with translation.override(language):
        assert body["detail"] == str(ScopeRequired.message)
    english = "This API token does not have the scope this endpoint needs."
    assert (body["detail"] == english) == (language == "en")


def test_the_query_count_does_not_grow_with_the_number_of_conversations(reader, member):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert reader.get(f"{URL}?page_size=100").status_code == 200
        return len(queries)

    def add_one_of_each(n):
        other = _person(f"Direct {n}")
        message(DirectConversationFactory(initiator=member, other=other), other, "hello")
        group = CommunityGroupFactory()
        MembershipFactory(user=member, group=group)
        message(messaging.group_conversation(group), MembershipFactory(group=group).user, "hello")
        multi = messaging.conversation_start(creator=other, others=[member, _person(f"Third {n}")])
        message(multi, other, "hello")
        label = LabelFactory()
        label_grant(member, label)
        version = CharterVersionFactory()
        charter_acceptance(member, version)
        space = messaging.space_conversation(SpaceFactory(labels=[label], charter=version.charter))
        messaging.reader_row(member, space)

    add_one_of_each(0)
    count_queries()  # the token's first use of the run is recorded once (last_used_at)
    few = count_queries()
    for n in range(1, 6):
        add_one_of_each(n)
    assert len(_listed(reader, f"{URL}?page_size=100")) == 24
    assert count_queries() == few
