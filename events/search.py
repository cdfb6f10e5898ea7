"""What the site search finds among events: only those ``permissions.visible_events`` shows the visitor."""

from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from core.cities import city_names
from core.search import HitList, SearchHit, SearchProvider, index_object, matching_ids, unindex_object

from . import permissions
from .models import Event

EVENTS = "events"


def event_text(event) -> str:
    return " ".join(
        [
            event.title_fr,
            event.title_ar,
            event.title_en,
            event.description_fr,
            event.description_ar,
            event.description_en,
            event.venue,
            event.city,
            *(city_names(event.city) or {}).values(),
        ]
    )


def event_documents():
    for event in Event.objects.iterator(chunk_size=2000):
        yield event.pk, "", event_text(event)


def event_indexed(sender, instance, **kwargs):
    index_object(EVENTS, instance.pk, {"": event_text(instance)})


def event_unindexed(sender, instance, **kwargs):
    unindex_object(EVENTS, instance.pk)


def events_found(user, query: str):
    events = Event.objects.filter(pk__in=matching_ids(EVENTS, query))
    return permissions.visible_events(user, events).order_by("-start", "-id")


def _results(request, query):
    def hit(event):
        return SearchHit(
            kind=EVENTS,
            title=event.title,
            url=reverse("events:detail", args=[event.pk]),
            snippet=Truncator(event.description).words(30),
        )

    return HitList(events_found(request.user, query), hit)


PROVIDER = SearchProvider(
    kind=EVENTS, label=_("Events"), results=_results, order=50, documents=event_documents
)
