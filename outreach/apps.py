from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from accounts.roles import ANALYST, EDITOR
from core.registry import MenuEntry, registry
from privacy.export import export_section_register


class OutreachConfig(AppConfig):
    name = "outreach"
    verbose_name = _("Outreach")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # These modules import models, which exist only once the app registry is ready.
        from . import audiences, dashboard, receivers
        from .export_section import outreach_export
        from .notifications import KIND, campaign_notification_words
        from .permissions import may_use_outreach
        from .services import AUDIT_ACTIONS

        export_section_register("outreach", outreach_export)
        receivers.connect()
        audiences.register_community_sources()
        registry.add_notification_renderer(KIND, campaign_notification_words)
        registry.add_audit_actions(AUDIT_ACTIONS)
        registry.add_dashboard_panel(dashboard.PANEL.key, dashboard.PANEL)
        registry.add_menu_entry(
            MenuEntry(
                key="outreach",
                icon="send",
                menu="staff",
                label=_("Campaigns"),
                url_name="outreach:list",
                order=60,
                visible=lambda request: may_use_outreach(request.user),
            )
        )
        snippet = [
            f"outreach.{verb}_{model}" for verb in ("add", "change", "view") for model in ("campaign",)
        ]
        series = [f"outreach.{verb}_campaignseries" for verb in ("add", "change", "view")]
        for role in (EDITOR, ANALYST):
            registry.add_role_permissions(role, snippet + series)
