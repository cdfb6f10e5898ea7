from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import MenuEntry, registry


class SpacesConfig(AppConfig):
    name = "community.spaces"
    label = "spaces"
    verbose_name = _("Gated spaces")
    demo_seeders = [(30, "community.spaces.demo.seed_spaces_and_groups")]

    def ready(self):
        # the panels' module imports models, which load after the app registry
        from .dashboard import PANEL

        registry.add_dashboard_panel(PANEL.key, PANEL)
        # models exist only once the app registry is ready (targets imports ContentType)
        from community.moderation.targets import register_reportable

        # (same reason: these modules import the models)
        from .models import Comment, Post
        from .permissions import can_see_comment, can_see_post

        register_reportable(Post, can_see_post)
        register_reportable(Comment, can_see_comment)
        registry.add_menu_entry(
            MenuEntry(
                key="spaces",
                icon="lock",
                menu="community",
                label=_("Spaces"),
                url_name="spaces:list",
                order=35,
            )
        )
