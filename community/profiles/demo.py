"""Demo members: ``seed_profiles(count=300)`` — idempotent, deterministic, across 20 countries."""

import random

from django.contrib.auth import get_user_model
from django.db import transaction

from accounts.services import user_role_assign
from privacy.models import ConsentRecord
from privacy.selectors import notice_current
from privacy.services import consent_record

from .choices import Region
from .models import Profile, RelayCoverage
from .services import profile_save, project_save

NAMES = [
    ("Mohamed", "محمد"),
    ("Fatima Zahra", "فاطمة الزهراء"),
    ("Youssef", "يوسف"),
    ("Khadija", "خديجة"),
    ("Ahmed", "أحمد"),
    ("Salma", "سلمى"),
    ("Omar", "عمر"),
    ("Nadia", "نادية"),
    ("Hassan", "حسن"),
    ("Imane", "إيمان"),
    ("Karim", "كريم"),
    ("Laila", "ليلى"),
    ("Rachid", "رشيد"),
    ("Samira", "سميرة"),
    ("Mehdi", "مهدي"),
    ("Zineb", "زينب"),
    ("Hamza", "حمزة"),
    ("Asmae", "أسماء"),
    ("Anas", "أنس"),
    ("Meryem", "مريم"),
]
FAMILY = [
    ("Alaoui", "العلوي"),
    ("Benali", "بنعلي"),
    ("El Idrissi", "الإدريسي"),
    ("Tazi", "التازي"),
    ("Bennani", "بناني"),
    ("Chraibi", "الشرايبي"),
    ("Amrani", "العمراني"),
    ("Berrada", "برادة"),
    ("El Fassi", "الفاسي"),
    ("Ouazzani", "الوزاني"),
    ("Lahlou", "لحلو"),
    ("Naciri", "الناصري"),
    ("Kettani", "الكتاني"),
    ("Ziani", "الزياني"),
    ("Mansouri", "المنصوري"),
    ("Azzouzi", "العزوزي"),
]
PLACES = [
    ("FR", ["Paris", "Lyon", "Marseille", "Lille"]),
    ("ES", ["Madrid", "Barcelona"]),
    ("IT", ["Milano", "Torino"]),
    ("BE", ["Bruxelles", "Anvers"]),
    ("NL", ["Amsterdam", "Rotterdam"]),
    ("DE", ["Berlin", "Düsseldorf"]),
    ("GB", ["London", "Manchester"]),
    ("CA", ["Montréal", "Toronto"]),
    ("US", ["New York", "San Francisco"]),
    ("AE", ["Dubai", "Abu Dhabi"]),
    ("SA", ["Riyadh", "Jeddah"]),
    ("QA", ["Doha"]),
    ("CH", ["Genève", "Zürich"]),
    ("SE", ["Stockholm"]),
    ("NO", ["Oslo"]),
    ("TR", ["Istanbul"]),
    ("SN", ["Dakar"]),
    ("CI", ["Abidjan"]),
    ("JP", ["Tokyo"]),
    ("AU", ["Sydney"]),
]
PROFILES = [
    (
        "Data engineer",
        "digital",
        ["Python", "Data engineering", "Cloud"],
        "Builds data platforms for retail banks.",
    ),
    (
        "Cardiologist",
        "health",
        ["Cardiology", "Telemedicine"],
        "Hospital cardiologist, interested in telemedicine.",
    ),
    ("Ingénieure en hydrologie", "energy", ["Hydrologie", "SIG"], "Gestion de l’eau dans les zones arides."),
    ("Solar energy consultant", "energy", ["Solar energy", "Project finance"], "Designs solar farms."),
    (
        "Professeur d’économie",
        "education",
        ["Économie", "Statistiques"],
        "Enseigne l’économie du développement.",
    ),
    (
        "Supply chain manager",
        "transport",
        ["Logistics", "Supply chain"],
        "Runs logistics for a port operator.",
    ),
    ("Avocate d’affaires", "law", ["Droit des affaires", "Arbitrage"], "Droit des sociétés et arbitrage."),
    (
        "Chef et restaurateur",
        "tourism",
        ["Gastronomie", "Gestion hôtelière"],
        "Cuisine marocaine contemporaine.",
    ),
    ("Agronomist", "agriculture", ["Agronomy", "Irrigation"], "Drip irrigation and argan cooperatives."),
    ("مهندس برمجيات", "digital", ["تطوير الويب", "Python"], "مهندس برمجيات في شركة ناشئة للتقنية المالية."),
    ("Architecte", "construction", ["Architecture", "BIM"], "Bâtiments bioclimatiques."),
    (
        "Investment banker",
        "finance",
        ["Corporate finance", "M&A"],
        "Mid-market deals between Europe and Africa.",
    ),
]
PROJECTS = [
    (
        "Coopérative d’argan solaire",
        "agriculture",
        "launched",
        "souss-massa",
        "100k-1m",
        ["Export", "Marketing"],
    ),
    ("Telemedicine for rural clinics", "health", "prototype", "draa-tafilalet", "1m-10m", ["Telemedicine"]),
    ("École de code à Oujda", "education", "idea", "oriental", "lt-100k", ["Python", "Pédagogie"]),
    ("Cold chain for fisheries", "transport", "scaling", "dakhla-oued-ed-dahab", "gt-10m", ["Logistics"]),
]
REGIONS = Region.values


