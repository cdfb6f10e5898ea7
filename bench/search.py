"""Site search benchmark: 100,000 members, the search page and its suggestions, p50/p95/p99 per backend.

    .venv/bin/python bench/search.py [--members 100000] [--searches 200] [--sqlite]

Builds a throwaway PostgreSQL database (kafaat_bench_search; BENCH_SEARCH_POSTGRES_URL to change it),
and with --sqlite also var/bench/search.sqlite3, fills it with the member directory benchmark's
generator (bench/directory.py: Latin and Arabic names, skills, mixed visibility, 90 % directory
consent), builds the search index with each provider's ``documents()`` (as ``manage.py search_reindex``
does), then times whole requests through Django's test client as a signed-in member: the search page
(every kind's count and first results, rendered) and the suggestions JSON, for common and rare names,
Arabic spellings, skills, two-word queries and prefixes.
"""

import argparse
import os
import random
import statistics
import time

from benchdb import django_setup, fresh_database, sqlite_url

PG_URL = os.environ.get("BENCH_SEARCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/kafaat_bench_search")
QUERIES = [
    "mohamed",  # the commonest first name: thousands of matches
    "محمد",
    "أحمد",  # hamza on alef: found as احمد
    "ahmed tazi",
    "فاطمه الفاسي",  # ta marbuta written as ha
    "ben",  # a prefix, as typed
    "python",
    "solar energy",
    "sqalli hydrology",
    "ingenieure",
    "zineb kettani",
    "nomatchword",
]


def _run_backend(backend, members, searches, reuse=False):
    # Measured as deployed: DEBUG off (no query log, no template debug).
    os.environ.setdefault("DJANGO_DEBUG", "false")
    if reuse:  # time again on the database a previous run filled
        django_setup(PG_URL if backend == "postgres" else sqlite_url("search"))
    else:
        django_setup(fresh_database(backend, sqlite_name="search", postgres_url=PG_URL))
    from directory import _generate

    from django.core.management import call_command
    from django.db import connection
    from django.test import Client, RequestFactory

    from core.registry import registry
    from core.search import reindex

    started = time.perf_counter()
    if reuse:
        from django.contrib.auth import get_user_model

        viewer = get_user_model().objects.get(email="viewer@bench.example")
        members = viewer.pk - 1
        migrated = generated = started
        rows = {"members": "kept"}
    else:
        call_command("migrate", verbosity=0, interactive=False)
        migrated = time.perf_counter()
        viewer = _generate(members, random.Random(20261206))
        generated = time.perf_counter()
        rows = {
            provider.kind: reindex(provider.kind, provider.documents())
            for provider in registry.search_provider_list()
            if provider.documents is not None
        }
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    indexed = time.perf_counter()

    client = Client(HTTP_HOST="localhost")
    client.force_login(viewer)
    for query in QUERIES:  # warm the connection, the templates and the caches once
        client.get("/fr/search/", {"q": query})
    timings = {"page": [], "suggestions": []}
    for index in range(searches):
        query = QUERIES[index % len(QUERIES)]
        start = time.perf_counter()
        response = client.get("/fr/search/", {"q": query})
        timings["page"].append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
        typed = query[: max(3, len(query) // 2)]
        start = time.perf_counter()
        response = client.get("/fr/search/suggest/", {"q": typed})
        timings["suggestions"].append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
    request = RequestFactory().get("/fr/search/")
    request.user = viewer
    found = {
        query: sum(p.results(request, query).count() for p in registry.search_provider_list(request))
        for query in QUERIES
    }
    with open("/proc/loadavg") as loadavg:
        load = " ".join(loadavg.read().split()[:3])
    print(
        f"\n{backend}: {members} members, migrate {migrated - started:.0f} s, generation "
        f"{generated - migrated:.0f} s, index {indexed - generated:.0f} s "
        f"({rows.get('members', 0)} member rows), "
        f"{searches} searches (mean {statistics.mean(found.values()):.0f} found), load average {load}"
    )
    for name, values in timings.items():
        q = statistics.quantiles(values, n=100)
        print(
            f"  {name:12s} p50 {q[49]:6.1f} ms   p95 {q[94]:6.1f} ms   p99 {q[98]:6.1f} ms  (n={len(values)})"
        )
    per_query = {}
    for index, value in enumerate(timings["page"]):
        per_query.setdefault(QUERIES[index % len(QUERIES)], []).append(value)
    for query, values in per_query.items():
        print(f"    {query!r:22s} page median {statistics.median(values):6.1f} ms, {found[query]} found")


def main():
    import subprocess
    import sys

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--searches", type=int, default=200)
    parser.add_argument("--sqlite", action="store_true", help="also run on SQLite (var/bench/search.sqlite3)")
    parser.add_argument("--reuse", action="store_true", help="time again on the databases of the last run")
    parser.add_argument("--backend", choices=["sqlite", "postgres"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.backend:
        _run_backend(args.backend, args.members, args.searches, reuse=args.reuse)
        return
    for backend in ["postgres", *(["sqlite"] if args.sqlite else [])]:
        subprocess.run(  # noqa: S603 (this script, with our own arguments)
            [
                sys.executable,
                __file__,
                "--backend",
                backend,
                "--members",
                str(args.members),
                "--searches",
                str(args.searches),
                *(["--reuse"] if args.reuse else []),
            ],
            check=True,
        )


if __name__ == "__main__":
    main()
