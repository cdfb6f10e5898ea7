import factory
from factory.django import DjangoModelFactory

from .models import Source


class SourceFactory(DjangoModelFactory):
    class Meta:
        model = Source
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Consulat {n}")
    kind = Source.Kind.CONSULATE
    country = "FR"
    contact_name = "Service des Marocains du monde"
    contact_email = factory.Sequence(lambda n: f"contact{n}@consulat.example.org")
    trust = 4
