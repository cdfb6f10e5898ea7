from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from cms.pagecache import pages_changed
from core.registry import Fragment, MenuEntry, registry
from privacy.export import export_section_register


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")
    demo_seeders = [(70, "events.demo.seed_events")]

    def ready(self):
        # the panels' module imports models, which load after the app registry
        from .dashboard import PANEL

        registry.add_dashboard_panel(PANEL.key, PANEL)
        # signals and audience import models, which load after the app registry
        from . import signals
        from .audience import EventAttendees
        from .models import Event, Occurrence
        from .notifications import KINDS, event_notification_words
        from .search import PROVIDER, event_indexed, event_unindexed

        signals.connect()
        registry.add_search_provider(PROVIDER)
        post_save.connect(event_indexed, sender=Event, dispatch_uid="events_search_index")
        post_delete.connect(event_unindexed, sender=Event, dispatch_uid="events_search_unindex")
        # The public list and the home page's events section are served from the page cache to visitors:
        # an event or one of its sessions written empties it (cms.pagecache).
        for model in (Event, Occurrence):
            for name, signal in (("save", post_save), ("delete", post_delete)):
                signal.connect(
                    pages_changed, sender=model, dispatch_uid=f"events_pages_{model.__name__}_{name}"
                )
        export_section_register("event_answers", _rsvps_export)
        registry.add_audience_source(EventAttendees.key, EventAttendees())
        for kind in KINDS:
            registry.add_notification_renderer(kind, event_notification_words)
        registry.add_menu_entry(
            MenuEntry(
                key="events",
                icon="calendar",
                menu="community",
                label=_("Events"),
                url_name="events:list",
                order=40,
            )
        )
        registry.add_fragment(
            Fragment(slot="groups.detail", template="events/includes/group_events_slot.html")
        )
        registry.add_fragment(
            Fragment(slot="home.sections", template="events/includes/home_slot.html", order=40)
        )


def _rsvps_export(user):
    """The member's answers to events, for the data export (privacy/export.py)."""
    from .models import RSVP  # this module loads before the app registry, models after

    rows = RSVP.objects.filter(user=user).select_related("occurrence__event").order_by("created_at", "id")
    data = [
        {
            "event": r.occurrence.event_id,
            "title": r.occurrence.event.title,
            "session": r.occurrence.original_start,
            "answer": r.status,
            "answers": r.answers,
        }
        for r in rows
    ]
    return data, []
