from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from accounts.roles import MODERATOR
from core.registry import MenuEntry, registry
from core.requestmemo import forget_kind


def _labels_forget(sender, **kwargs):
    """A grant written during a request must not be answered from the request's memo."""
    from .selectors import LABELS_MEMO  # selectors import the models, which load after the app registry

    forget_kind(LABELS_MEMO)


class LabelsConfig(AppConfig):
    name = "community.labels"
    label = "labels"
    verbose_name = _("Labels")
    demo_seeders = [(40, "community.labels.demo.seed_label_activity")]

    def ready(self):
        # the panels' module imports models, which load after the app registry
        from .dashboard import PANEL

        registry.add_dashboard_panel(PANEL.key, PANEL)
        grant = self.get_model("LabelGrant")
        post_save.connect(_labels_forget, sender=grant, dispatch_uid="labels.memo_forget_save")
        post_delete.connect(_labels_forget, sender=grant, dispatch_uid="labels.memo_forget_delete")
        labels = [f"labels.{verb}_label" for verb in ("add", "change", "view")]
        registry.add_role_permissions(MODERATOR, labels)
        # the permissions module imports the models, which load after the app registry
        # (same reason)
        from .notifications import KINDS, label_notification_words
        from .permissions import can_decide_labels

        for kind in KINDS:
            registry.add_notification_renderer(kind, label_notification_words)

        registry.add_menu_entry(
            MenuEntry(
                key="labels",
                icon="award",
                menu="community",
                label=_("Labels"),
                url_name="labels:list",
                order=60,
            )
        )
        registry.add_menu_entry(
            MenuEntry(
                key="labels.moderation",
                icon="badge-check",
                menu="staff",
                label=_("Label applications"),
                url_name="labels:moderation",
                order=11,
                visible=lambda request: can_decide_labels(request.user),
            )
        )
