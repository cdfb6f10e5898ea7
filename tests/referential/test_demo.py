"""The demo referential: three sources imported through the real pipeline, idempotent."""

import pytest

from referential.demo import seed_referential
from referential.models import ImportBatch, RejectedRow, Source, SourceRecord

pytestmark = pytest.mark.django_db


def test_the_demo_seeds_three_sources_with_imports_rejects_and_member_overlaps():
    seed_referential()
    assert set(Source.objects.values_list("kind", flat=True)) == {"consulate", "public_body", "network"}
    batches = ImportBatch.objects.all()
    assert batches.count() == 3 and all(batch.status == "done" for batch in batches)
    assert {batch.file_format for batch in batches} == {"csv", "xlsx"}
    assert "cp1256" in {batch.encoding for batch in batches}
    assert SourceRecord.objects.exclude(warnings=[]).count() >= 5
    assert SourceRecord.objects.count() >= 60
    overlapping = SourceRecord.objects.filter(email__endswith="@kafaat.example")
    assert overlapping.count() >= 15
    assert SourceRecord.objects.exclude(name_arabic="").count() >= 40
    counts = (Source.objects.count(), SourceRecord.objects.count(), RejectedRow.objects.count())

    seed_referential()
    assert (Source.objects.count(), SourceRecord.objects.count(), RejectedRow.objects.count()) == counts
