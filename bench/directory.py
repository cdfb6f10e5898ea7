"""Member directory benchmark: 100,000 members, 200 searches with three filters, p50/p95/p99 per backend.

    .venv/bin/python bench/directory.py [--members 100000] [--searches 200] [--postgres]

Builds a throwaway database (SQLite under var/bench/, and with --postgres the PostgreSQL database
kafaat_bench), fills it with bulk_create, then times the selector the directory view uses: the viewer's
context, the result count and the first page of 20 cards, as one request would.
"""

import argparse
import os
import random
import statistics
import time

from benchdb import django_setup, fresh_database, run_each_backend

PG_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/kafaat_bench")

LATIN_FIRST = [
    "Mohamed",
    "Fatima",
    "Youssef",
    "Khadija",
    "Ahmed",
    "Salma",
    "Omar",
    "Nadia",
    "Hassan",
    "Imane",
    "Karim",
    "Laila",
    "Rachid",
    "Samira",
    "Mehdi",
    "Zineb",
    "Hamza",
    "Asmae",
    "Anas",
    "Meryem",
]
ARABIC_FIRST = [
    "محمد",
    "فاطمة",
    "يوسف",
    "خديجة",
    "أحمد",
    "سلمى",
    "عمر",
    "نادية",
    "حسن",
    "إيمان",
    "كريم",
    "ليلى",
    "رشيد",
    "سميرة",
    "مهدي",
    "زينب",
    "حمزة",
    "أسماء",
    "أنس",
    "مريم",
]
LATIN_LAST = [
    "Alaoui",
    "Benali",
    "El Idrissi",
    "Tazi",
    "Bennani",
    "Chraibi",
    "Amrani",
    "Berrada",
    "Fassi",
    "Ouazzani",
    "Lahlou",
    "Naciri",
    "Sqalli",
    "Kettani",
    "Ziani",
    "Hajji",
    "Mansouri",
    "Rami",
]
ARABIC_LAST = [
    "العلوي",
    "بنعلي",
    "الإدريسي",
    "التازي",
    "بناني",
    "الشرايبي",
    "العمراني",
    "برادة",
    "الفاسي",
    "الوزاني",
    "لحلو",
    "الناصري",
    "السقلي",
    "الكتاني",
    "الزياني",
    "الحجي",
    "المنصوري",
    "الرامي",
]
COUNTRIES = [
    "FR",
    "ES",
    "IT",
    "BE",
    "NL",
    "DE",
    "GB",
    "CA",
    "US",
    "AE",
    "SA",
    "QA",
    "CH",
    "SE",
    "NO",
    "TR",
    "SN",
    "CI",
    "DZ",
    "TN",
    "PT",
    "JP",
    "CN",
    "AU",
]
CITIES = [
    "Paris",
    "Lyon",
    "Madrid",
    "Barcelona",
    "Milano",
    "Bruxelles",
    "Amsterdam",
    "Berlin",
    "London",
    "Montréal",
    "New York",
    "Dubai",
    "Riyadh",
    "Doha",
    "Genève",
    "Stockholm",
    "Dakar",
    "Abidjan",
]
SKILLS = [
    "Python",
    "Data science",
    "Machine learning",
    "Hydrology",
    "GIS",
    "Civil engineering",
    "Marketing",
    "Finance",
    "Accounting",
    "Cardiology",
    "Nursing",
    "Teaching",
    "Law",
    "Logistics",
    "Supply chain",
    "Solar energy",
    "Wind energy",
    "Agronomy",
    "Irrigation",
    "Tourism",
    "Architecture",
    "Cybersecurity",
    "Cloud",
    "DevOps",
    "Project management",
    "Export",
    "Banking",
    "Insurance",
    "Public policy",
    "Urban planning",
    "Biotechnology",
    "Pharmacy",
    "Journalism",
    "Design",
    "Film",
    "Robotics",
    "Aeronautics",
    "Automotive",
    "Textile",
    "Fisheries",
    "Mining",
    "Telecoms",
    "Blockchain",
    "Java",
    "React",
    "Statistics",
    "Economics",
    "Sociology",
    "Translation",
    "Mentoring",
]
HEADLINES = [
    "Engineer in {s}",
    "Consultant, {s}",
    "{s} researcher",
    "Entrepreneur — {s}",
    "Senior {s} manager",
    "Professor of {s}",
    "Ingénieure {s}",
    "Expert en {s}",
    "{s} specialist",
]
LANGUAGES = ["ar", "zgh", "fr", "en", "es", "de", "nl", "it"]


