from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import MenuEntry, registry
from privacy.export import export_section_register
from privacy.retention import RetentionRule, retention_register

from .permissions import can_use_referential


class ReferentialConfig(AppConfig):
    name = "referential"
    verbose_name = _("Referential")
    demo_seeders = [(100, "referential.demo.seed_referential")]

    def ready(self):
        # the panels' module imports models, which load after the app registry
        from .dashboard import PANELS

        for panel in PANELS:
            registry.add_dashboard_panel(panel.key, panel)
        # Model modules load only once the app registry is ready.
        from .audience import GoldenRecordContacts
        from .export_section import referential_export
        from .models import AccessAction
        from .persondirectory import ReferentialDirectory

        export_section_register("referential", referential_export)
        registry.add_audit_actions({f"referential.{action.value}": action.label for action in AccessAction})
        registry.add_audience_source(GoldenRecordContacts.key, GoldenRecordContacts())
        registry.set_person_directory(ReferentialDirectory())
        # An import's file and its rejected rows serve one purpose: checking the import and sending the
        # bad rows back to the source to be fixed. Ninety days leave a full quarter for that; after it,
        # the imported records (each with its row as given) are the only copy needed, and the file, a
        # whole list of people who never dealt with us, has no purpose left (law 09-08 art. 3: kept no
        # longer than needed). The batch row stays (its records point at it); only the file goes.
        retention_register(
            RetentionRule(
                "referential-import-files",
                _("Files of finished referential imports (90 days after the import)"),
                "referential.ImportBatch",
                "finished_at",
                IMPORT_FILE_DAYS,
                filters={"status": "done", "file__gt": ""},
                purge=import_files_delete,
            )
        )
        retention_register(
            RetentionRule(
                "referential-import-files-unfinished",
                _("Files of referential imports never finished (90 days after the upload)"),
                "referential.ImportBatch",
                "created_at",
                IMPORT_FILE_DAYS,
                filters={"status__in": ["uploaded", "mapped", "failed"], "file__gt": ""},
                purge=import_files_delete,
            )
        )
        registry.add_menu_entry(
            MenuEntry(
                key="referential",
                icon="database",
                menu="staff",
                label=_("Referential"),
                url_name="referential:home",
                order=30,
                visible=lambda request: can_use_referential(request.user),
            )
        )
        retention_register(
            RetentionRule(
                "referential-rejected-rows",
                _("Rejected rows of referential imports (90 days after the upload)"),
                "referential.RejectedRow",
                "batch__created_at",
                IMPORT_FILE_DAYS,
            )
        )


IMPORT_FILE_DAYS = 90


def import_files_delete(batches) -> int:
    """Delete the uploaded files of these import batches; the batches stay, with no file."""
    count = 0
    for batch in batches.only("pk", "file"):
        batch.file.delete(save=False)
        count += batches.model._default_manager.filter(pk=batch.pk).update(file="")
    return count
