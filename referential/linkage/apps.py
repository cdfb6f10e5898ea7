from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from core.registry import MenuEntry, registry

from .permissions import can_use_linkage


class LinkageConfig(AppConfig):
    name = "referential.linkage"
    label = "linkage"
    verbose_name = _("Record linkage")
    # After the imports seeder (100): links the demo sources' records into golden records.
    demo_seeders = [(110, "referential.linkage.demo.seed")]

    def ready(self):
        # Model modules load only once the app registry is ready.
        from .models import GoldenRecord, LinkageAction
        from .search import PROVIDER, golden_indexed, golden_unindexed

        registry.add_search_provider(PROVIDER)
        post_save.connect(golden_indexed, sender=GoldenRecord, dispatch_uid="golden_search_index")
        post_delete.connect(golden_unindexed, sender=GoldenRecord, dispatch_uid="golden_search_unindex")

        registry.add_audit_actions({f"linkage.{action.value}": action.label for action in LinkageAction})
        registry.add_menu_entry(
            MenuEntry(
                key="linkage",
                icon="git-merge",
                menu="staff",
                label=_("Record linkage"),
                url_name="linkage:home",
                order=31,
                visible=lambda request: can_use_linkage(request.user),
            )
        )
