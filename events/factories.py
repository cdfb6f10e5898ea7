from datetime import timedelta

import factory
from factory.django import DjangoModelFactory

from django.utils import timezone

from accounts.factories import UserFactory

from .models import RSVP, Event, Occurrence


def _next_week():
    start = timezone.now().replace(minute=0, second=0, microsecond=0) + timedelta(days=7)
    return start


class EventFactory(DjangoModelFactory):
    class Meta:
        model = Event

    organiser_kind = Event.OrganiserKind.PLATFORM
    created_by = factory.SubFactory(UserFactory)
    original_language = "fr"
    title_fr = factory.Sequence(lambda n: f"Rencontre {n}")
    title_en = factory.Sequence(lambda n: f"Meetup {n}")
    title_ar = factory.Sequence(lambda n: f"لقاء {n}")
    description_fr = "Échanges entre membres de la diaspora."
    mode = Event.Mode.IN_PERSON
    venue = "Maison du Maroc"
    address = "1 boulevard Jourdan"
    city = "Paris"
    country = "FR"
    time_zone = "Europe/Paris"
    start = factory.LazyFunction(_next_week)
    end = factory.LazyAttribute(lambda o: o.start + timedelta(hours=2))
    visibility = Event.Visibility.PUBLIC


class OccurrenceFactory(DjangoModelFactory):
    class Meta:
        model = Occurrence

    event = factory.SubFactory(EventFactory)
    original_start = factory.LazyAttribute(lambda o: o.event.start)
    start = factory.LazyAttribute(lambda o: o.original_start)
    end = factory.LazyAttribute(lambda o: o.start + o.event.duration)


class RSVPFactory(DjangoModelFactory):
    class Meta:
        model = RSVP

    occurrence = factory.SubFactory(OccurrenceFactory)
    user = factory.SubFactory(UserFactory)
    status = RSVP.Status.GOING
