from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import registry


class ModerationConfig(AppConfig):
    name = "community.moderation"
    label = "moderation"
    verbose_name = _("Moderation")

    def ready(self):
        registry.add_audit_actions({"moderation.review": _("Read a reported item and its reports")})
