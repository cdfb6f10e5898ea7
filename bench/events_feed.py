"""Platform calendar feed benchmark: 1,000 events (30 % recurring, with moved and cancelled sessions),
time to build the feed, p50/p95 over repeated builds.

    .venv/bin/python bench/events_feed.py [--events 1000] [--builds 30] [--postgres]

Builds a throwaway database (SQLite under var/bench/, and with --postgres the PostgreSQL database
kafaat_bench_events), fills it with bulk_create, then times (1) what the feed view does — the gate's
query for a visitor, the events' calendar entries and the icalendar serialisation of those missing —
with nothing stored, with the entries stored but the cache emptied, after one event changed, and warm
(the file cached, as when calendar applications poll the feed), and (2) the whole request through
Django's test client (URL routing, middleware, the view), warm.
"""

import argparse
import os
import random
import statistics
import time
from datetime import UTC, datetime, timedelta

from benchdb import django_setup, fresh_database, run_each_backend

PG_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/kafaat_bench_events")
ZONES = ["Europe/Paris", "Europe/Brussels", "Europe/Madrid", "America/Toronto", "Asia/Dubai", "Europe/London"]


def _generate(count, rng):
    from zoneinfo import ZoneInfo

    from recurrence import MONTHLY, WEEKLY, Recurrence, Rule, Weekday

    from accounts.models import User
    from events.models import Event, Occurrence

    organiser = User.objects.create_user("bench-organiser@example.org")
    now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    events = []
    for index in range(count):
        zone = ZoneInfo(rng.choice(ZONES))
        start = (now + timedelta(days=rng.randint(-30, 120), hours=rng.randint(0, 23))).astimezone(zone)
        recurrence = None
        if index % 10 < 3:  # 30 % recurring
            if index % 2:
                recurrence = Recurrence(
                    rrules=[Rule(WEEKLY, byday=[Weekday(start.weekday())], count=rng.randint(4, 20))]
                )
            else:
                nth = min((start.day - 1) // 7 + 1, 4)
                recurrence = Recurrence(
                    rrules=[
                        Rule(
                            MONTHLY, byday=[Weekday(start.weekday(), nth)], until=start + timedelta(days=365)
                        )
                    ],
                    exdates=[(start + timedelta(days=28 * nth)).astimezone(UTC)],
                )
        online = index % 4 == 0
        events.append(
            Event(
                organiser_kind=Event.OrganiserKind.PLATFORM,
                created_by=organiser,
                title_fr=f"Rencontre de la diaspora n° {index}",
                title_ar=f"لقاء الجالية رقم {index}",
                title_en=f"Diaspora meetup no. {index}",
                description_fr="Échanges entre compétences et porteurs de projet. " * 3,
                mode=Event.Mode.ONLINE if online else Event.Mode.IN_PERSON,
                venue="" if online else "Maison du Maroc",
                address="" if online else "1 boulevard Jourdan",
                city="" if online else "Paris",
                country="" if online else "FR",
                online_url="https://meet.example.org/room" if online else "",
                start=start,
                end=start + timedelta(hours=2),
                time_zone=str(zone),
                recurrence=recurrence,
                visibility=Event.Visibility.PUBLIC if index % 5 else Event.Visibility.MEMBERS,
                status=Event.Status.CANCELLED if index % 97 == 0 else Event.Status.SCHEDULED,
                sequence=index % 3,
            )
        )
    Event.objects.bulk_create(events, batch_size=500)
    overrides = []
    for event in Event.objects.exclude(recurrence="").exclude(recurrence__isnull=True)[:100]:
        second = event.start + timedelta(days=7 if "WEEKLY" in str(event.recurrence) else 0)
        if "MONTHLY" in str(event.recurrence):
            continue
        moved = rng.random() < 0.5
        overrides.append(
            Occurrence(
                event=event,
                original_start=second,
                start=second + timedelta(hours=1) if moved else second,
                end=second + timedelta(hours=3) if moved else second + timedelta(hours=2),
                moved=moved,
                cancelled=not moved,
                sequence=1,
            )
        )
    Occurrence.objects.bulk_create(overrides)
    return len(overrides)


def _run_backend(backend, count, builds):
    django_setup(fresh_database(backend, sqlite_name="events", postgres_url=PG_URL))
    from django.conf import settings
    from django.contrib.auth.models import AnonymousUser
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client
    from django.utils import translation

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    migrated = time.perf_counter()
    overrides = _generate(count, random.Random(20261129))  # noqa: S311
    generated = time.perf_counter()

    from django.utils import timezone

    from events import ical, permissions
    from events.models import CalendarEntry, Event

    visitor = AnonymousUser()
    unwritten, cold, changed, warm, requested = [], [], [], [], []
    event_ids = list(Event.objects.values_list("id", flat=True))
    with translation.override("fr"):
        # Events that were never written (bulk-created, as by an import, so no task ran for them):
        # the request writes every VEVENT with icalendar and stores the calendar entries.
        for _ in range(max(3, builds // 6)):
            CalendarEntry.objects.all().delete()
            cache.clear()
            start = time.perf_counter()
            data = ical.build_calendar(permissions.visible_events(visitor), name="Kafaat")
            unwritten.append((time.perf_counter() - start) * 1000)
        # Entries stored (written by the task after each change), the cache emptied (a restart).
        for _ in range(builds):
            cache.clear()
            start = time.perf_counter()
            data = ical.build_calendar(permissions.visible_events(visitor), name="Kafaat")
            cold.append((time.perf_counter() - start) * 1000)
        # An organiser edits one event and the feed is asked for before the task rewrote its entry
        # (update() sends no signal): the request writes that event's VEVENTs, the others are read.
        for index in range(builds):
            Event.objects.filter(id=event_ids[index % len(event_ids)]).update(updated_at=timezone.now())
            start = time.perf_counter()
            data = ical.build_calendar(permissions.visible_events(visitor), name="Kafaat")
            changed.append((time.perf_counter() - start) * 1000)
        for _ in range(builds):
            start = time.perf_counter()
            again = ical.build_calendar(permissions.visible_events(visitor), name="Kafaat")
            warm.append((time.perf_counter() - start) * 1000)
            assert again == data
    client = Client()
    client.get("/fr/events/feed.ics")  # the first request loads URL patterns and middleware
    for _ in range(builds):
        start = time.perf_counter()
        response = client.get("/fr/events/feed.ics")
        requested.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    vevents = data.count(b"BEGIN:VEVENT")
    print(
        f"\n{backend}: {count} events ({overrides} moved/cancelled sessions), "
        f"migrate {migrated - started:.0f} s, generation {generated - migrated:.1f} s; "
        f"feed {len(data) / 1024:.0f} KiB, {vevents} VEVENTs; cache {settings.CACHES['default']['BACKEND']}"
    )
    for label, values in (
        ("nothing stored", unwritten),
        ("cold build", cold),
        ("one changed", changed),
        ("warm build", warm),
        ("HTTP request", requested),
    ):
        q = statistics.quantiles(values, n=20) if len(values) > 2 else values
        print(
            f"  {label:14s} p50 {statistics.median(values):6.1f} ms   p95 {q[-2]:6.1f} ms  (n={len(values)})"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--builds", type=int, default=30)
    parser.add_argument(
        "--postgres", action="store_true", help="also run on PostgreSQL (kafaat_bench_events)"
    )
    parser.add_argument("--backend", choices=["sqlite", "postgres"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.backend:
        _run_backend(args.backend, args.events, args.builds)
        return
    run_each_backend(
        __file__,
        postgres=args.postgres,
        arguments=["--events", str(args.events), "--builds", str(args.builds)],
    )


if __name__ == "__main__":
    main()
