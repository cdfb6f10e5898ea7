from django.apps import AppConfig
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from community.moderation.signals import target_hidden
from core.registry import Fragment, MenuEntry, registry
from privacy.retention import RetentionRule, retention_register


class MessagingConfig(AppConfig):
    name = "community.messaging"
    label = "messaging"
    verbose_name = _("Messaging")
    demo_seeders = [(60, "community.messaging.demo.seed_conversations")]

    def ready(self):
        # the panels' module imports models, which load after the app registry
        from .dashboard import PANEL

        registry.add_dashboard_panel(PANEL.key, PANEL)
        # What a deleted account wrote stays in the others' history for two years, then goes.
        retention_register(
            RetentionRule(
                "messages-of-deleted-accounts",
                _("Messages of deleted accounts"),
                "messaging.Message",
                "created_at",
                2 * 365,
                {"sender__isnull": True},
            )
        )
        # models exist only once the app registry is ready (targets imports ContentType)
        from community.moderation.targets import register_reportable

        # (same reason)
        from .models import Message
        from .notifications import MENTION, mention_notification_words  # (same reason)

        register_reportable(Message, lambda user, message: message.moderation_visible_to(user))
        registry.add_notification_renderer(MENTION, mention_notification_words)
        target_hidden.connect(_message_hidden, sender=Message, dispatch_uid="messaging_message_hidden")
        registry.add_fragment(
            Fragment(slot="header.account", template="messaging/_header_slot.html", order=10)
        )
        registry.add_fragment(Fragment(slot="home.sections", template="messaging/_home_slot.html", order=30))
        registry.add_menu_entry(
            MenuEntry(
                key="messaging",
                icon="message-circle",
                menu="community",
                label=_("Messages"),
                url_name="messaging:list",
                order=50,
                visible=lambda request: request.user.is_authenticated,
            )
        )


def _message_hidden(sender, target, **kwargs):
    """A moderator hid a message: open pages show it as removed at once, as they do for a deletion."""
    from .services import message_broadcast  # services import models, which load after the app registry

    transaction.on_commit(lambda: message_broadcast(target.pk, "update"))
