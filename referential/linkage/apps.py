from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import registry


class LinkageConfig(AppConfig):
    name = "referential.linkage"
    label = "linkage"
    verbose_name = _("Record linkage")
    # After the imports seeder (100): links the demo sources' records into golden records.
    demo_seeders = [(110, "referential.linkage.demo.seed")]

    def ready(self):
        # Model modules load only once the app registry is ready.
        from .models import LinkageAction

        registry.add_audit_actions({f"linkage.{action.value}": action.label for action in LinkageAction})
