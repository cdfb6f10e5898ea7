"""An event's attendees as a campaign audience (core.audiences), registered from EventsConfig.ready()."""

from django.utils import formats
from django.utils.translation import gettext_lazy as _

from .models import RSVP, Event

ANSWERED = (RSVP.Status.GOING, RSVP.Status.WAITLISTED, RSVP.Status.INTERESTED)


class EventAttendees:
    key = "events.attendees"
    label = _("Attendees")

    def items(self, user):
        events = Event.objects.order_by("-start")[:300]
        return [
            (str(event.pk), f"{event.title} — {formats.date_format(event.start, 'SHORT_DATE_FORMAT')}")
            for event in events
        ]

    def filters(self):
        return []

    def recipients(self, item_key, filters):
        if not str(item_key).isdigit():
            return []
        return (
            RSVP.objects.filter(occurrence__event_id=int(item_key), status__in=ANSWERED)
            .values_list("user_id", flat=True)
            .distinct()
        )
