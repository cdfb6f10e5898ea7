"""Test and demo helpers: sources, batches and source records (the imports side owns the real flow)."""

import factory
from factory.django import DjangoModelFactory

from referential.models import ImportBatch, Source, SourceRecord


class SourceFactory(DjangoModelFactory):
    class Meta:
        model = Source
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Source {n}")
    kind = Source.Kind.CONSULATE
    country = "FR"
    trust = 3


class ImportBatchFactory(DjangoModelFactory):
    class Meta:
        model = ImportBatch

    source = factory.SubFactory(SourceFactory)
    file = "referential/test.csv"
    original_filename = "list.csv"
    sha256 = factory.Sequence(lambda n: f"{n:064d}")
    status = ImportBatch.Status.DONE


class SourceRecordFactory(DjangoModelFactory):
    class Meta:
        model = SourceRecord

    source = factory.SubFactory(SourceFactory)
    batch = factory.LazyAttribute(lambda o: ImportBatchFactory(source=o.source))
    row_number = factory.Sequence(lambda n: n + 2)
    fingerprint = factory.Sequence(lambda n: f"fp{n:062d}")
    given_name = "Mohamed"
    family_name = "Alaoui"
