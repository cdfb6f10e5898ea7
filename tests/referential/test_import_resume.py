"""An import whose worker dies goes on where its last whole chunk ended, exactly once: the lease keeps a
second runner out while the first is alive, the resume beat takes over a batch whose heartbeat
stopped, and a batch interrupted again and again fails for an analyst instead of looping."""

from datetime import timedelta

import pytest

from django.utils import timezone

from referential import services
from referential.models import ImportBatch, RejectedRow, SourceRecord

from .helpers import queued_batch

pytestmark = pytest.mark.django_db


class WorkerKilled(BaseException):
    """What a SIGKILL looks like from inside: nothing after it runs, no except clause sees it."""


def _queued_batch(count, settings):
    settings.REFERENTIAL_IMPORT_CHUNK_SIZE = 7
    return queued_batch(count)


def _killed_after(monkeypatch, rows_before_death):
    real = services.checked_rows

    def dying(*args, **kwargs):
        for seen, row in enumerate(real(*args, **kwargs)):
            if seen == rows_before_death:
                raise WorkerKilled
            yield row

    monkeypatch.setattr(services, "checked_rows", dying)
    return real


def _assert_imported_exactly_once(batch, count):
    batch.refresh_from_db()
    rejected = count // 10
    assert batch.status == ImportBatch.Status.DONE
    counts = (batch.processed_rows, batch.accepted_rows, batch.rejected_rows, batch.duplicate_rows)
    assert counts == (count, count - rejected, rejected, 0)
    records = SourceRecord.objects.filter(batch=batch)
    assert records.count() == count - rejected
    assert records.values("row_number").distinct().count() == count - rejected
    assert RejectedRow.objects.filter(batch=batch).count() == rejected


def test_a_killed_import_is_taken_over_by_the_resume_beat_and_ends_with_every_row_once(
    settings, monkeypatch, django_capture_on_commit_callbacks
):
    batch = _queued_batch(100, settings)
    real = _killed_after(monkeypatch, 40)
    with pytest.raises(WorkerKilled):
        services.batch_import_run(batch.pk)
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.RUNNING and batch.processed_rows == 35  # five whole chunks

    # While the lease runs, neither the beat nor a redelivered task touches the batch.
    assert services.imports_resume() == []
    services.batch_import_run(batch.pk)
    assert ImportBatch.objects.get(pk=batch.pk).processed_rows == 35

    monkeypatch.setattr(services, "checked_rows", real)
    later = timezone.now() + timedelta(seconds=settings.REFERENTIAL_IMPORT_LEASE_SECONDS + 1)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.imports_resume(now=later) == [batch.pk]
    _assert_imported_exactly_once(batch, 100)
    assert batch.attempts == 2


def test_a_runner_whose_lease_was_taken_over_writes_nothing_more(settings, monkeypatch):
    batch = _queued_batch(30, settings)
    real = services._import_chunk
    calls = []

    def chunk_then_lose_the_lease(batch_id, chunk, token):
        calls.append(len(chunk))
        if len(calls) == 2:  # meanwhile the beat thought this worker dead and another took over
            ImportBatch.objects.filter(pk=batch_id).update(lease_token="someone-else")
        return real(batch_id, chunk, token)

    monkeypatch.setattr(services, "_import_chunk", chunk_then_lose_the_lease)
    services.batch_import_run(batch.pk)
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.RUNNING and batch.lease_token == "someone-else"
    assert batch.processed_rows == 7 and SourceRecord.objects.filter(batch=batch).count() == 7


def test_a_lost_queued_task_is_sent_again(settings, django_capture_on_commit_callbacks):
    batch = _queued_batch(20, settings)  # queued, but the broker restarted empty: nobody runs it
    later = timezone.now() + timedelta(seconds=settings.REFERENTIAL_IMPORT_LEASE_SECONDS + 1)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.imports_resume(now=later) == [batch.pk]
    _assert_imported_exactly_once(batch, 20)


def test_an_import_interrupted_again_and_again_fails_instead_of_looping(settings, monkeypatch):
    batch = _queued_batch(50, settings)
    _killed_after(monkeypatch, 10)
    now = timezone.now()
    for attempt in range(settings.REFERENTIAL_IMPORT_MAX_ATTEMPTS):
        with pytest.raises(WorkerKilled):
            services.batch_import_run(batch.pk)
        now += timedelta(seconds=settings.REFERENTIAL_IMPORT_LEASE_SECONDS + 1)
        ImportBatch.objects.filter(pk=batch.pk).update(heartbeat_at=now - timedelta(days=1))
        resumed = services.imports_resume(now=now)
        assert resumed == ([batch.pk] if attempt + 1 < settings.REFERENTIAL_IMPORT_MAX_ATTEMPTS else [])
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.FAILED and "Interrupted 3 times" in batch.error
    # The analyst starts it again from the batch page: it resumes where it stopped.
    monkeypatch.undo()
    settings.REFERENTIAL_IMPORT_CHUNK_SIZE = 7
    services.batch_commit(batch=batch, user=batch.created_by)
    services.batch_import_run(batch.pk)
    _assert_imported_exactly_once(batch, 50)
