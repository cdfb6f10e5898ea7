from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")
    demo_seeders = [(70, "events.demo.seed_events")]

    def ready(self):
        from . import signals

        signals.connect()
