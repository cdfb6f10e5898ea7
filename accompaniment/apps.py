from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from accounts.roles import ADMIN
from core.registry import Fragment, MenuEntry, registry
from privacy.export import export_section_register


class AccompanimentConfig(AppConfig):
    name = "accompaniment"
    verbose_name = _("Accompaniment")
    default_auto_field = "django.db.models.BigAutoField"
    demo_seeders = [(95, "accompaniment.demo.seed_demo")]

    def ready(self):
        # These modules import models, which exist only once the app registry is ready.
        from . import dashboard
        from .export_section import accompaniment_export
        from .notifications import case_notification_words
        from .permissions import may_read_funnel, may_use_board
        from .services import AUDIT_ACTIONS, NOTIFICATION_KIND

        export_section_register("accompaniment", accompaniment_export)
        post_migrate.connect(_stages_after_migrate, sender=self, dispatch_uid="accompaniment_stages")
        registry.add_audit_actions(AUDIT_ACTIONS)
        registry.add_notification_renderer(NOTIFICATION_KIND, case_notification_words)
        registry.add_dashboard_panel(dashboard.PANEL.key, dashboard.PANEL)
        registry.add_menu_entry(
            MenuEntry(
                key="accompaniment.board",
                icon="kanban",
                menu="staff",
                label=_("Cases"),
                url_name="accompaniment:board",
                order=45,
                visible=lambda request: may_use_board(request.user),
            )
        )
        registry.add_menu_entry(
            MenuEntry(
                key="accompaniment.funnel",
                icon="chart-column",
                menu="staff",
                label=_("Accompaniment funnel"),
                url_name="accompaniment:funnel",
                order=46,
                visible=lambda request: may_read_funnel(request.user),
            )
        )
        registry.add_menu_entry(
            MenuEntry(
                key="accompaniment.mine",
                icon="briefcase",
                menu="community",
                label=_("Accompaniment"),
                url_name="accompaniment:my_cases",
                order=70,
                visible=lambda request: request.user.is_authenticated,
            )
        )
        registry.add_fragment(
            Fragment(slot="home.sections", template="accompaniment/_home_slot.html", order=50)
        )
        # Administrators configure stages and advisors' expertise in the Django admin (superusers).
        registry.add_role_permissions(ADMIN, [])


def _stages_after_migrate(sender, using="default", **kwargs):
    """After flush (which empties what the data migration wrote, then sends post_migrate): an empty
    pipeline gets its default stages again. A pipeline with stages is left as administrators set it."""
    # models load only once the app registry is ready
    from .models import Stage
    from .stages import stages_ensure

    if not Stage.objects.using(using).exists():
        stages_ensure(Stage)
