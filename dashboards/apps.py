from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import MenuEntry, registry


class DashboardConfig(AppConfig):
    name = "dashboards"
    verbose_name = _("Dashboard")

    def ready(self):
        # permissions reads the profiles models, which exist only once the app registry is ready
        from .permissions import may_read_dashboard

        registry.add_audit_actions({"dashboard.export": _("Dashboard panel downloaded as CSV")})
        registry.add_menu_entry(
            MenuEntry(
                key="dashboard",
                icon="layout-dashboard",
                menu="staff",
                label=_("Dashboard"),
                url_name="dashboard:index",
                order=5,
                visible=lambda request: may_read_dashboard(request.user),
            )
        )
