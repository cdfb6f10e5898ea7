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
# Ten kinds of project, each in the language its holder writes in, placed in five towns: fifty distinct
# projects whose summary says what the project is (not its holder's job).
PROJECTS = [
    (
        "Coopérative d’argan solaire à {town}",
        "Séchage et pressage de l’argan à l’énergie solaire pour une coopérative de femmes de {town} ; "
        "nous cherchons des acheteurs à l’export et un plan de marketing.",
        "agriculture",
        "launched",
        "100k-1m",
        ["Export", "Marketing"],
        [
            ("Taroudant", "souss-massa"),
            ("Essaouira", "marrakech-safi"),
            ("Tiznit", "souss-massa"),
            ("Agadir", "souss-massa"),
            ("Guelmim", "guelmim-oued-noun"),
        ],
    ),
    (
        "Telemedicine for rural clinics around {town}",
        "Video consultations with specialists for three rural clinics around {town}: we need cardiologists "
        "and a partner for the connectivity.",
        "health",
        "prototype",
        "1m-10m",
        ["Telemedicine", "Cardiology"],
        [
            ("Errachidia", "draa-tafilalet"),
            ("Zagora", "draa-tafilalet"),
            ("Azilal", "beni-mellal-khenifra"),
            ("Ifrane", "fes-meknes"),
            ("Chefchaouen", "tanger-tetouan-al-hoceima"),
        ],
    ),
    (
        "École de code à {town}",
        "Une école gratuite de développement web pour les jeunes de {town}, en dix mois ; il nous faut des "
        "mentors en Python et une pédagogie par projets.",
        "education",
        "idea",
        "lt-100k",
        ["Python", "Pédagogie"],
        [
            ("Oujda", "oriental"),
            ("Nador", "oriental"),
            ("Fès", "fes-meknes"),
            ("Kénitra", "rabat-sale-kenitra"),
            ("Safi", "marrakech-safi"),
        ],
    ),
    (
        "Cold chain for the fisheries of {town}",
        "Refrigerated storage and transport so that the small-scale fishermen of {town} sell fresh fish "
        "inland; we look for logistics expertise and investors.",
        "fisheries",
        "scaling",
        "gt-10m",
        ["Logistics", "Supply chain"],
        [
            ("Dakhla", "dakhla-oued-ed-dahab"),
            ("Laâyoune", "laayoune-sakia-el-hamra"),
            ("Tan-Tan", "guelmim-oued-noun"),
            ("Larache", "tanger-tetouan-al-hoceima"),
            ("Al Hoceïma", "tanger-tetouan-al-hoceima"),
        ],
    ),
    (
        "منصة رقمية لتعاونيات {town}",
        "متجر إلكتروني لتعاونيات الصناعة التقليدية في {town} لبيع منتجاتها في الخارج؛ نبحث عن خبرة في "
        "تطوير الويب والتسويق الرقمي.",
        "e-commerce",
        "prototype",
        "100k-1m",
        ["تطوير الويب", "Marketing"],
        [
            ("فاس", "fes-meknes"),
            ("مراكش", "marrakech-safi"),
            ("تطوان", "tanger-tetouan-al-hoceima"),
            ("سلا", "rabat-sale-kenitra"),
            ("مكناس", "fes-meknes"),
        ],
    ),
    (
        "Solar pumping for farms near {town}",
        "Replacing diesel pumps with solar ones on forty family farms near {town}; we need an engineer in "
        "solar energy and help to structure the financing.",
        "renewable-energy",
        "idea",
        "1m-10m",
        ["Solar energy", "Project finance"],
        [
            ("Béni Mellal", "beni-mellal-khenifra"),
            ("Berkane", "oriental"),
            ("Settat", "casablanca-settat"),
            ("Ouarzazate", "draa-tafilalet"),
            ("Khénifra", "beni-mellal-khenifra"),
        ],
    ),
    (
        "Maison d’hôtes écologique à {town}",
        "Rénovation d’une maison de terre à {town} en maison d’hôtes bioclimatique, avec une cuisine du "
        "terroir ; nous cherchons un architecte et des conseils en gestion hôtelière.",
        "tourism",
        "launched",
        "100k-1m",
        ["Architecture", "Gestion hôtelière"],
        [
            ("Skoura", "draa-tafilalet"),
            ("Imlil", "marrakech-safi"),
            ("Merzouga", "draa-tafilalet"),
            ("Asilah", "tanger-tetouan-al-hoceima"),
            ("Sefrou", "fes-meknes"),
        ],
    ),
    (
        "Water management for the oases of {town}",
        "Mapping the khettaras of {town} and planning their repair with the farmers who use them; "
        "we need hydrologists and GIS skills.",
        "water",
        "prototype",
        "lt-100k",
        ["Hydrologie", "SIG"],
        [
            ("Tinghir", "draa-tafilalet"),
            ("Figuig", "oriental"),
            ("Tata", "souss-massa"),
            ("Assa", "guelmim-oued-noun"),
            ("Goulmima", "draa-tafilalet"),
        ],
    ),
    (
        "Atelier de tissage connecté à {town}",
        "Un atelier de tapis de {town} qui vend en direct aux décorateurs européens ; nous cherchons de "
        "l’aide en droit des affaires pour l’export et en logistique.",
        "crafts",
        "scaling",
        "100k-1m",
        ["Droit des affaires", "Logistics"],
        [
            ("Taznakht", "souss-massa"),
            ("Khémisset", "rabat-sale-kenitra"),
            ("Boujad", "beni-mellal-khenifra"),
            ("Midelt", "draa-tafilalet"),
            ("Azrou", "fes-meknes"),
        ],
    ),
    (
        "Data platform for SMEs in {town}",
        "A shared accounting and data platform for the small businesses of {town}, run with the local "
        "chamber of commerce; we need data engineers and a mentor in corporate finance.",
        "software",
        "idea",
        "1m-10m",
        ["Data engineering", "Corporate finance"],
        [
            ("Casablanca", "casablanca-settat"),
            ("Tanger", "tanger-tetouan-al-hoceima"),
            ("Rabat", "rabat-sale-kenitra"),
            ("Marrakech", "marrakech-safi"),
            ("Mohammedia", "casablanca-settat"),
        ],
    ),
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
    # Every given name with every family name, in a fixed shuffled order: no two demo members share a
    # name (320 combinations for the 300 members of the demo).
    people = [(first, family) for first in NAMES for family in FAMILY]
    random.Random(41).shuffle(people)  # noqa: S311 (demo data, not security)
    for index in range(count):
        (first, first_ar), (last, last_ar) = people[index % len(people)]
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
            holder = index // 6
            title, summary, p_sector, stage, funding, needed, towns = PROJECTS[holder % len(PROJECTS)]
            town, region = towns[(holder // len(PROJECTS)) % len(towns)]
            project_save(
                profile=profile,
                data={
                    "title": title.format(town=town),
                    "summary": summary.format(town=town),
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
