"""A Celery worker killed (SIGKILL, as the kernel's OOM killer or a lost node does) in the middle of an
import or of a linkage run: a second worker takes the work over through the resume beat, and it ends
with every row exactly once (a campaign's case: tests/outreach/test_worker_kill.py). Real processes: a
private redis-server as the broker, two `celery worker`s, and the test's own database (a file copy of
it on the embedded set-up, the test database itself on PostgreSQL)."""

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from celery import Celery

from django.db import connection
from django.utils import timezone

from core.storage import private_storage
from referential.linkage import synthetic
from referential.linkage.factories import ImportBatchFactory, SourceFactory
from referential.linkage.models import LinkageRun
from referential.models import SourceRecord
from tests.referential.helpers import queued_batch

from .servers import RedisServer, free_port

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs Debian's redis-server"),
]

ROOT = Path(__file__).resolve().parents[2]
CELERY = Path(sys.executable).parent / "celery"
ROWS = 3000


class SharedDatabase:
    """The database the workers use and the test reads while they run."""

    def __init__(self, folder):
        self.sqlite = connection.vendor == "sqlite"
        if self.sqlite:  # the test database lives in memory: the workers get a file copy of it
            self.path = folder / "workers.sqlite3"
            connection.ensure_connection()
            with sqlite3.connect(self.path) as target:
                connection.connection.backup(target)
            self.url = f"sqlite:///{self.path}"
        else:
            params = connection.settings_dict
            host = f"{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}"
            self.url = f"postgres://{params['USER']}@{host}/{params['NAME']}"

    def batch(self, pk):
        columns = "status, processed_rows, accepted_rows, rejected_rows, duplicate_rows"
        return self._one(f"SELECT {columns} FROM referential_importbatch WHERE id = %s", pk)  # noqa: S608

    def distinct_records(self, pk):
        return self._one(
            "SELECT COUNT(*), COUNT(DISTINCT row_number) FROM referential_sourcerecord WHERE batch_id = %s",
            pk,
        )

    def rejected(self, pk):
        return self._one("SELECT COUNT(*) FROM referential_rejectedrow WHERE batch_id = %s", pk)[0]

    def linkage(self, pk):
        status, attempts, records, golden_records = self._one(
            "SELECT status, attempts, records, golden_records FROM linkage_linkagerun WHERE id = %s", pk
        )
        return {
            "status": status,
            "attempts": attempts,
            "records": records,
            "golden_records": golden_records,
            "pairs": self._one(
                "SELECT COUNT(*), COUNT(DISTINCT left_key || '~' || right_key) FROM linkage_candidatepair"
            ),
            "links": self._one("SELECT COUNT(*), COUNT(DISTINCT key) FROM linkage_recordlink"),
            "golden": self._one("SELECT COUNT(*) FROM linkage_goldenrecord WHERE merged_into_id IS NULL")[0],
        }

    def _one(self, query, *params):
        if self.sqlite:
            with sqlite3.connect(self.path, timeout=20) as reader:
                return reader.execute(query.replace("%s", "?"), params).fetchone()
        with connection.cursor() as cursor:
            cursor.execute(query, params)
            return cursor.fetchone()


def _wait(predicate, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"{what} within {seconds} s")


@pytest.fixture
def workers(tmp_path):
    broker = RedisServer(free_port(), tmp_path)
    broker.start()
    url = f"redis://127.0.0.1:{broker.port}/0"
    started = []

    def start(database, name):
        env = {
            **os.environ,
            "PYTHONPATH": f"{ROOT}:{ROOT / 'site'}",
            "DJANGO_SETTINGS_MODULE": "kafaat.settings.dev",
            "DJANGO_DEBUG": "False",
            "DATABASE_URL": database.url,
            "REDIS_URL": "",
            "CELERY_BROKER_URL": url,
            "CELERY_TASK_ALWAYS_EAGER": "False",
            "PRIVATE_MEDIA_ROOT": private_storage().location,
            "REFERENTIAL_IMPORT_CHUNK_SIZE": "10",
            "REFERENTIAL_IMPORT_LEASE_SECONDS": "2",
            "LINKAGE_RUN_LEASE_SECONDS": "2",
            "MATCHING_EMBED_AT_MIGRATE": "False",
        }
        command = [
            str(CELERY),
            "-A",
            "kafaat.celery",
            "worker",
            "-c",
            "1",
            "-n",
            f"{name}@%h",
            "-l",
            "warning",
        ]
        command += ["--without-gossip", "--without-mingle", "--without-heartbeat"]
        process = subprocess.Popen(  # noqa: S603 — our own worker with our own configuration
            command,
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=open(tmp_path / f"{name}.log", "wb"),  # noqa: SIM115 — closed with the process
            start_new_session=True,  # its own process group: killed with its pool's children
        )
        started.append(process)
        return process

    sender = Celery(broker=url, set_as_current=False)  # the site's own app stays the current one
    yield start, sender
    sender.close()
    for process in started:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=20)
    broker.stop()


