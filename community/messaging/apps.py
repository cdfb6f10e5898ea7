from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "community.messaging"
    label = "messaging"
    verbose_name = _("Messaging")
    demo_seeders = [(60, "community.messaging.demo.seed_conversations")]

    def ready(self):
        from community.moderation.signals import target_hidden

        from .models import Message

        target_hidden.connect(_message_hidden, sender=Message, dispatch_uid="messaging_message_hidden")


def _message_hidden(sender, target, **kwargs):
    """A moderator hid a message: open pages show it as removed at once, as they do for a deletion."""
    from django.db import transaction

    from .services import message_broadcast

    transaction.on_commit(lambda: message_broadcast(target.pk, "update"))
