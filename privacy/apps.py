from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.utils.translation import gettext_lazy as _

from .retention import RetentionRule, retention_register


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = _("Privacy")

    def ready(self):
        from .middleware import mark_review_needed  # it reads models, loaded once the registry is ready

        user_logged_in.connect(mark_review_needed, dispatch_uid="privacy_notice_review")
        # The audit log of staff reads and changes: kept three years (proof of who saw what).
        retention_register(RetentionRule("audit-log", _("Audit log entries"), "core.AuditLog", "at", 3 * 365))
        # A member's data archive: its file goes once its download period is over (PRIVACY_EXPORT_DAYS,
        # counted in expires_at); the row stays as the record that the request was answered.
        retention_register(
            RetentionRule(
                "privacy-data-exports",
                _("Data archives requested by members (files)"),
                "privacy.DataExport",
                "expires_at",
                0,
                filters={"status": "ready"},
                purge=_exports_expire,
            )
        )


def _exports_expire(rows) -> int:
    from .exports import exports_expire  # it imports the models, loaded after the app registry

    return exports_expire(rows)
