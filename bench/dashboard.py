"""Dashboard benchmark: the whole /fr/dashboard/ page for an analyst on PostgreSQL.

    .venv/bin/python bench/dashboard.py [--members 100000] [--projects 20000] [--messages 1000000]
                                        [--rsvps 50000] [--requests 30] [--reuse]
                                        [--narrowed all|measured]

Builds the PostgreSQL database of BENCH_POSTGRES_URL (default kafaat_h19_dashboard_bench, dropped and
created again), migrates it and fills it: members over two years in 24 countries with sectors,
languages, 2–6 skills and a matching consent decision; projects over the 12 regions with needed
skills; direct conversations holding the messages (inserted by SQL, spread over a year); events with
one session each and the answers (going, some checked in); 5 % of members with a label; posts in groups.
Then it times GET /fr/dashboard/ (every registered panel, default period of 13 weeks) and the same page
filtered by one country, by the label or by one sector, as a signed-in analyst whose session passed the
second factor, computed live; then runs the daily aggregates (unfiltered, then per value of each filter:
every value with ``--narrowed all``, as the nightly task does; only the three measured with
``--narrowed measured``) and times the same pages again, and a page with two filters (live). It prints
p50 and p95, then the cost of drawing both maps. ``--reuse`` measures again on the
database a previous run left.
"""

import argparse
import importlib
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchdb import django_setup, fresh_database  # noqa: E402
from directory import COUNTRIES, LATIN_FIRST, LATIN_LAST, SKILLS  # noqa: E402

PG_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/kafaat_h19_dashboard_bench")
LANGUAGES = ["fr", "ar", "en", "es", "nl", "de", "it", "zgh"]


