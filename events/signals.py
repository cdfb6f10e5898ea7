"""An event or one of its sessions saved (by a service, the admin or an import): its calendar entries
are written again after the commit, so that the next feed request only assembles them."""

from django.db.models.signals import post_delete, post_save

from .models import Event, Occurrence
from .tasks import calendar_entries_later


def _event_saved(sender, instance, raw=False, **kwargs):
    if not raw:

        calendar_entries_later(instance.pk)


def _session_changed(sender, instance, raw=False, **kwargs):
    if not raw:

        calendar_entries_later(instance.event_id)


def connect():

    post_save.connect(_event_saved, sender=Event, dispatch_uid="events_calendar_event_saved")
    post_save.connect(_session_changed, sender=Occurrence, dispatch_uid="events_calendar_session_saved")
    post_delete.connect(_session_changed, sender=Occurrence, dispatch_uid="events_calendar_session_deleted")
