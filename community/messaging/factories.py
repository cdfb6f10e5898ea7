"""Test and demo builders. Conversations go through the services so that sequence numbers stay right."""

import factory
from factory.django import DjangoModelFactory

from accounts.factories import UserFactory

from . import services
from .models import Conversation


class DirectConversationFactory(DjangoModelFactory):
    """A 1:1 conversation between ``initiator`` and ``other`` (new members unless given)."""

    class Meta:
        model = Conversation

    @classmethod
    def _create(cls, model_class, initiator=None, other=None, text="", **kwargs):
        return services.direct_conversation_open(
            initiator=initiator or UserFactory(), other=other or UserFactory(), text=text
        )

    kind = Conversation.Kind.DIRECT
    initiator = factory.LazyFunction(UserFactory)
    other = factory.LazyFunction(UserFactory)


def message(conversation, sender, body="Salam"):
    return services.message_send(sender=sender, conversation=conversation, body=body)
