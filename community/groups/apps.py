from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from core.registry import Fragment, MenuEntry, registry


class GroupsConfig(AppConfig):
    name = "community.groups"
    label = "community_groups"
    verbose_name = _("Groups")

    def ready(self):
        # the notifications module imports the models, which load after the app registry
        from .models import CommunityGroup
        from .notifications import KINDS, group_notification_words
        from .search import PROVIDER, group_indexed, group_unindexed

        registry.add_search_provider(PROVIDER)
        post_save.connect(group_indexed, sender=CommunityGroup, dispatch_uid="groups_search_index")
        post_delete.connect(group_unindexed, sender=CommunityGroup, dispatch_uid="groups_search_unindex")

        for kind in KINDS:
            registry.add_notification_renderer(kind, group_notification_words)
        registry.add_menu_entry(
            MenuEntry(
                key="groups",
                icon="users-round",
                menu="community",
                label=_("Groups"),
                url_name="groups:directory",
                order=30,
            )
        )
        registry.add_fragment(Fragment(slot="home.sections", template="groups/_home_slot.html", order=20))
