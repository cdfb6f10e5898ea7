from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import MenuEntry, registry
from privacy.export import export_section_register
from privacy.retention import RetentionRule, retention_register


class WatchConfig(AppConfig):
    name = "watch"
    verbose_name = _("Information watch")
    default_auto_field = "django.db.models.BigAutoField"
    # After the referential's golden records (100, 110): the demo links articles to demo members.
    demo_seeders = [(120, "watch.demo.seed_watch")]

    def ready(self):
        # These modules import models, which exist only once the app registry is ready.
        from . import alerts, dashboard
        from .export_section import watch_export
        from .permissions import may_subscribe, may_use_watch
        from .selectors import pending_count
        from .services import AUDIT_ACTIONS

        export_section_register("watch", watch_export)
        registry.add_audit_actions(AUDIT_ACTIONS)
        _retention_register()
        registry.add_notification_renderer(alerts.KIND, alerts.alert_words)
        registry.add_notification_renderer(alerts.DIGEST_KIND, alerts.digest_words)
        registry.add_dashboard_panel(dashboard.PANEL.key, dashboard.PANEL)
        registry.add_menu_entry(
            MenuEntry(
                key="watch",
                icon="radar",
                menu="staff",
                label=_("Information watch"),
                url_name="watch:queue",
                order=65,
                visible=lambda request: may_use_watch(request.user),
                badge=lambda request: pending_count(),
            )
        )
        registry.add_menu_entry(
            MenuEntry(
                key="watch-subscriptions",
                icon="bell-ring",
                menu="staff",
                label=_("Watch alerts"),
                url_name="watch:subscriptions",
                order=66,
                visible=lambda request: may_subscribe(request.user) and not may_use_watch(request.user),
            )
        )


def _retention_register():
    """What the watch keeps, and for how long (privacy.retention enforces it nightly). Accepted items stay
    on the person's timeline; articles that named nobody, and proposals nobody accepted, go."""
    retention_register(
        RetentionRule(
            "watch-articles-naming-nobody",
            _("Watch articles that named no registered person"),
            "watch.Article",
            "created_at",
            365,
            {"mentions__isnull": True},
        )
    )
    retention_register(
        RetentionRule(
            "watch-links-rejected",
            _("Watch proposals rejected by an analyst"),
            "watch.Link",
            "decided_at",
            365,
            {"status": "rejected"},
        )
    )
    retention_register(
        RetentionRule(
            "watch-links-never-validated",
            _("Watch proposals never validated"),
            "watch.Link",
            "created_at",
            180,
            {"status": "pending"},
        )
    )
