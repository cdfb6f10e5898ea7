from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import Fragment, MenuEntry, registry


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")
    demo_seeders = [(70, "events.demo.seed_events")]

    def ready(self):
        # signals and audience import models, which load after the app registry
        from . import signals
        from .audience import EventAttendees

        signals.connect()
        registry.add_audience_source(EventAttendees.key, EventAttendees())
        registry.add_menu_entry(
            MenuEntry(key="events", menu="header", label=_("Events"), url_name="events:list", order=20)
        )
        registry.add_fragment(
            Fragment(slot="groups.detail", template="events/includes/group_events_slot.html")
        )
