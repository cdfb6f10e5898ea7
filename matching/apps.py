from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = _("Matching")
    demo_seeders = [(80, "matching.demo.seed_matching")]

    def ready(self):
        from . import signals

        signals.connect()
