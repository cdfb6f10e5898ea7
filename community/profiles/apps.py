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
        registry.add_menu_entry(
            MenuEntry(
                key="community", menu="header", label=_("Community"), url_name="profiles:directory", order=10
            )
        )