def test_a_worker_killed_mid_import_loses_no_row_and_writes_none_twice(workers, tmp_path):
    start, sender = workers
    batch = queued_batch(ROWS)
    database = SharedDatabase(tmp_path)

    first = start(database, "first")
    sender.send_task("referential_batch_import", args=[batch.pk])
    _wait(lambda: database.batch(batch.pk)[1] >= 100, 240, "the first worker did not start importing")
    os.killpg(first.pid, signal.SIGKILL)
    first.wait(timeout=20)
    status, processed, *_ = database.batch(batch.pk)
    assert status == "running" and 100 <= processed < ROWS, (status, processed)

    start(database, "second")
    time.sleep(2.5)  # the dead worker's lease lapses
    sender.send_task("referential_imports_resume")
    done = _wait(lambda: database.batch(batch.pk)[0] == "done", 300, "the import did not finish")
    assert done
    rejected = ROWS // 10
    assert database.batch(batch.pk)[1:] == (ROWS, ROWS - rejected, rejected, 0)
    assert database.distinct_records(batch.pk) == (ROWS - rejected, ROWS - rejected)
    assert database.rejected(batch.pk) == rejected


LINKED_RECORDS = 1200


def _synthetic_records(count):
    """``count`` records of about count / 2.4 people, as four sources would hold them."""
    data = synthetic.generate(count, seed=7)
    batches = {}
    rows = []
    for number, record in enumerate(data.records, start=2):
        name = record["source"]
        if name not in batches:
            batches[name] = ImportBatchFactory(source=SourceFactory(name=name))
        batch = batches[name]
        fields = {
            k: record[k] or "" for k in ("given_name", "family_name", "name_arabic", "email", "phone", "city")
        }
        rows.append(
            SourceRecord(
                source=batch.source,
                batch=batch,
                row_number=number,
                fingerprint=f"{number:064d}",
                raw=record,
                birth_date=record["birth_date"] or None,
                country=record["country"] or "",
                **fields,
            )
        )
    SourceRecord.objects.bulk_create(rows)
    return len(rows)


def test_a_worker_killed_mid_linkage_leaves_nothing_half_written_and_the_run_ends_once(workers, tmp_path):
    start, sender = workers
    records = _synthetic_records(LINKED_RECORDS)
    run = LinkageRun.objects.create(heartbeat_at=timezone.now())
    database = SharedDatabase(tmp_path)

    first = start(database, "first")
    sender.send_task("linkage_run", args=[run.pk])
    _wait(
        lambda: database.linkage(run.pk)["status"] == "running", 240, "the first worker did not start the run"
    )
    time.sleep(1.0)  # into the scoring: Splink trains and predicts for several seconds
    os.killpg(first.pid, signal.SIGKILL)
    first.wait(timeout=20)
    dead = database.linkage(run.pk)
    assert dead["status"] == "running" and dead["attempts"] == 1, dead  # killed before it could finish
    assert dead["pairs"] == (0, 0) and dead["links"] == (0, 0) and dead["golden"] == 0, dead

    start(database, "second")
    time.sleep(2.5)  # the dead worker's lease lapses
    sender.send_task("linkage_runs_resume")
    _wait(lambda: database.linkage(run.pk)["status"] == "done", 600, "the linkage run did not finish")
    done = database.linkage(run.pk)
    assert done["attempts"] == 2 and done["records"] == records
    assert done["links"] == (records, records)  # every record in exactly one golden record
    assert done["pairs"][0] == done["pairs"][1] > 0  # each pair stored once
    assert done["golden"] == done["golden_records"] < records
