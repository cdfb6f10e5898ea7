from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProfilesConfig(AppConfig):
    name = "community.profiles"
    label = "profiles"
    verbose_name = _("Profiles")
    demo_seeders = [
        (20, "community.profiles.demo.seed_profiles"),
        (21, "community.profiles.demo.seed_relay_coverage"),
    ]
