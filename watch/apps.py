from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import MenuEntry, registry


class WatchConfig(AppConfig):
    name = "watch"
    verbose_name = _("Information watch")
    default_auto_field = "django.db.models.BigAutoField"
    # After the referential's golden records (100, 110): the demo links articles to demo members.
    demo_seeders = [(120, "watch.demo.seed_watch")]

    def ready(self):
        # These modules import models, which exist only once the app registry is ready.
        from . import alerts, dashboard
        from .permissions import may_subscribe, may_use_watch
        from .selectors import pending_count
        from .services import AUDIT_ACTIONS

        registry.add_audit_actions(AUDIT_ACTIONS)
        registry.add_notification_renderer(alerts.KIND, alerts.alert_words)
        registry.add_notification_renderer(alerts.DIGEST_KIND, alerts.digest_words)
        registry.add_dashboard_panel(dashboard.PANEL.key, dashboard.PANEL)
        registry.add_menu_entry(
            MenuEntry(
                key="watch",
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
                menu="staff",
                label=_("Watch alerts"),
                url_name="watch:subscriptions",
                order=66,
                visible=lambda request: may_subscribe(request.user) and not may_use_watch(request.user),
            )
        )
