from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import Fragment, registry
from privacy.retention import RetentionRule, retention_register


class NotificationsConfig(AppConfig):
    name = "community.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        retention_register(
            RetentionRule(
                "notifications", _("Notifications"), "notifications.Notification", "created_at", 365
            )
        )
        registry.add_fragment(
            Fragment(slot="header.account", template="notifications/_header_slot.html", order=20)
        )
