from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_migrate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.roles import ADMIN, user_roles
from core.registry import MenuEntry, registry

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
        post_migrate.connect(_first_notice_after_migrate, sender=self, dispatch_uid="privacy_first_notice")
        registry.add_audit_actions({"privacy.audit_export": _("Exported the audit log")})
        for key, label, url_name, order in (
            ("audit-log", _("Audit log"), "privacy_audit_log", 90),
            ("retention", _("Retention schedule"), "privacy_retention", 91),
        ):
            registry.add_menu_entry(
                MenuEntry(
                    key=key,
                    menu="staff",
                    label=label,
                    url_name=url_name,
                    order=order,
                    visible=_is_admin,
                    icon="scale",
                )
            )
        # The audit log of staff reads and changes: kept three years (proof of who saw what).
        retention_register(RetentionRule("audit-log", _("Audit log entries"), "core.AuditLog", "at", 3 * 365))
        # A member's data archive: its file goes once its download period is over (PRIVACY_EXPORT_DAYS,
        # counted in expires_at); the row stays as the record that the request was answered.
        retention_register(
            RetentionRule(
                "privacy-data-exports",
                _("Data archives requested by members (deleted when their download period ends)"),
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


def _is_admin(request) -> bool:
    return ADMIN in user_roles(request.user)


def _first_notice_after_migrate(sender, using="default", **kwargs):
    """After flush (which empties what migration 0002 wrote, then sends post_migrate): with no notice
    at all, consents cannot be recorded (the demo's members then had none, and the directory showed
    nobody), so the first version is published again, as the migration does. A site with notices is
    left as administrators set it."""
    # models load only once the app registry is ready
    from .models import PrivacyNotice

    if not PrivacyNotice.objects.using(using).exists():
        PrivacyNotice.objects.using(using).create(
            version="1.0", published_at=timezone.now(), summary="First version of the privacy notice."
        )
