"""A real Celery worker, killed with SIGKILL while it sends a 2,000-recipient campaign in three languages
to a real SMTP server, then started again: every person gets exactly one email, in their language, with
the unsubscribe headers.

Needs PostgreSQL and Redis (the worker is another process and must share the test database and a
broker): run with DATABASE_URL=postgres://… and REDIS_URL=redis://….
"""

import os
import re
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from django.db import connection
from django.utils import timezone

from outreach.factories import CampaignFactory, members_bulk
from outreach.models import Campaign, Recipient
from outreach.services import campaign_prepare

from ..conftest import _free_port

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parents[2]
RECIPIENTS = 2000
LANGUAGE_MARK = {"fr": "Bonjour", "ar": "مرحبا", "en": "Hello"}


class CountingInbox:
    """Keeps each message's bytes as they arrive; parsed once the run is over."""

    def __init__(self):
        self.lock = threading.Lock()
        self.raw = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        with self.lock:
            self.raw.append(envelope.content)
        return "250 Message accepted for delivery"

    def count(self):
        with self.lock:
            return len(self.raw)


def _worker(env, queue):
    command = [
        str(Path(sys.executable).with_name("celery")),
        "-A",
        "kafaat",
        "worker",
        "-Q",
        queue,
        "-c",
        "2",
        "--pool",
        "prefork",
        "-n",
        f"{queue}@%h",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
        "-l",
        "warning",
    ]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


def _stop(process, sig=signal.SIGTERM):
    if process.poll() is None:
        os.killpg(process.pid, sig)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def _wait(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    pytest.fail(f"timed out waiting for {what}")


def test_a_worker_killed_mid_send_sends_no_duplicate_and_skips_nobody(notice, settings):
    if connection.vendor != "postgresql" or not os.environ.get("REDIS_URL"):
        pytest.skip(
            "needs PostgreSQL and Redis, shared with a worker process: set DATABASE_URL=postgres://… "
            "and REDIS_URL=redis://… to run it"
        )
    settings.SITE_URL = "https://kafaat.example"
    members_bulk(RECIPIENTS)
    campaign = CampaignFactory(audience_source="community.members", audience_item="all")
    Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.SENDING, started_at=timezone.now())
    assert campaign_prepare(campaign.pk) == RECIPIENTS

    inbox = CountingInbox()
    smtp = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    smtp.start()
    queue = f"outreach-test-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "PYTHONPATH": f"{ROOT}:{ROOT / 'site'}",
        "DJANGO_SETTINGS_MODULE": "tests.outreach.worker_settings",
        "OUTREACH_TEST_DATABASE": connection.settings_dict["NAME"],
        "OUTREACH_TEST_SMTP_PORT": str(smtp.port),
        "OUTREACH_TEST_QUEUE": queue,
    }
    first = second = None
    try:
        started = time.monotonic()
        first = _worker(env, queue)
        _wait(lambda: inbox.count() > 0, 120, "the first email")
        print(f"first email after {time.monotonic() - started:.1f} s")
        _wait(lambda: inbox.count() >= RECIPIENTS // 4, 180, "the first worker to send a quarter")
        _stop(first, signal.SIGKILL)  # mid-send: no warm shutdown, no chance to tidy up
        at_kill = inbox.count()
        print(f"killed after {time.monotonic() - started:.1f} s with {at_kill} received")
        assert at_kill < RECIPIENTS, "the worker had finished before it was killed"
        left = Recipient.objects.filter(campaign=campaign, status__in=("queued", "sending")).count()
        assert left > 0

        second = _worker(env, queue)
        _wait(
            lambda: Campaign.objects.get(pk=campaign.pk).status == Campaign.Status.SENT,
            240,
            "the restarted worker to finish the campaign",
        )
        print(f"finished after {time.monotonic() - started:.1f} s")
        time.sleep(0.5)  # nothing more may arrive
    finally:
        for process in (first, second):
            if process is not None:
                _stop(process)
        smtp.stop()

    messages = [message_from_bytes(raw, policy=policy.default) for raw in inbox.raw]
    addresses = Counter(m["To"].addresses[0].addr_spec for m in messages)
    assert len(messages) == RECIPIENTS, f"{len(messages)} arrived for {RECIPIENTS} (killed at {at_kill})"
    assert len(addresses) == RECIPIENTS and max(addresses.values()) == 1
    languages = Counter()
    for message in messages:
        language = message["Content-Language"]
        index = int(re.search(r"member(\d+)@", message["To"].addresses[0].addr_spec).group(1))
        assert language == ("fr", "ar", "en")[index % 3]
        assert LANGUAGE_MARK[language] in message.get_body(preferencelist=("plain",)).get_content()
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert "/outreach/unsubscribe/" in message["List-Unsubscribe"]
        languages[language] += 1
    assert set(languages) == {"fr", "ar", "en"}
    assert Recipient.objects.filter(campaign=campaign, status="sent").count() == RECIPIENTS
