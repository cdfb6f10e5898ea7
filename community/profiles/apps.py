from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import MenuEntry, registry


class ProfilesConfig(AppConfig):
    name = "community.profiles"
    label = "profiles"
    verbose_name = _("Profiles")
    demo_seeders = [
        (20, "community.profiles.demo.seed_profiles"),
        (21, "community.profiles.demo.seed_relay_coverage"),
    ]

    def ready(self):
        from django.contrib.auth import get_user_model

        from community.moderation.targets import register_reportable
        from core.names import display_name
        from privacy.export import export_section_register

        from .export_sections import SECTIONS
        from .models import Profile
        from .permissions import may_see_account, may_see_profile

        for key, build in SECTIONS.items():
            export_section_register(key, build)
        register_reportable(Profile, may_see_profile, preview=lambda profile: display_name(profile.user))
        register_reportable(get_user_model(), may_see_account, preview=display_name)
        registry.add_menu_entry(
            MenuEntry(
                key="community", menu="header", label=_("Community"), url_name="profiles:directory", order=10
            )
        )
