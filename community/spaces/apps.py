from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpacesConfig(AppConfig):
    name = "community.spaces"
    label = "spaces"
    verbose_name = _("Gated spaces")
    demo_seeders = [(30, "community.spaces.demo.seed_spaces_and_groups")]
