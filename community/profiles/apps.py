from django.apps import AppConfig
from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from core.names import display_name
from core.registry import MenuEntry, registry
from privacy.export import export_base_register, export_section_register
from privacy.signals import export_ready


class ProfilesConfig(AppConfig):
    name = "community.profiles"
    label = "profiles"
    verbose_name = _("Profiles")
    demo_seeders = [
        (20, "community.profiles.demo.seed_profiles"),
        (21, "community.profiles.demo.seed_relay_coverage"),
    ]

    def ready(self):
        # models exist only once the app registry is ready (targets imports ContentType)
        from community.moderation.targets import register_reportable

        # (same reason: these modules import the models)
        from .dashboard import PANELS
        from .data_archive import KIND, archive_ready_notify, archive_words
        from .export_sections import SECTIONS
        from .models import Profile, Project
        from .permissions import may_see_account, may_see_profile, may_use_relay_view
        from .search import PROVIDERS, profile_indexed, profile_unindexed, project_indexed, project_unindexed
        from .selectors import member_data_export

        for provider in PROVIDERS:
            registry.add_search_provider(provider)
        post_save.connect(profile_indexed, sender=Profile, dispatch_uid="profiles_search_index")
        post_delete.connect(profile_unindexed, sender=Profile, dispatch_uid="profiles_search_unindex")
        post_save.connect(project_indexed, sender=Project, dispatch_uid="projects_search_index")
        post_delete.connect(project_unindexed, sender=Project, dispatch_uid="projects_search_unindex")
        export_base_register("profiles", member_data_export)
        for panel in PANELS:
            registry.add_dashboard_panel(panel.key, panel)
        for key, build in SECTIONS.items():
            export_section_register(key, build)
        export_ready.connect(archive_ready_notify, dispatch_uid="profiles_archive_ready")
        registry.add_notification_renderer(KIND, archive_words)
        register_reportable(Profile, may_see_profile, preview=lambda profile: display_name(profile.user))
        register_reportable(get_user_model(), may_see_account, preview=display_name)
        registry.add_menu_entry(
            MenuEntry(
                key="community",
                icon="users",
                menu="community",
                label=_("Members"),
                url_name="profiles:directory",
                order=10,
            )
        )
        registry.add_menu_entry(
            MenuEntry(
                key="projects",
                icon="lightbulb",
                menu="community",
                label=_("Projects"),
                url_name="profiles:projects",
                order=15,
            )
        )
        registry.add_menu_entry(
            MenuEntry(
                key="relay",
                icon="map-pin",
                menu="staff",
                label=_("Relay dashboard"),
                url_name="profiles:relay",
                order=20,
                visible=lambda request: may_use_relay_view(request.user),
            )
        )
