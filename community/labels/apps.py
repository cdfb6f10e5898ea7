from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from accounts.roles import MODERATOR
from core.registry import registry


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
