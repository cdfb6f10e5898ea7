"""A linkage run whose worker died starts again and ends as if nothing had happened; a run another
worker holds is left alone; a run taken over writes nothing; one interrupted again and again fails."""

from datetime import timedelta

import pytest

from django.test import Client
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.roles import ANALYST
from referential.linkage import services
from referential.linkage.models import CandidatePair, GoldenRecord, LinkageRun
from referential.linkage.tasks import linkage_run_task

pytestmark = pytest.mark.django_db


class WorkerKilled(BaseException):
    """What a SIGKILL looks like from inside: nothing after it runs, no except clause sees it."""


def _killed_while_scoring(monkeypatch):
    real = services._execute

    def dying(run):
        raise WorkerKilled

    monkeypatch.setattr(services, "_execute", dying)
    return real


def _after_the_lease(settings):
    return timezone.now() + timedelta(seconds=settings.LINKAGE_RUN_LEASE_SECONDS + 1)


def test_a_run_whose_worker_died_is_started_again_by_the_beat(
    people, settings, monkeypatch, django_capture_on_commit_callbacks
):
    run = LinkageRun.objects.create(heartbeat_at=timezone.now())
    real = _killed_while_scoring(monkeypatch)
    with pytest.raises(WorkerKilled):
        linkage_run_task(run.pk)
    run.refresh_from_db()
    assert run.status == LinkageRun.Status.RUNNING and not GoldenRecord.objects.exists()

    assert services.linkage_runs_resume() == []  # the lease still runs: nobody touches it
    assert linkage_run_task(run.pk) == LinkageRun.Status.RUNNING  # a redelivered task leaves it too

    monkeypatch.setattr(services, "_execute", real)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.linkage_runs_resume(now=_after_the_lease(settings)) == [run.pk]
    run.refresh_from_db()
    assert run.status == LinkageRun.Status.DONE and run.attempts == 2 and run.records == 6
    assert GoldenRecord.objects.filter(merged_into=None).count() == 3


def test_a_run_taken_over_while_scoring_writes_nothing(people, monkeypatch):
    run = LinkageRun.objects.create()
    real = services._execute

    def overtaken(current):
        LinkageRun.objects.filter(pk=current.pk).update(lease_token="another-worker")
        return real(current)

    monkeypatch.setattr(services, "_execute", overtaken)
    assert linkage_run_task(run.pk) == LinkageRun.Status.RUNNING
    assert not CandidatePair.objects.exists() and not GoldenRecord.objects.exists()


def test_a_run_interrupted_again_and_again_fails_instead_of_looping(
    people, settings, monkeypatch, django_capture_on_commit_callbacks
):
    run = LinkageRun.objects.create()
    _killed_while_scoring(monkeypatch)
    now = timezone.now()
    for attempt in range(settings.LINKAGE_RUN_MAX_ATTEMPTS):
        with pytest.raises(WorkerKilled):
            services.linkage_run_execute(run.pk)
        now += timedelta(seconds=settings.LINKAGE_RUN_LEASE_SECONDS + 1)
        LinkageRun.objects.filter(pk=run.pk).update(heartbeat_at=now - timedelta(days=1))
        resumed = services.linkage_runs_resume(now=now)
        assert resumed == ([run.pk] if attempt + 1 < settings.LINKAGE_RUN_MAX_ATTEMPTS else [])
    run.refresh_from_db()
    assert run.status == LinkageRun.Status.FAILED and run.error == LinkageRun.WORKER_LOST
    client = Client()
    client.force_login(UserFactory(roles=[ANALYST], two_factor=True))
    page = client.get("/fr/referential/linkage/").content.decode()
    assert "Arrêté 3 fois : son processus de travail a été perdu à chaque fois." in page
