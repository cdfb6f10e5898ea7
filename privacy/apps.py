from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.utils.translation import gettext_lazy as _

from core.registry import registry

from .retention import RetentionRule, retention_register


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = _("Privacy")

    def ready(self):
        # the panels' module imports models, which load after the app registry
        from .dashboard import PANEL

        registry.add_dashboard_panel(PANEL.key, PANEL)
        from .middleware import mark_review_needed  # it reads models, loaded once the registry is ready

        user_logged_in.connect(mark_review_needed, dispatch_uid="privacy_notice_review")
        # The audit log of staff reads and changes: kept three years (proof of who saw what).
        retention_register(RetentionRule("audit-log", _("Audit log entries"), "core.AuditLog", "at", 3 * 365))
