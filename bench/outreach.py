"""Outreach benchmark: audience, exclusions and send records of a 100,000-recipient campaign in three
languages, every recipient's email rendered, then sending throughput to a local SMTP sink.

    .venv/bin/python bench/outreach.py [--recipients 100000] [--send 3000] [--postgres] [--reuse]

Builds a throwaway database (SQLite under var/bench/, and with --postgres the PostgreSQL database
kafaat_outreach_bench), fills it with members who consented to the newsletter (plus 5 % without
consent and 1 % on the suppression list), then times:

1. queue: the audience read from its source, every exclusion rule applied, one send record written per
   person (``services.campaign_prepare``);
2. render: every queued recipient's email built to the bytes that go on the wire (per-language template
   compiled once, personalised and signed links per recipient, MIME with HTML and text parts);
3. send: ``sending.send_batch`` in one process, through the gate and Django's SMTP backend, to an
   aiosmtpd sink in another process, for the first ``--send`` recipients: messages per second.

Target: 1 + 2 under 3 minutes for 100,000 recipients.
"""

import argparse
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchdb import django_setup, fresh_database, run_each_backend, sqlite_url  # noqa: E402

PG_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/kafaat_outreach_bench")
HERE = Path(__file__).resolve().parent


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _generate(count):
    from django.utils import timezone

    from outreach.factories import CampaignFactory, members_bulk
    from outreach.models import Campaign, SuppressedAddress
    from privacy.models import PrivacyNotice

    PrivacyNotice.objects.create(version="bench", published_at=timezone.now())
    with_consent = int(count * 0.95)
    members_bulk(with_consent, prefix="member", domain="bench.example")
    members_bulk(count - with_consent, prefix="noconsent", domain="bench.example", purposes=())
    SuppressedAddress.objects.bulk_create(
        [
            SuppressedAddress(email=f"member{i}@bench.example", reason="bounce")
            for i in range(0, with_consent, 100)
        ]
    )
    campaign = CampaignFactory(name="bench", audience_source="community.members", audience_item="all")
    Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.SENDING, started_at=timezone.now())
    return campaign.pk


def _run_backend(backend, recipients, send, reuse):
    url = sqlite_url("outreach") if reuse and backend == "sqlite" else None
    url = url or (PG_URL if reuse else fresh_database(backend, sqlite_name="outreach", postgres_url=PG_URL))
    os.environ["SITE_URL"] = "https://kafaat.example"
    django_setup(url)
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from outreach.messages import Outbox
    from outreach.models import Campaign, Recipient
    from outreach.sending import send_batch
    from outreach.services import campaign_prepare

    started = time.perf_counter()
    if not reuse:
        call_command("migrate", verbosity=0, interactive=False)
        campaign_id = _generate(recipients)
    else:
        campaign_id = Campaign.objects.get(name="bench").pk
        Recipient.objects.filter(campaign_id=campaign_id).delete()
        Campaign.objects.filter(pk=campaign_id).update(prepared_at=None, status=Campaign.Status.SENDING)
    generated = time.perf_counter()

    queued = campaign_prepare(campaign_id)
    prepared = time.perf_counter()
    campaign = Campaign.objects.get(pk=campaign_id)
    outbox = Outbox(campaign)
    size = 0
    rows = Recipient.objects.filter(campaign_id=campaign_id, status="queued").order_by("id")
    for recipient in rows.iterator(chunk_size=5000):
        size += len(outbox.email(recipient).as_bytes())
    rendered = time.perf_counter()

    port = _free_port()
    sink = subprocess.Popen(  # noqa: S603 (our own sink script)
        [sys.executable, str(HERE / "outreach_sink.py"), str(port)], stdout=subprocess.PIPE, text=True
    )
    assert sink.stdout.readline().strip() == "ready"
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    settings.OUTREACH_RATE_PER_HOUR = settings.OUTREACH_RATE_PER_DOMAIN_PER_HOUR = 10**9
    sent, send_started = 0, time.perf_counter()
    while sent < send:
        result = send_batch(campaign_id, size=min(100, send - sent))
        sent += result.sent
        if not result.claimed:
            break
    send_time = time.perf_counter() - send_started
    sink.terminate()
    received = int(sink.communicate(timeout=30)[0].strip() or 0)

    queue_s, render_s = prepared - generated, rendered - prepared
    print(f"\n{backend} ({connection.vendor}): {recipients:,} members, setup {generated - started:.0f} s")
    print(
        f"  queue:  {queued:,} queued of {Recipient.objects.filter(campaign_id=campaign_id).count():,} "
        f"named (exclusions applied) in {queue_s:.1f} s"
    )
    print(
        f"  render: {queued:,} emails ({size / queued / 1024:.1f} KiB each) in {render_s:.1f} s "
        f"({queued / render_s:,.0f}/s)"
    )
    print(f"  queue + render: {queue_s + render_s:.1f} s (target: 180 s)")
    print(
        f"  send:   {sent:,} emails in {send_time:.1f} s = {sent / send_time:,.0f}/s in one process "
        f"(sink received {received:,})"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recipients", type=int, default=100_000)
    parser.add_argument("--send", type=int, default=3000)
    parser.add_argument("--postgres", action="store_true", help="also run on PostgreSQL")
    parser.add_argument("--reuse", action="store_true", help="measure again on the data of a previous run")
    parser.add_argument("--backend", choices=["sqlite", "postgres"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.backend:
        _run_backend(args.backend, args.recipients, args.send, args.reuse)
        return
    run_each_backend(
        __file__,
        postgres=args.postgres,
        arguments=[
            "--recipients",
            str(args.recipients),
            "--send",
            str(args.send),
            *(["--reuse"] if args.reuse else []),
        ],
    )


if __name__ == "__main__":
    main()