def _email(index):
    return f"demo.member{index:03d}@kafaat.example"


@transaction.atomic
def seed_profiles(count=300) -> int:
    """Create the demo members that do not exist yet; returns how many were created."""
    rng = random.Random(908)  # noqa: S311 (demo data, not security)
    User = get_user_model()
    has_notice = notice_current() is not None
    created = 0
    for index in range(count):
        first, first_ar = NAMES[index % len(NAMES)]
        last, last_ar = FAMILY[(index * 7) % len(FAMILY)]
        country, cities = PLACES[index % len(PLACES)]
        headline, sector, skills, bio = PROFILES[index % len(PROFILES)]
        choice = rng.random()  # drawn on every pass so that reruns stay deterministic
        user, new_user = User.objects.get_or_create(
            email=_email(index), defaults={"first_name": first, "last_name": last, "preferred_language": "fr"}
        )
        if new_user:
            user.set_unusable_password()
            user.save(update_fields=["password"])
            user_role_assign(user, "member")
        if Profile.objects.filter(user=user).exists():
            continue
        profile = profile_save(
            user=user,
            data={
                "display_name": f"{first} {last}",
                "name_arabic": f"{first_ar} {last_ar}",
                "country": country,
                "city": cities[index % len(cities)],
                "region_of_origin": REGIONS[index % len(REGIONS)],
                "headline": headline,
                "bio": bio,
                "sectors": [sector],
                "years_experience": 3 + index % 25,
                "languages": [
                    "ar",
                    "fr",
                    *(["en"] if index % 2 else ["es"]),
                    *(["zgh"] if index % 5 == 0 else []),
                ],
                "contributions": ["mentoring", "expertise", "investment"][: 1 + index % 3],
                "availability": ["hours-month", "days-year", "mission", "not-now"][index % 4],
                "vis_name": 0 if index % 3 == 0 else 1,
                "vis_about": 0 if index % 3 == 0 else 1,
            },
            skills=skills,
        )
        if index % 6 == 0:
            title, p_sector, stage, region, funding, needed = PROJECTS[index % len(PROJECTS)]
            project_save(
                profile=profile,
                data={
                    "title": title,
                    "summary": f"{title}: {bio}",
                    "sector": p_sector,
                    "stage": stage,
                    "region": region,
                    "funding_need": funding,
                    "help_needed": ["mentoring", "investment"],
                    "visibility": 1,
                },
                skills=needed,
            )
        if (
            has_notice
            and choice < 0.85
            and not ConsentRecord.objects.filter(user=user, purpose="directory").exists()
        ):
            consent_record(user=user, purpose="directory", granted=True, source="settings")
        created += 1
    return created


def seed_relay_coverage(relay_email="relay@kafaat.localhost", countries=("FR", "BE", "ES")):
    """The demo relay follows the members and projects of a few countries. Idempotent."""
    relay = get_user_model().objects.filter(email=relay_email).first()
    if relay is not None:
        RelayCoverage.objects.update_or_create(relay=relay, defaults={"countries": list(countries)})
