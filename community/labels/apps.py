from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from accounts.roles import MODERATOR
from core.registry import MenuEntry, registry


class LabelsConfig(AppConfig):
    name = "community.labels"
    label = "labels"
    verbose_name = _("Labels")
    demo_seeders = [(40, "community.labels.demo.seed_label_activity")]

    def ready(self):
        # the panels' module imports models, which load after the app registry
        from .dashboard import PANEL

        registry.add_dashboard_panel(PANEL.key, PANEL)
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
