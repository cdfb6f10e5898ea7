from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import MenuEntry, registry

from .notifications import KINDS, moderation_notification_words


class ModerationConfig(AppConfig):
    name = "community.moderation"
    label = "moderation"
    verbose_name = _("Moderation")

    def ready(self):
        registry.add_audit_actions({"moderation.review": _("Read a reported item and its reports")})
        # the permissions module reads the targets' registry, which imports ContentType (a model)
        from .permissions import can_moderate

        for kind in KINDS:
            registry.add_notification_renderer(kind, moderation_notification_words)

        registry.add_menu_entry(
            MenuEntry(
                key="moderation",
                icon="shield",
                menu="staff",
                label=_("Reports"),
                url_name="moderation:queue",
                order=10,
                visible=lambda request: can_moderate(request.user),
            )
        )
