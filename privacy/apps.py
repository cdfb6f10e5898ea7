from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = _("Privacy")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .middleware import mark_review_needed

        user_logged_in.connect(mark_review_needed, dispatch_uid="privacy_notice_review")

        from .retention import RetentionRule, retention_register

        # The audit log of staff reads and changes: kept three years (proof of who saw what).
        retention_register(RetentionRule("audit-log", _("Audit log entries"), "core.AuditLog", "at", 3 * 365))
