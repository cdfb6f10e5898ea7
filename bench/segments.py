"""Segmentation benchmark: live counts, composition and priority targets over 100,000 members.

    .venv/bin/python bench/segments.py [--members 100000] [--counts 200] [--postgres] [--reuse]

Builds a throwaway database (SQLite under var/bench/, and with --postgres the PostgreSQL database
kafaat_segments_bench), fills it with bulk_create (names, countries and skills from bench/directory.py),
then times what the analyst's pages do: the live count of the filter builder (random filters), the
composition charts of a segment, and the ranked priority targets of a segment. ``--reuse`` measures
again on the databases a previous run left (generation takes many minutes on a busy machine).
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchdb import django_setup, fresh_database, run_each_backend, sqlite_url  # noqa: E402
from directory import COUNTRIES, LATIN_FIRST, LATIN_LAST, SKILLS  # noqa: E402

PG_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/kafaat_segments_bench")


def _generate(count, rng):
    from taggit.models import Tag

    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from community.groups.models import CommunityGroup, Membership
    from community.labels.models import Label, LabelGrant
    from community.profiles.choices import Contribution, FundingBand, Region, Stage
    from community.profiles.models import Profile, Project, TaggedNeededSkill, TaggedSkill
    from community.profiles.services import profile_denormalise, project_denormalise
    from core.sectors import SectorChoice
    from privacy.models import ConsentRecord, PrivacyNotice

    User = get_user_model()
    now = timezone.now()
    password = make_password("bench-password-1")
    notice = PrivacyNotice.objects.create(version="bench", published_at=now)
    tags = {name: Tag.objects.create(name=name, slug=name.lower().replace(" ", "-")) for name in SKILLS}
    label = Label.objects.create(slug="verified", name_fr="Vérifié", name_ar="موثق", name_en="Verified")
    batch = 5000
    for start in range(0, count, batch):
        size = min(batch, count - start)
        users = User.objects.bulk_create(
            [
                User(
                    email=f"member{start + i}@bench.example",
                    password=password,
                    last_login=now - timedelta(days=rng.randint(0, 900)) if rng.random() < 0.8 else None,
                )
                for i in range(size)
            ]
        )
        profiles, skill_sets = [], []
        for user in users:
            skills = rng.sample(SKILLS, rng.randint(2, 6))
            profile = Profile(
                user=user,
                display_name=f"{rng.choice(LATIN_FIRST)} {rng.choice(LATIN_LAST)}",
                country=rng.choice(COUNTRIES),
                region_of_origin=rng.choice(Region.values),
                sectors=rng.sample(SectorChoice.values, rng.randint(1, 3)),
                contributions=rng.sample(Contribution.values, rng.randint(1, 3)),
                availability=rng.choice(["hours-month", "days-year", "mission", "not-now", ""]),
            )
            profiles.append(profile_denormalise(profile, skills))
            skill_sets.append(skills)
        profiles = Profile.objects.bulk_create(profiles)
        TaggedSkill.objects.bulk_create(
            [
                TaggedSkill(content_object=profile, tag=tags[name])
                for profile, skills in zip(profiles, skill_sets, strict=True)
                for name in skills
            ]
        )
        projects, needs = [], []
        for profile in profiles:
            if rng.random() < 0.3:  # project holders
                for _ in range(rng.choice([1, 1, 2])):
                    needed = rng.sample(SKILLS, rng.randint(1, 4))
                    project = Project(
                        owner=profile,
                        title=f"Project {rng.randrange(10**6)}",
                        summary="Bench project.",
                        sector=rng.choice(SectorChoice.values),
                        stage=rng.choice(Stage.values),
                        region=rng.choice(Region.values),
                        funding_need=rng.choice([*FundingBand.values, ""]),
                        help_needed=rng.sample(Contribution.values, 2),
                    )
                    projects.append(project_denormalise(project, needed))
                    needs.append(needed)
        projects = Project.objects.bulk_create(projects)
        TaggedNeededSkill.objects.bulk_create(
            [
                TaggedNeededSkill(content_object=project, tag=tags[name])
                for project, needed in zip(projects, needs, strict=True)
                for name in needed
            ]
        )
        ConsentRecord.objects.bulk_create(
            [
                ConsentRecord(
                    user=user, purpose="matching", granted=rng.random() < 0.7, notice=notice, source="signup"
                )
                for user in users
            ]
        )
        LabelGrant.objects.bulk_create(
            [LabelGrant(user=user, label=label) for user in users if rng.random() < 0.05]
        )
        for index in range(size // 500):  # a group led by one member, 40 members
            group = CommunityGroup.objects.create(
                slug=f"group-{start}-{index}", kind="geographic", name=f"Group {start}-{index}"
            )
            chosen = rng.sample(users, 40)
            Membership.objects.bulk_create(
                [Membership(user=chosen[0], group=group, role="owner")]
                + [Membership(user=user, group=group) for user in chosen[1:]]
            )


def _random_filters(rng):
    from community.profiles.choices import Contribution, FundingBand, Region, Stage
    from core.sectors import SectorChoice

    options = {
        "sector": lambda: rng.sample(SectorChoice.values, rng.randint(1, 2)),
        "stage": lambda: rng.sample(Stage.values, rng.randint(1, 2)),
        "region": lambda: rng.sample(Region.values, 1),
        "country": lambda: rng.sample(COUNTRIES, rng.randint(1, 3)),
        "label": lambda: ["verified"],
        "contribution": lambda: rng.sample(Contribution.values, 1),
        "funding": lambda: rng.sample(FundingBand.values, 1),
        "activity": lambda: rng.choice(["30", "90", "365", "dormant"]),
        "audience": lambda: rng.choice(["holders", "others"]),
    }
    chosen = rng.sample(sorted(options), rng.randint(1, 3))
    return {name: options[name]() for name in chosen}


def _quantiles(values):
    if len(values) < 2:
        return f"{values[0]:7.1f} ms (n=1)"
    q = statistics.quantiles(values, n=100)
    return f"p50 {q[49]:7.1f} ms   p95 {q[94]:7.1f} ms   p99 {q[98]:7.1f} ms  (n={len(values)})"


def _timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return (time.perf_counter() - start) * 1000, result


def _run_backend(backend, members, counts, reuse=False):
    if reuse:
        django_setup(PG_URL if backend == "postgres" else sqlite_url("segments"))
    else:
        django_setup(fresh_database(backend, sqlite_name="segments", postgres_url=PG_URL))
    from django.core.management import call_command
    from django.db import connection

    from community.profiles.models import Profile

    started = time.perf_counter()
    rng = random.Random(20261129)
    if not reuse:
        call_command("migrate", verbosity=0, interactive=False)
    migrated = time.perf_counter()
    if not reuse:
        _generate(members, rng)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    generated = time.perf_counter()
    members = Profile.objects.count()

    from matching.segmentation.relays import relay_proposals
    from matching.segmentation.scoring import priority_targets
    from matching.segmentation.selectors import segment_composition, segment_count

    count_times, found = [], []
    for _ in range(counts):
        elapsed, value = _timed(segment_count, _random_filters(rng))
        count_times.append(elapsed)
        found.append(value)
    print(
        f"\n{backend}: {members} members, migrate {migrated - started:.0f} s, "
        f"generation {generated - migrated:.0f} s"
    )
    print(f"  live count ({counts} random filter sets, mean {statistics.mean(found):.0f} found)")
    print(f"    {_quantiles(count_times)}")
    segments = {
        "narrow (1 country, 1 sector, holders)": {
            "audience": "holders",
            "country": ["FR"],
            "sector": ["digital"],
        },
        "wide (3 countries, holders)": {"audience": "holders", "country": ["FR", "ES", "BE"]},
        "everyone": {},
    }
    for name, filters in segments.items():
        composition_ms, composition = _timed(segment_composition, filters)
        targets_ms, targets = _timed(priority_targets, filters)
        print(
            f"  segment {name}: {composition['total']} members, composition {composition_ms:.0f} ms; "
            f"{len(targets)} projects scored and ranked in {targets_ms:.0f} ms"
        )
    relays_ms, proposals = _timed(relay_proposals, "")
    print(f"  relay proposals, every country: {len(proposals)} countries in {relays_ms:.0f} ms")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--counts", type=int, default=200)
    parser.add_argument("--postgres", action="store_true", help="also run on PostgreSQL")
    parser.add_argument("--reuse", action="store_true", help="measure on the databases of a previous run")
    parser.add_argument("--backend", choices=["sqlite", "postgres"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.backend:
        _run_backend(args.backend, args.members, args.counts, args.reuse)
        return
    run_each_backend(
        __file__,
        postgres=args.postgres,
        arguments=[
            "--members",
            str(args.members),
            "--counts",
            str(args.counts),
            *(["--reuse"] if args.reuse else []),
        ],
    )


if __name__ == "__main__":
    main()
