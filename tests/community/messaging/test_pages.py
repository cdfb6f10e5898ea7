"""The conversation pages without JavaScript: forms, pagination, escaping, gates, files, reports."""

import io

import pytest
from PIL import Image

from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from accounts.factories import UserFactory
from community.groups.factories import MembershipFactory
from community.messaging import services
from community.messaging.models import Attachment, Message
from community.moderation.factories import BlockFactory
from community.moderation.models import Report

pytestmark = pytest.mark.django_db


def _login(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def pair():
    amina = UserFactory(first_name="Amina", last_name="Idrissi")
    karim = UserFactory(first_name="Karim", last_name="Benali")
    conversation = services.direct_conversation_open(initiator=amina, other=karim, text="Salam Karim")
    return amina, karim, conversation


def test_only_participants_open_a_conversation(pair):
    amina, karim, conversation = pair
    url = conversation.get_absolute_url()
    assert _login(karim).get(url).status_code == 200
    assert _login(UserFactory()).get(url).status_code == 403
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]


def test_send_without_javascript_then_see_it_in_the_history(pair):
    amina, karim, conversation = pair
    client = _login(karim)
    response = client.post(conversation.get_absolute_url(), {"body": "Wa alaykum salam"})
    assert response.status_code == 302
    page = client.get(conversation.get_absolute_url()).content.decode()
    assert "Salam Karim" in page and "Wa alaykum salam" in page


def test_script_in_a_message_is_shown_as_text_and_links_are_clickable(pair):
    amina, karim, conversation = pair
    services.message_send(
        sender=amina,
        conversation=conversation,
        body='<script>alert(1)</script> <img src=x onerror="alert(2)"> https://kafaat.example/a?b=1&c=2.',
    )
    page = _login(karim).get(conversation.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in page
    assert '<a href="https://kafaat.example/a?b=1&amp;c=2" rel="nofollow noopener noreferrer">' in page


def test_history_is_paginated_with_the_newest_page_first(pair, settings):
    settings.MESSAGING_RATE_LIMIT = (1000, 60)
    amina, karim, conversation = pair
    for number in range(60):
        services.message_send(sender=amina, conversation=conversation, body=f"number {number:02d}")
    client = _login(karim)
    newest = client.get(conversation.get_absolute_url()).content.decode()
    assert "number 59" in newest and "Salam Karim" not in newest
    oldest = client.get(conversation.get_absolute_url() + "?page=1").content.decode()
    assert "Salam Karim" in oldest and "number 59" not in oldest


def test_edit_and_delete_by_the_author_only(pair):
    amina, karim, conversation = pair
    message = conversation.messages.get()
    edit_url = reverse("messaging:edit", args=[conversation.pk, message.seq])
    delete_url = reverse("messaging:delete", args=[conversation.pk, message.seq])
    assert _login(karim).post(edit_url, {"body": "hijacked"}).status_code == 403
    client = _login(amina)
    assert client.post(edit_url, {"body": "Salam Karim, ça va ?"}).status_code == 302
    message.refresh_from_db()
    assert message.body == "Salam Karim, ça va ?" and message.edited_at
    assert client.post(delete_url).status_code == 302
    page = _login(karim).get(conversation.get_absolute_url()).content.decode()
    assert "Message supprimé" in page and "ça va" not in page


def test_blocked_member_cannot_continue_and_sees_why(pair):
    amina, karim, conversation = pair
    BlockFactory(blocker=karim, blocked=amina)
    client = _login(amina)
    page = client.get(conversation.get_absolute_url()).content.decode()
    assert 'id="composer"' not in page
    response = client.post(conversation.get_absolute_url(), {"body": "Why?"})
    assert response.status_code == 400 and Message.objects.count() == 1


def test_the_rate_limit_error_shows_on_the_form(pair, settings):
    settings.MESSAGING_RATE_LIMIT = (1, 60)
    amina, karim, conversation = pair
    client = _login(karim)
    assert client.post(conversation.get_absolute_url(), {"body": "one"}).status_code == 302
    response = client.post(conversation.get_absolute_url(), {"body": "two"})
    assert response.status_code == 400
    assert "trop vite" in response.content.decode()


def test_length_limit_on_the_form(pair):
    amina, karim, conversation = pair
    response = _login(karim).post(conversation.get_absolute_url(), {"body": "x" * 4001})
    assert response.status_code == 400 and Message.objects.count() == 1


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "green").save(buffer, "PNG")
    return SimpleUploadedFile("plan.png", buffer.getvalue(), content_type="image/png")


def test_attachments_are_checked_and_served_only_to_readers(pair):
    amina, karim, conversation = pair
    client = _login(amina)
    fake = SimpleUploadedFile("evil.png", b"<html><script>alert(1)</script>", content_type="image/png")
    assert client.post(conversation.get_absolute_url(), {"body": "", "attachment": fake}).status_code == 400
    assert (
        client.post(conversation.get_absolute_url(), {"body": "Le plan", "attachment": _png()}).status_code
        == 302
    )
    attachment = Attachment.objects.get()
    assert attachment.content_type == "image/png" and "plan.png" not in attachment.file.name
    url = reverse("messaging:attachment", args=[attachment.pk])
    download = _login(karim).get(url)
    assert download.status_code == 200 and download["Content-Disposition"].startswith("attachment")
    assert _login(UserFactory()).get(url).status_code == 403


def test_report_a_message_feeds_the_moderation_queue_and_only_readers_can(pair):
    amina, karim, conversation = pair
    message = conversation.messages.get()
    page = _login(karim).get(conversation.get_absolute_url()).content.decode()
    content_type = ContentType.objects.get_for_model(Message)
    url = reverse("moderation:report", args=[content_type.pk, message.pk])
    assert url in page
    # Someone who cannot read the conversation finds nothing there (not even that it exists).
    assert _login(UserFactory()).get(url).status_code == 404
    response = _login(karim).post(url, {"category": "spam", "text": "Unwanted"})
    assert response.status_code == 302
    assert Report.objects.get().object_id == str(message.pk)


def test_new_conversation_form_picks_members_by_name():
    from community.profiles.factories import ProfileFactory

    amina = UserFactory()
    youssef = ProfileFactory(display_name="Youssef Alami", directory=True).user
    client = _login(amina)
    found = client.get(reverse("messaging:new"), {"q": "Youssef"}).content.decode()
    assert f'value="{youssef.pk}"' in found
    response = client.post(
        reverse("messaging:new"), {"q": "Youssef", "members": [youssef.pk], "body": "Bonjour", "start": "1"}
    )
    assert response.status_code == 302
    assert Message.objects.get().body == "Bonjour"


def test_group_conversation_is_reached_from_the_group_by_members_only():
    membership = MembershipFactory()
    group = membership.group
    page = _login(membership.user).get(reverse("groups:detail", args=[group.slug])).content.decode()
    url = reverse("messaging:group", args=[group.slug])
    assert url in page
    response = _login(membership.user).get(url)
    assert response.status_code == 302
    assert _login(membership.user).get(response["Location"]).status_code == 200
    assert _login(UserFactory()).get(url).status_code == 403


def test_header_badge_counts_unread_messages(pair):
    amina, karim, conversation = pair
    services.message_send(sender=amina, conversation=conversation, body="Deuxième")
    page = _login(karim).get(reverse("messaging:list")).content.decode()
    assert 'class="messages-badge"' in page and ">2</span>" in page
