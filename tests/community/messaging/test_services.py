"""Conversations and messages through the services: order, blocks, limits, reads, mentions."""

import pytest

from django.core.exceptions import PermissionDenied, ValidationError

from accounts.factories import UserFactory
from community.groups.factories import MembershipFactory
from community.messaging import permissions, selectors, services
from community.messaging.factories import DirectConversationFactory
from community.messaging.models import Conversation, Message, Participant
from community.moderation.factories import BlockFactory
from community.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_direct_conversation_open_returns_the_same_conversation_for_the_pair():
    amina, karim = UserFactory(), UserFactory()
    first = services.direct_conversation_open(initiator=amina, other=karim, text="Bonjour Karim")
    again = services.direct_conversation_open(initiator=karim, other=amina)
    assert first == again and first.kind == Conversation.Kind.DIRECT
    assert first.get_absolute_url() == f"/fr/community/messages/{first.pk}/"
    assert [m.body for m in first.messages.all()] == ["Bonjour Karim"]
    assert set(first.participants.values_list("user_id", flat=True)) == {amina.pk, karim.pk}


@pytest.mark.parametrize("blocker", ["initiator", "other"])
def test_a_block_either_way_refuses_to_open_a_direct_conversation(blocker):
    amina, karim = UserFactory(), UserFactory()
    if blocker == "initiator":
        BlockFactory(blocker=amina, blocked=karim)
    else:
        BlockFactory(blocker=karim, blocked=amina)
    with pytest.raises(PermissionDenied):
        services.direct_conversation_open(initiator=amina, other=karim, text="Hello")
    assert not Conversation.objects.exists() and not Message.objects.exists()


def test_a_block_after_the_start_stops_the_conversation():
    amina, karim = UserFactory(), UserFactory()
    conversation = services.direct_conversation_open(initiator=amina, other=karim, text="Hi")
    BlockFactory(blocker=karim, blocked=amina)
    with pytest.raises(PermissionDenied):
        services.message_send(sender=amina, conversation=conversation, body="Still there?")
    with pytest.raises(PermissionDenied):
        services.message_send(sender=karim, conversation=conversation, body="Bye")
    assert conversation.messages.count() == 1


def test_in_a_multi_conversation_blocks_and_departures_decide_who_writes_and_who_reads():
    amina, karim, salma, youssef = UserFactory(), UserFactory(), UserFactory(), UserFactory()
    conversation = services.conversation_start(creator=amina, others=[karim, salma, youssef], text="Salam")
    BlockFactory(blocker=karim, blocked=salma)  # between two others: Amina still writes
    services.message_send(sender=amina, conversation=conversation, body="Toujours là")
    for writer in (karim, salma):  # either side of the block is stopped
        with pytest.raises(PermissionDenied):
            services.message_send(sender=writer, conversation=conversation, body="Non")
    services.conversation_leave(user=karim, conversation=conversation)
    services.message_send(sender=salma, conversation=conversation, body="Karim est parti")
    with pytest.raises(PermissionDenied):
        services.message_send(sender=karim, conversation=conversation, body="Je reviens")
    youssef.is_active = False
    youssef.save(update_fields=["is_active"])
    assert sorted(permissions.readers_now(conversation)) == sorted([amina.pk, salma.pk])
    assert [m.body for m in conversation.messages.order_by("seq")] == [
        "Salam",
        "Toujours là",
        "Karim est parti",
    ]
    sender_row = Participant.objects.get(conversation=conversation, user=salma)
    assert sender_row.last_read_seq == sender_row.emailed_through_seq == 3


def test_messages_take_consecutive_sequence_numbers():
    conversation = DirectConversationFactory()
    a, b = [p.user for p in conversation.participants.order_by("id")]
    sent = [
        services.message_send(sender=s, conversation=conversation, body=f"m{i}")
        for i, s in enumerate([a, b, a])
    ]
    assert [m.seq for m in sent] == [1, 2, 3]
    assert [m.body for m in selectors.messages_after(conversation.id, 1)] == ["m1", "m2"]


def test_length_and_rate_limits_give_clear_errors(settings):
    settings.MESSAGING_RATE_LIMIT = (2, 60)
    conversation = DirectConversationFactory()
    sender = conversation.participants.first().user
    with pytest.raises(ValidationError) as too_long:
        services.message_send(sender=sender, conversation=conversation, body="x" * (services.MAX_LENGTH + 1))
    assert "4000" in too_long.value.messages[0]
    services.message_send(sender=sender, conversation=conversation, body="one")
    services.message_send(sender=sender, conversation=conversation, body="two")
    with pytest.raises(services.RateLimited) as limited:
        services.message_send(sender=sender, conversation=conversation, body="three")
    assert "2" in limited.value.messages[0] and "60" in limited.value.messages[0]
    assert conversation.messages.count() == 2


def test_unread_counts_follow_read_positions():
    amina, karim = UserFactory(), UserFactory()
    conversation = services.direct_conversation_open(initiator=amina, other=karim, text="1")
    services.message_send(sender=amina, conversation=conversation, body="2")
    assert selectors.unread_total(karim) == 2 and selectors.unread_total(amina) == 0
    services.conversation_mark_read(user=karim, conversation=conversation, seq=1)
    assert selectors.unread_total(karim) == 1
    services.conversation_mark_read(user=karim, conversation=conversation, seq=0)  # never goes back
    assert Participant.objects.get(user=karim).last_read_seq == 1
    assert [u.pk for u in selectors.seen_by(conversation, 1, exclude_user=amina)] == [karim.pk]


def test_group_conversation_follows_membership_at_every_message():
    membership = MembershipFactory()
    group, member = membership.group, membership.user
    conversation = services.group_conversation(group)
    services.message_send(sender=member, conversation=conversation, body="Hello group")
    outsider = UserFactory()
    with pytest.raises(PermissionDenied):
        services.message_send(sender=outsider, conversation=conversation, body="Let me in")
    membership.status = "banned"
    membership.save()
    with pytest.raises(PermissionDenied):
        services.message_send(sender=member, conversation=conversation, body="Again")


def test_mentions_notify_readers_only():
    amina = UserFactory(first_name="Amina", last_name="Idrissi")
    karim = UserFactory(first_name="Karim", last_name="Benali")
    stranger = UserFactory(first_name="Karim", last_name="Stranger")
    conversation = services.conversation_start(creator=amina, others=[karim, UserFactory()], title="Projet")
    services.message_send(
        sender=amina, conversation=conversation, body="@Karim Benali et @Karim Stranger, regardez"
    )
    notified = list(
        Notification.objects.filter(kind="messaging.mention").values_list("recipient_id", flat=True)
    )
    assert notified == [karim.pk] and stranger.pk not in notified


def test_deleted_messages_stay_in_history_without_their_text():
    conversation = DirectConversationFactory(text="secret")
    message = conversation.messages.get()
    services.message_delete(user=message.sender, message=message)
    message.refresh_from_db()
    assert message.body == "" and message.deleted_at is not None
    assert conversation.messages.count() == 1
