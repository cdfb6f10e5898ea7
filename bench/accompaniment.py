"""Accompaniment benchmark: the case board and the funnel at 20,000 cases and 100,000 timeline entries.

    .venv/bin/python bench/accompaniment.py [--cases 20000] [--entries 100000] [--requests 40]
                                            [--postgres] [--reuse]

Builds a throwaway database (SQLite under var/bench/, and with --postgres the PostgreSQL database of
BENCH_POSTGRES_URL, default kafaat_accompaniment_bench, dropped and recreated), fills it in bulk with
2,000 holders owning 20,000 projects, 30 advisors, 8 relays, one case per project with a history drawn
around each stage's service level (accompaniment.synthetic), topped up with assignment entries to
100,000 timeline entries, then times whole requests through Django's test client (middleware, session,
second-factor gate, permission filter, selectors, templates), as an administrator who sees every case
(the worst case) and as an advisor who sees their own:

    board (columns), board with filters, list view (first and a far page), overdue view,
    funnel (all time), funnel for one period, funnel CSV: from the cache, and "cold" (each request
    after a case moved, so the figures are computed again).

Target: p95 ≤ 150 ms per page.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchdb import django_setup, fresh_database, run_each_backend, sqlite_url  # noqa: E402

PG_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/kafaat_accompaniment_bench")
COUNTRIES = ["FR", "BE", "ES", "IT", "NL", "DE", "CA", "US", "GB", "AE"]
REGIONS = [
    "souss-massa",
    "oriental",
    "casablanca-settat",
    "rabat-sale-kenitra",
    "marrakech-safi",
    "fes-meknes",
]
SECTORS = ["agriculture", "digital", "renewable-energy", "tourism", "health", "textile"]


def _generate(case_count, entry_count):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from accompaniment.models import AdvisorProfile, Case, Stage, TimelineEntry
    from accompaniment.synthetic import cases_create
    from community.profiles.models import Profile, Project, RelayCoverage

    rng = random.Random(2026)  # noqa: S311 (synthetic data)
    User = get_user_model()
    groups = {g.name: g for g in Group.objects.all()}
    holders = User.objects.bulk_create(
        [User(email=f"holder{i}@bench.example", first_name=f"H{i}") for i in range(case_count // 10)]
    )
    profiles = Profile.objects.bulk_create(
        [
            Profile(
                user=u, display_name=u.first_name, country=rng.choice(COUNTRIES), region_of_origin="oriental"
            )
            for u in holders
        ]
    )
    projects = Project.objects.bulk_create(
        [
            Project(
                owner=profiles[i % len(profiles)],
                title=f"Projet {i}",
                summary="…",
                sector=rng.choice(SECTORS),
                stage="idea",
                region=rng.choice(REGIONS),
            )
            for i in range(case_count)
        ],
        batch_size=2000,
    )
    advisors = User.objects.bulk_create(
        [User(email=f"advisor{i}@bench.example", first_name=f"Advisor{i}") for i in range(30)]
    )
    groups["advisor"].user_set.add(*advisors)
    AdvisorProfile.objects.bulk_create(
        [
            AdvisorProfile(user=a, sectors=[rng.choice(SECTORS)], regions=[rng.choice(REGIONS)])
            for a in advisors
        ]
    )
    relays = User.objects.bulk_create(
        [User(email=f"relay{i}@bench.example", first_name=f"Relay{i}") for i in range(8)]
    )
    groups["relay"].user_set.add(*relays)
    by_country = {}
    for index, relay in enumerate(relays):
        countries = COUNTRIES[index::8]
        RelayCoverage.objects.create(relay=relay, countries=countries)
        for country in countries:
            by_country.setdefault(country, []).append(relay)
    cases_create(projects, advisors=advisors, relays_by_country=by_country, rng=rng)
    missing = entry_count - TimelineEntry.objects.count()
    if missing > 0:
        ids = list(Case.objects.values_list("pk", "created_at"))
        TimelineEntry.objects.bulk_create(
            [
                TimelineEntry(case_id=pk, at=created, kind="assignment", detail={})
                for pk, created in (ids[i % len(ids)] for i in range(missing))
            ],
            batch_size=5000,
        )
    admin = User.objects.create(email="admin@bench.example", is_superuser=True, is_staff=True)
    TOTP.activate(admin, generate_totp_secret())
    TOTP.activate(advisors[0], generate_totp_secret())
    assert Stage.objects.filter(initial=True).exists()
    return admin.pk, advisors[0].pk


def _time(client, url, requests, before=None):
    """Wall-clock and CPU milliseconds per request: (p50, p95, max) of each. The CPU time of this process
    (Django, and SQLite's work, which runs in-process) does not count the time spent waiting for a core,
    so it shows what a page costs when the machine is shared; PostgreSQL's own work is in wall time only."""
    client.get(url)  # warm: first compile of templates and queries
    wall, cpu = [], []
    for _ in range(requests):
        if before is not None:
            before()
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        assert response.status_code == 200, (url, response.status_code)

    def summary(times):
        times = sorted(times)
        return statistics.median(times), times[max(0, int(len(times) * 0.95) - 1)], times[-1]

    return summary(wall), summary(cpu)


def _run_backend(backend, case_count, entry_count, requests, reuse):
    url = (sqlite_url("accompaniment") if backend == "sqlite" else PG_URL) if reuse else None
    url = url or fresh_database(backend, sqlite_name="accompaniment", postgres_url=PG_URL)
    os.environ["DJANGO_DEBUG"] = "0"  # no query log: measure what production runs
    django_setup(url)
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from accompaniment.models import Case, Stage, TimelineEntry
    from accompaniment.selectors import funnel_changed

    settings.ALLOWED_HOSTS = ["*"]
    started = time.perf_counter()
    if not reuse:
        call_command("migrate", verbosity=0, interactive=False)
        migrated = time.perf_counter()
        _generate(case_count, entry_count)
        print(
            f"[{backend}] migrate {migrated - started:.0f} s, generate {time.perf_counter() - migrated:.0f} s"
        )
    # Statistics for the planner, and (PostgreSQL) the visibility map its index-only scans need, as
    # autovacuum keeps them on a live database.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    User = get_user_model()
    admin = User.objects.get(email="admin@bench.example")
    advisor = User.objects.get(email="advisor0@bench.example")
    print(
        f"[{backend}] {Case.objects.count()} cases, {TimelineEntry.objects.count()} timeline entries, "
        f"{Case.objects.filter(advisor=advisor).count()} for the measured advisor"
    )
    stage = Stage.objects.get(key="in-accompaniment")
    pages = [
        ("board", "/fr/accompaniment/board/"),
        (
            "board, filters",
            "/fr/accompaniment/board/?region=souss-massa&sector=agriculture&age=30-90&overdue=on",
        ),
        ("board, country + stage", f"/fr/accompaniment/board/?country=FR&stage={stage.pk}"),
        ("list, page 1", "/fr/accompaniment/board/?view=list"),
        ("list, page 200", "/fr/accompaniment/board/?view=list&page=200"),
        ("overdue", "/fr/accompaniment/overdue/"),
        ("funnel", "/fr/accompaniment/funnel/"),
        ("funnel, one period", "/fr/accompaniment/funnel/?start=2026-01-01&end=2026-06-30"),
        ("funnel CSV", "/fr/accompaniment/funnel.csv"),
        # Each request after a case moved: the cached figures are stale, everything is computed again.
        ("funnel, cold", "/fr/accompaniment/funnel/"),
        ("funnel, one period, cold", "/fr/accompaniment/funnel/?start=2026-01-01&end=2026-06-30"),
    ]
    rows = []
    for who, user in (("admin", admin), ("advisor", advisor)):
        client = Client()
        client.force_login(user)
        for name, path in pages:
            if who == "advisor" and name.startswith("list, page 200"):
                continue
            before = funnel_changed if name.endswith("cold") else None
            (p50, p95, worst), (cpu50, cpu95, _cpu_max) = _time(client, path, requests, before)
            rows.append((who, name, p50, p95, worst))
            print(
                f"[{backend}] {who:8} {name:26} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  max {worst:6.1f} ms"
                f"   | CPU p50 {cpu50:6.1f} ms  p95 {cpu95:6.1f} ms"
            )
    over = [r for r in rows if r[3] > 150]
    print(f"[{backend}] pages over the 150 ms p95 target (wall clock): {len(over)} of {len(rows)}")
    print(f"[{backend}] load average during the run: {os.getloadavg()}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--postgres", action="store_true", help="also run on PostgreSQL")
    parser.add_argument("--reuse", action="store_true", help="measure again on the data of a previous run")
    parser.add_argument("--backend", choices=["sqlite", "postgres"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.backend:
        _run_backend(args.backend, args.cases, args.entries, args.requests, args.reuse)
        return
    run_each_backend(
        __file__,
        postgres=args.postgres,
        arguments=[
            "--cases",
            str(args.cases),
            "--entries",
            str(args.entries),
            "--requests",
            str(args.requests),
            *(["--reuse"] if args.reuse else []),
        ],
    )


if __name__ == "__main__":
    main()
