"""The demo seeder gives the demo member conversations, once."""

from io import StringIO

import pytest

from django.core.management import call_command

from community.messaging.models import Conversation, Message
from community.messaging.selectors import conversations_of

pytestmark = pytest.mark.django_db


def test_seed_demo_gives_the_member_conversations_once():
    call_command("seed_demo", stdout=StringIO())
    from django.contrib.auth import get_user_model

    member = get_user_model().objects.get(email="member@kafaat.localhost")
    rows = conversations_of(member)
    kinds = {row["conversation"].kind for row in rows}
    assert {"direct", "multi", "group"} <= kinds
    assert sum(row["unread"] for row in rows) > 0
    counts = (Conversation.objects.count(), Message.objects.count())
    call_command("seed_demo", stdout=StringIO())
    assert (Conversation.objects.count(), Message.objects.count()) == counts