def _members(count, projects, rng):
    from taggit.models import Tag

    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from community.labels.models import Label, LabelGrant
    from community.profiles.choices import Contribution, Region, Stage
    from community.profiles.models import Profile, Project, TaggedNeededSkill, TaggedSkill
    from community.profiles.services import profile_denormalise, project_denormalise
    from core.sectors import SectorChoice

    User = get_user_model()
    now = timezone.now()
    password = make_password("bench-password-1")
    tags = {name: Tag.objects.create(name=name, slug=name.lower().replace(" ", "-")) for name in SKILLS}
    label = Label.objects.create(slug="verified", name_fr="Vérifié", name_ar="موثق", name_en="Verified")
    share = projects / count
    batch = 5000
    for start in range(0, count, batch):
        size = min(batch, count - start)
        users = User.objects.bulk_create(
            [
                User(email=f"member{start + i}@bench.example", password=password, last_login=now)
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
                languages=rng.sample(LANGUAGES, rng.randint(1, 3)),
                contributions=rng.sample(Contribution.values, rng.randint(1, 2)),
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
        chosen, needs = [], []
        for profile in profiles:
            if rng.random() < share:
                needed = rng.sample(SKILLS, rng.randint(1, 4))
                project = Project(
                    owner=profile,
                    title=f"Project {rng.randrange(10**6)}",
                    summary="Bench project.",
                    sector=rng.choice(SectorChoice.values),
                    stage=rng.choice(Stage.values),
                    region=rng.choice(Region.values),
                )
                chosen.append(project_denormalise(project, needed))
                needs.append(needed)
        chosen = Project.objects.bulk_create(chosen)
        TaggedNeededSkill.objects.bulk_create(
            [
                TaggedNeededSkill(content_object=project, tag=tags[name])
                for project, needed in zip(chosen, needs, strict=True)
                for name in needed
            ]
        )
        LabelGrant.objects.bulk_create(
            [LabelGrant(user=user, label=label) for user in users if rng.random() < 0.05]
        )


def _sql_fill(messages, rsvps, rng):
    """Dates over two years, consents, conversations and messages, by SQL (a million rows in seconds)."""
    from django.db import connection
    from django.utils import timezone

    from community.groups.models import CommunityGroup
    from community.messaging.models import Conversation, Message
    from community.profiles.models import Profile, Project
    from community.spaces.models import Post
    from events.models import RSVP, Event, Occurrence
    from privacy.models import ConsentRecord, PrivacyNotice

    now = timezone.now()
    notice = PrivacyNotice.objects.create(version="bench", published_at=now - timedelta(days=800))
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Profile._meta.db_table} SET created_at = now() - random() * interval '730 days'"  # noqa: S608
        )
        cursor.execute(
            f"UPDATE {Project._meta.db_table} p "  # noqa: S608
            "SET created_at = pr.created_at + random() * (now() - pr.created_at) "
            f"FROM {Profile._meta.db_table} pr WHERE pr.id = p.owner_id"
        )
        for purpose, rate in (("matching", 0.7), ("newsletter", 0.5), ("directory", 0.8)):
            cursor.execute(
                f"INSERT INTO {ConsentRecord._meta.db_table} "  # noqa: S608
                "(user_id, purpose, granted, notice_id, source, created_at) "
                "SELECT user_id, %s, random() < %s, %s, 'signup', created_at FROM profiles_profile",
                [purpose, rate, notice.pk],
            )
        # The decisions in force, as the service keeps them (migration 0007's fill, on the new records).
        fill = importlib.import_module("privacy.migrations.0007_consent_current_fill").FILL
        cursor.execute(fill)
        users = list(Profile.objects.order_by("user_id").values_list("user_id", flat=True))
    conversations = max(1, messages // 100)
    pairs = set()
    while len(pairs) < conversations:
        a, b = sorted(rng.sample(users, 2))
        pairs.add((a, b))
    Conversation.objects.bulk_create(
        [Conversation(kind="direct", direct_key=f"{a}:{b}", created_by_id=a) for a, b in pairs],
        batch_size=5000,
    )
    first = Conversation.objects.order_by("id").values_list("id", flat=True).first()
    low, high = users[0], users[-1]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {Message._meta.db_table} (conversation_id, seq, sender_id, body, created_at) "  # noqa: S608
            "SELECT %s + (n %% %s), n / %s + 1, %s + (n %% (%s - %s + 1)), 'bench', "
            "now() - random() * interval '365 days' FROM generate_series(0, %s - 1) AS n",
            [first, conversations, conversations, low, high, low, messages],
        )
    creator = users[0]
    events = max(1, rsvps // 100)
    sessions = []
    for index in range(events):
        start = now + timedelta(days=rng.randint(-360, 60), hours=rng.randint(8, 20))
        event = Event.objects.create(
            organiser_kind=Event.OrganiserKind.PLATFORM,
            created_by_id=creator,
            original_language="fr",
            title_fr=f"Rencontre {index}",
            mode=Event.Mode.IN_PERSON,
            city="Paris",
            country=rng.choice(COUNTRIES),
            start=start,
            end=start + timedelta(hours=2),
            visibility=Event.Visibility.PUBLIC,
        )
        occurrence = Occurrence.objects.filter(event=event).first() or Occurrence.objects.create(
            event=event, original_start=start, start=start, end=start + timedelta(hours=2)
        )
        sessions.append(occurrence)
    answers = []
    for occurrence in sessions:
        past = occurrence.start < now
        for user_id in rng.sample(users, 100):
            going = rng.random() < 0.8
            answers.append(
                RSVP(
                    occurrence=occurrence,
                    user_id=user_id,
                    status=RSVP.Status.GOING if going else RSVP.Status.INTERESTED,
                    checked_in_at=occurrence.start if past and going and rng.random() < 0.6 else None,
                )
            )
    RSVP.objects.bulk_create(answers[:rsvps], batch_size=5000)
    groups = [
        CommunityGroup.objects.create(slug=f"group-{i}", kind="geographic", name=f"Group {i}")
        for i in range(50)
    ]
    Post.objects.bulk_create(
        [
            Post(
                group=rng.choice(groups),
                author_id=rng.choice(users),
                body="Bench post.",
                created_at=now - timedelta(days=rng.randint(0, 365)),
            )
            for _ in range(5000)
        ],
        batch_size=5000,
    )


def _quantiles(values):
    q = statistics.quantiles(values, n=100, method="inclusive")
    return f"p50 {q[49]:7.1f} ms   p95 {q[94]:7.1f} ms   max {max(values):7.1f} ms  (n={len(values)})"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--projects", type=int, default=20_000)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--rsvps", type=int, default=50_000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument(
        "--narrowed",
        choices=["all", "measured"],
        default="all",
        help="precompute every filter value as the nightly task does, or only the three pages measured",
    )
    args = parser.parse_args()

    django_setup(PG_URL if args.reuse else fresh_database("postgres", sqlite_name="", postgres_url=PG_URL))
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from allauth.mfa.utils import is_mfa_enabled

    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from accounts.factories import UserFactory
    from accounts.roles import ANALYST
    from community.messaging.models import Message
    from community.profiles.models import Profile, Project
    from events.models import RSVP

    started = time.perf_counter()
    rng = random.Random(20261206)
    if not args.reuse:
        call_command("migrate", verbosity=0, interactive=False)
        migrated = time.perf_counter()
        _members(args.members, args.projects, rng)
        _sql_fill(args.messages, args.rsvps, rng)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        print(f"migrate {migrated - started:.0f} s, generation {time.perf_counter() - migrated:.0f} s")
    print(
        f"{Profile.objects.count()} members, {Project.objects.count()} projects, "
        f"{Message.objects.count()} messages, {RSVP.objects.count()} answers to events"
    )

    setup_test_environment()
    analyst = UserFactory(email="analyst@bench.example", roles=[ANALYST])
    if not is_mfa_enabled(analyst):
        TOTP.activate(analyst, generate_totp_secret())
    client = Client()
    client.force_login(analyst)

    def measure(label, query):
        response = client.get(f"/fr/dashboard/{query}")
        assert response.status_code == 200, response.status_code
        times = []
        for _ in range(args.requests):
            start = time.perf_counter()
            response = client.get(f"/fr/dashboard/{query}")
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
        print(f"GET /fr/dashboard/{query} ({label}): {_quantiles(times)}")

    from django.core.cache import cache

    from dashboards.aggregates import aggregates_compute, aggregates_compute_narrowed, narrowed_values

    country, label, sector = "?country=FR&period=52", "?label=verified", "?sector=digital"
    cache.clear()
    measure("whole page, computed live", "")
    measure("filtered by country, live", country)
    measure("filtered by label, live", label)
    measure("filtered by sector, live", sector)
    start = time.perf_counter()
    stored = aggregates_compute()
    print(f"daily aggregates task, unfiltered: {stored} panel figures in {time.perf_counter() - start:.1f} s")
    values = narrowed_values()
    if args.narrowed == "measured":
        values = [("country", "FR"), ("label", "verified"), ("sector", "digital")]
    per_name = {}
    for name, value in values:
        start = time.perf_counter()
        count = aggregates_compute_narrowed(name, value)
        took = per_name.setdefault(name, [0, 0, 0.0])
        took[0], took[1], took[2] = took[0] + 1, took[1] + count, took[2] + time.perf_counter() - start
    for name, (n, count, seconds) in per_name.items():
        print(f"daily aggregates per {name}: {n} values, {count} panel figures in {seconds:.1f} s")
    measure("whole page, from the daily aggregates", "")
    measure("filtered by country, from the aggregates", country)
    measure("filtered by label, from the aggregates", label)
    measure("filtered by sector, from the aggregates", sector)
    measure("filtered by country and sector (two filters: live)", "?country=FR&sector=digital")

    # The maps' own cost: drawing both SVG maps with a figure for every place, as the page does.
    from django.utils import translation

    from dashboards.maps import choropleth, geometry
    from dashboards.selectors import shown

    with translation.override("fr"):
        times = []
        for _ in range(args.requests):
            start = time.perf_counter()
            for kind in ("world", "morocco"):
                keys = [shape["code"] for shape in geometry(kind)["shapes"]]
                rows = [[key, rng.randint(5, 5000)] for key in keys]
                choropleth(kind, keys, rows, [[k, shown(v)] for k, v in rows], title_id="t", shown=shown)
            times.append((time.perf_counter() - start) * 1000)
        print(f"both maps drawn (every place with a figure): {_quantiles(times)}")


if __name__ == "__main__":
    main()