def _generate(count, rng):
    from community.profiles.choices import Contribution, Region
    from core.sectors import SectorChoice

    regions, sectors, contributions = Region.values, SectorChoice.values, Contribution.values
    from taggit.models import Tag

    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from community.labels.models import Label, LabelGrant
    from community.profiles.models import Profile, TaggedSkill
    from community.profiles.services import profile_denormalise
    from privacy.models import ConsentRecord, PrivacyNotice

    User = get_user_model()
    password = make_password("bench-password-1")
    notice = PrivacyNotice.objects.create(version="bench", published_at=timezone.now())
    tags = {name: Tag.objects.create(name=name, slug=name.lower().replace(" ", "-")) for name in SKILLS}
    label = Label.objects.create(slug="verified", name_fr="Vérifié", name_ar="موثق", name_en="Verified")
    batch = 5000
    for start in range(0, count, batch):
        size = min(batch, count - start)
        users = User.objects.bulk_create(
            [
                User(email=f"member{start + i}@bench.example", password=password, first_name="", last_name="")
                for i in range(size)
            ]
        )
        profiles, skill_sets = [], []
        for user in users:
            first, last = rng.randrange(len(LATIN_FIRST)), rng.randrange(len(LATIN_LAST))
            skills = rng.sample(SKILLS, rng.randint(2, 6))
            profile = Profile(
                user=user,
                display_name=f"{LATIN_FIRST[first]} {LATIN_LAST[last]}",
                name_arabic=f"{ARABIC_FIRST[first]} {ARABIC_LAST[last]}",
                country=rng.choice(COUNTRIES),
                city=rng.choice(CITIES),
                region_of_origin=rng.choice(regions),
                headline=rng.choice(HEADLINES).format(s=skills[0]),
                bio=f"{rng.randint(3, 30)} years in {skills[-1].lower()} and {rng.choice(SKILLS).lower()}.",
                sectors=rng.sample(sectors, rng.randint(1, 3)),
                languages=rng.sample(LANGUAGES, rng.randint(1, 4)),
                contributions=rng.sample(contributions, rng.randint(1, 3)),
                years_experience=rng.randint(1, 35),
                vis_country=rng.choice([0, 1, 1, 1, 2]),
                vis_skills=rng.choice([0, 1, 1, 1, 2]),
                vis_languages=rng.choice([0, 1, 1, 1, 3]),
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
        ConsentRecord.objects.bulk_create(
            [
                ConsentRecord(
                    user=user, purpose="directory", granted=rng.random() < 0.9, notice=notice, source="signup"
                )
                for user in users
            ]
        )
        LabelGrant.objects.bulk_create(
            [LabelGrant(user=user, label=label) for user in users if rng.random() < 0.05]
        )
    viewer = User.objects.create(email="viewer@bench.example", password=password)
    from accounts.services import user_role_assign

    user_role_assign(viewer, "member")
    return viewer


def _searches(n, rng):
    for index in range(n):
        filters = {
            "country": rng.choice(COUNTRIES),
            "skill": rng.choice(SKILLS),
            "language": rng.choice(LANGUAGES),
        }
        query = (
            rng.choice(["engineer", "data", "solar energy", "consultant finance", "ingenieure", "عمر"])
            if index % 2
            else ""
        )
        yield query, filters


def _run_backend(backend, members, searches):
    django_setup(fresh_database(backend, sqlite_name="directory", postgres_url=PG_URL))
    from django.core.management import call_command
    from django.db import connection

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    migrated = time.perf_counter()
    rng = random.Random(20250509)
    viewer = _generate(members, rng)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    generated = time.perf_counter()

    from community.profiles.permissions import viewer_for
    from community.profiles.selectors import PAGE_SIZE, directory_profiles

    timings = {"with text": [], "filters only": []}
    found = []
    for query, filters in _searches(searches, rng):
        start = time.perf_counter()
        context = viewer_for(viewer)
        queryset = directory_profiles(context, query=query, filters=filters)
        total = queryset.count()
        page = list(queryset.prefetch_related("skills")[:PAGE_SIZE])
        timings["with text" if query else "filters only"].append((time.perf_counter() - start) * 1000)
        found.append(total)
        assert len(page) == min(total, PAGE_SIZE)
    every = timings["with text"] + timings["filters only"]
    print(
        f"\n{backend}: {members} members, migrate {migrated - started:.0f} s, "
        f"generation {generated - migrated:.0f} s, {searches} searches "
        f"(mean {statistics.mean(found):.0f} found)"
    )
    for name, values in [("all", every), *timings.items()]:
        q = statistics.quantiles(values, n=100)
        print(
            f"  {name:13s} p50 {q[49]:6.1f} ms   p95 {q[94]:6.1f} ms   p99 {q[98]:6.1f} ms  (n={len(values)})"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--searches", type=int, default=200)
    parser.add_argument(
        "--postgres", action="store_true", help="also run on PostgreSQL (database kafaat_bench)"
    )
    parser.add_argument("--backend", choices=["sqlite", "postgres"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.backend:
        _run_backend(args.backend, args.members, args.searches)
        return
    run_each_backend(
        __file__,
        postgres=args.postgres,
        arguments=["--members", str(args.members), "--searches", str(args.searches)],
    )


if __name__ == "__main__":
    main()
