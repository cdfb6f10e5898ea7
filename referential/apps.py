from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import registry
from privacy.export import export_section_register
from privacy.retention import RetentionRule, retention_register


class ReferentialConfig(AppConfig):
    name = "referential"
    verbose_name = _("Referential")
    demo_seeders = [(100, "referential.demo.seed_referential")]

    def ready(self):
        # Model modules load only once the app registry is ready.
        from .audience import GoldenRecordContacts
        from .export_section import referential_export
        from .models import AccessAction
        from .persondirectory import ReferentialDirectory

        registry.add_audit_actions({f"referential.{action.value}": action.label for action in AccessAction})
        registry.add_audience_source(GoldenRecordContacts.key, GoldenRecordContacts())
        registry.set_person_directory(ReferentialDirectory())
        export_section_register("referential", referential_export)
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
