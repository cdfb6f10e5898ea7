from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from core.registry import MenuEntry, registry
from core.requestmemo import forget_kind

from .notifications import KINDS, moderation_notification_words


def _blocks_forget(sender, **kwargs):
    """A block made or lifted during a request must not be answered from the request's memo."""
    from .selectors import BLOCKS_MEMO  # selectors import the models, which load after the app registry

    forget_kind(BLOCKS_MEMO)


class ModerationConfig(AppConfig):
    name = "community.moderation"
    label = "moderation"
    verbose_name = _("Moderation")

    def ready(self):
        registry.add_audit_actions({"moderation.review": _("Read a reported item and its reports")})
        block = self.get_model("Block")
        post_save.connect(_blocks_forget, sender=block, dispatch_uid="moderation.memo_forget_save")
        post_delete.connect(_blocks_forget, sender=block, dispatch_uid="moderation.memo_forget_delete")
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
