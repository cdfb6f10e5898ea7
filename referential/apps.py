from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import MenuEntry, registry
from privacy.retention import RetentionRule, retention_register

from .permissions import can_use_referential


class ReferentialConfig(AppConfig):
    name = "referential"
    verbose_name = _("Referential")
    demo_seeders = [(100, "referential.demo.seed_referential")]

    def ready(self):
        # Model modules load only once the app registry is ready.
        from .audience import GoldenRecordContacts
        from .models import AccessAction
        from .persondirectory import ReferentialDirectory

        registry.add_audit_actions({f"referential.{action.value}": action.label for action in AccessAction})
        registry.add_audience_source(GoldenRecordContacts.key, GoldenRecordContacts())
        registry.set_person_directory(ReferentialDirectory())
        registry.add_menu_entry(
            MenuEntry(
                key="referential",
                menu="staff",
                label=_("Referential"),
                url_name="referential:home",
                order=30,
                visible=lambda request: can_use_referential(request.user),
            )
        )
        # Rejected rows are kept whole for the analyst to fix the source, then go after a year.
        retention_register(
            RetentionRule(
                "referential-rejected-rows",
                _("Rejected rows of referential imports"),
                "referential.RejectedRow",
                "batch__created_at",
                365,
            )
        )
