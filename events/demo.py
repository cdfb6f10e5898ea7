"""Demo events (``seed_demo`` calls this after the groups and spaces): about 30 events over the next
three months, by the platform, the demo groups and the consular relay, some weekly or monthly, some
full with a waiting list. Idempotent: each demo event has a fixed UUID."""

import uuid
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from recurrence import MONTHLY, WEEKLY, Recurrence, Rule, Weekday

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from community.groups.models import CommunityGroup
from community.spaces.models import Space

from . import services
from .models import RSVP, Event

NAMESPACE = uuid.UUID("5a4f3c1e-8d1b-4b7e-9a51-6f0c2e7d9b10")

PLACES = {
    "paris": ("Maison du Maroc", "1 boulevard Jourdan", "Paris", "FR", "Europe/Paris"),
    "bruxelles": ("Espace Dar al Amal", "Rue de la Loi 20", "Bruxelles", "BE", "Europe/Brussels"),
    "madrid": ("Casa Árabe", "Calle Alcalá 62", "Madrid", "ES", "Europe/Madrid"),
    "montreal": ("Centre culturel marocain", "515 rue Viger Est", "Montréal", "CA", "America/Toronto"),
    "dubai": ("Dubai World Trade Centre", "Sheikh Zayed Road", "Dubaï", "AE", "Asia/Dubai"),
    "londres": ("Moroccan Community Centre", "Acklam Road", "Londres", "GB", "Europe/London"),
    "online": ("", "", "", "", "Africa/Casablanca"),
}

# key, (title fr, ar, en), theme, place, organiser, visibility, repeats, day offset, hour, capacity, fill
EVENTS = [
    (
        "cafe-tech",
        ("Café tech du mardi", "مقهى التقنية يوم الثلاثاء", "Tuesday tech café"),
        "digital",
        "paris",
        "group:numerique",
        "public",
        "weekly",
        2,
        19,
        12,
        "full",
    ),
    (
        "sante-webinaire",
        (
            "Webinaire : exercer la médecine au Maroc",
            "ندوة عن بُعد: ممارسة الطب في المغرب",
            "Webinar: practising medicine in Morocco",
        ),
        "health",
        "online",
        "group:sante",
        "public",
        None,
        5,
        18,
        None,
        "some",
    ),
    (
        "permanence-consulaire",
        ("Permanence du relais consulaire", "الديمومة الأسبوعية للمنسق القنصلي", "Consular relay drop-in"),
        "law",
        "paris",
        "relay",
        "members",
        "weekly",
        3,
        10,
        6,
        "full",
    ),
    (
        "investisseurs-mensuel",
        (
            "Club des investisseurs : tour de table",
            "نادي المستثمرين: جولة تمويل",
            "Investor club: funding round",
        ),
        "finance",
        "online",
        "platform",
        "space",
        "monthly",
        9,
        18,
        20,
        "some",
    ),
    (
        "energie-solaire",
        ("Atelier énergie solaire", "ورشة الطاقة الشمسية", "Solar energy workshop"),
        "energy",
        "madrid",
        "group:energies-renouvelables",
        "public",
        None,
        12,
        17,
        25,
        "some",
    ),
    (
        "agro-export",
        (
            "Exporter l'agroalimentaire marocain",
            "تصدير المنتجات الغذائية المغربية",
            "Exporting Moroccan agrifood",
        ),
        "agriculture",
        "bruxelles",
        "group:agroalimentaire",
        "public",
        None,
        15,
        14,
        40,
        None,
    ),
    (
        "montreal-afterwork",
        ("Afterwork de Montréal", "لقاء ما بعد العمل في مونتريال", "Montreal afterwork"),
        "consulting",
        "montreal",
        "group:montreal",
        "public",
        "monthly",
        6,
        18,
        30,
        "some",
    ),
    (
        "bruxelles-reseau",
        (
            "Réseau de Bruxelles : rencontre mensuelle",
            "شبكة بروكسل: اللقاء الشهري",
            "Brussels network: monthly meetup",
        ),
        "social",
        "bruxelles",
        "group:bruxelles",
        "group",
        "monthly",
        8,
        19,
        25,
        "some",
    ),
    (
        "madrid-mentorat",
        ("Mentorat entre pairs à Madrid", "الإرشاد بين الأقران في مدريد", "Peer mentoring in Madrid"),
        "education",
        "madrid",
        "group:madrid",
        "public",
        "weekly",
        4,
        19,
        8,
        "full",
    ),
    (
        "finance-participative",
        (
            "Finance participative : mode d'emploi",
            "التمويل التشاركي: دليل الاستعمال",
            "Participatory finance explained",
        ),
        "finance",
        "online",
        "group:finance",
        "public",
        None,
        20,
        20,
        None,
        None,
    ),
    (
        "forum-dubai",
        ("Forum des compétences du Golfe", "منتدى كفاءات الخليج", "Gulf skills forum"),
        "consulting",
        "dubai",
        "platform",
        "public",
        None,
        30,
        10,
        150,
        "some",
    ),
    (
        "londres-fintech",
        ("Rencontre fintech à Londres", "لقاء التكنولوجيا المالية في لندن", "Fintech meetup in London"),
        "finance",
        "londres",
        "platform",
        "public",
        None,
        26,
        18,
        3,
        "full",
    ),
    (
        "paris-entrepreneurs",
        ("Petit-déjeuner des entrepreneurs", "فطور رواد الأعمال", "Entrepreneurs' breakfast"),
        "trade",
        "paris",
        "group:paris",
        "public",
        "monthly",
        11,
        8,
        20,
        "some",
    ),
    (
        "cnss-retraite",
        (
            "Vos droits à la retraite entre deux pays",
            "حقوقك في التقاعد بين بلدين",
            "Your pension rights across two countries",
        ),
        "law",
        "online",
        "relay",
        "public",
        None,
        18,
        18,
        None,
        "some",
    ),
    (
        "tourisme-solidaire",
        ("Tourisme solidaire dans l'Atlas", "السياحة التضامنية في الأطلس", "Solidarity tourism in the Atlas"),
        "tourism",
        "paris",
        "platform",
        "public",
        None,
        33,
        18,
        60,
        None,
    ),
    (
        "hackathon",
        (
            "Hackathon : services publics numériques",
            "هاكاثون: الخدمات العمومية الرقمية",
            "Hackathon: digital public services",
        ),
        "digital",
        "paris",
        "group:numerique",
        "public",
        None,
        40,
        9,
        50,
        "some",
    ),
    (
        "sante-mission",
        ("Préparer une mission médicale", "التحضير لقافلة طبية", "Preparing a medical mission"),
        "health",
        "bruxelles",
        "group:sante",
        "group",
        None,
        23,
        19,
        15,
        "some",
    ),
    (
        "relais-madrid",
        ("Journée consulaire à Madrid", "اليوم القنصلي في مدريد", "Consular day in Madrid"),
        "law",
        "madrid",
        "relay",
        "public",
        None,
        28,
        9,
        80,
        "some",
    ),
    (
        "energie-hydrogene",
        (
            "Hydrogène vert : projets au Maroc",
            "الهيدروجين الأخضر: مشاريع في المغرب",
            "Green hydrogen: projects in Morocco",
        ),
        "energy",
        "online",
        "group:energies-renouvelables",
        "public",
        None,
        45,
        17,
        None,
        None,
    ),
    (
        "agro-cooperatives",
        (
            "Coopératives agricoles et diaspora",
            "التعاونيات الفلاحية والجالية",
            "Farm cooperatives and the diaspora",
        ),
        "agriculture",
        "online",
        "group:agroalimentaire",
        "members",
        None,
        50,
        18,
        100,
        None,
    ),
    (
        "culture-cinema",
        ("Ciné-débat : cinéma marocain", "سينما ونقاش: السينما المغربية", "Film and debate: Moroccan cinema"),
        "culture",
        "paris",
        "platform",
        "public",
        None,
        37,
        20,
        4,
        "full",
    ),
    (
        "montreal-emploi",
        ("Trouver un emploi qualifié au Canada", "إيجاد عمل مؤهل في كندا", "Finding skilled work in Canada"),
        "consulting",
        "montreal",
        "group:montreal",
        "public",
        None,
        22,
        18,
        40,
        "some",
    ),
    (
        "logistique-ports",
        (
            "Logistique portuaire : Tanger Med",
            "اللوجستيك المينائي: طنجة المتوسط",
            "Port logistics: Tanger Med",
        ),
        "transport",
        "online",
        "platform",
        "public",
        None,
        55,
        16,
        None,
        None,
    ),
    (
        "btp-experts",
        (
            "Experts du BTP : chantiers au Maroc",
            "خبراء البناء: أوراش في المغرب",
            "Construction experts: sites in Morocco",
        ),
        "construction",
        "bruxelles",
        "platform",
        "members",
        None,
        60,
        18,
        30,
        None,
    ),
    (
        "investisseurs-visite",
        (
            "Visite virtuelle de zones industrielles",
            "زيارة افتراضية للمناطق الصناعية",
            "Virtual tour of industrial zones",
        ),
        "industry",
        "online",
        "platform",
        "space",
        None,
        35,
        15,
        25,
        "some",
    ),
    (
        "education-bourses",
        ("Bourses et études au Maroc", "المنح والدراسة في المغرب", "Scholarships and study in Morocco"),
        "education",
        "online",
        "platform",
        "public",
        None,
        65,
        18,
        None,
        None,
    ),
    (
        "paris-startups",
        ("Pitch de startups de la diaspora", "عروض الشركات الناشئة للجالية", "Diaspora startup pitches"),
        "digital",
        "paris",
        "group:paris",
        "public",
        None,
        70,
        18,
        5,
        "full",
    ),
    (
        "londres-sante",
        (
            "Soignants au Royaume-Uni : rencontre",
            "لقاء مهنيي الصحة في المملكة المتحدة",
            "Health workers in the UK: meetup",
        ),
        "health",
        "londres",
        "group:sante",
        "public",
        None,
        75,
        18,
        30,
        None,
    ),
    (
        "madrid-commerce",
        (
            "Commerce entre l'Espagne et le Maroc",
            "التجارة بين إسبانيا والمغرب",
            "Trade between Spain and Morocco",
        ),
        "trade",
        "madrid",
        "relay",
        "public",
        None,
        82,
        18,
        50,
        "some",
    ),
    (
        "bilan-trimestre",
        ("Bilan du trimestre de la communauté", "حصيلة فصل الجالية", "Community quarter review"),
        "social",
        "online",
        "platform",
        "public",
        None,
        88,
        18,
        None,
        None,
    ),
]

ONLINE_URL = "https://meet.kafaat.example/{key}"


def _user(email):
    return get_user_model().objects.filter(email=email).first()


def _organiser(spec, team):
    if spec == "platform":
        return {
            "organiser_kind": Event.OrganiserKind.PLATFORM,
            "created_by": _user("editor@kafaat.localhost") or team,
        }
    if spec == "relay":
        relay = _user("relay@kafaat.localhost")
        if relay is not None:
            return {"organiser_kind": Event.OrganiserKind.RELAY, "relay": relay, "created_by": relay}
        return {"organiser_kind": Event.OrganiserKind.PLATFORM, "created_by": team}
    group = CommunityGroup.objects.filter(slug=spec.split(":", 1)[1]).first()
    if group is None:
        return {"organiser_kind": Event.OrganiserKind.PLATFORM, "created_by": team}
    return {
        "organiser_kind": Event.OrganiserKind.GROUP,
        "group": group,
        "created_by": group.created_by or team,
    }


def _recurrence(repeat, start):
    if repeat == "weekly":
        return Recurrence(rrules=[Rule(WEEKLY, byday=[Weekday(start.weekday())], count=12)])
    if repeat == "monthly":
        nth = min((start.day - 1) // 7 + 1, 4)
        return Recurrence(rrules=[Rule(MONTHLY, byday=[Weekday(start.weekday(), nth)], count=3)])
    return None


@transaction.atomic
def seed_events() -> int:
    """Create the demo events that do not exist yet, with answers; returns how many were created."""
    team = _user("animation@kafaat.example") or _user("admin@kafaat.localhost")
    if team is None:
        return 0
    members = list(get_user_model().objects.filter(email__startswith="demo.member").order_by("email")[:60])
    member = _user("member@kafaat.localhost")
    space = Space.objects.filter(slug="investor-club").first()
    today = timezone.localdate()
    created = 0
    for index, (
        key,
        titles,
        theme,
        place,
        organiser,
        visibility,
        repeat,
        offset,
        hour,
        capacity,
        fill,
    ) in enumerate(EVENTS):
        uid = uuid.uuid5(NAMESPACE, key)
        if Event.objects.filter(uid=uid).exists():
            continue
        venue, address, city, country, zone = PLACES[place]
        tz = ZoneInfo(zone)
        day = today + timedelta(days=offset)
        start = datetime.combine(day, time(hour, 0), tzinfo=tz)
        mode = (
            Event.Mode.ONLINE
            if place == "online"
            else (Event.Mode.HYBRID if index % 4 == 0 else Event.Mode.IN_PERSON)
        )
        fields = _organiser(organiser, team)
        if visibility == "group" and "group" not in fields:
            visibility = "members"
        if visibility == "space" and space is None:
            visibility = "members"
        event = Event.objects.create(
            uid=uid,
            original_language="fr",
            title_fr=titles[0],
            title_ar=titles[1],
            title_en=titles[2],
            description_fr=f"{titles[0]} — rencontre proposée aux membres de Kafaat.",
            description_ar=f"{titles[1]} — لقاء مقترح على أعضاء كفاءات.",
            description_en=f"{titles[2]} — a meetup for Kafaat members.",
            theme=theme,
            mode=mode,
            venue=venue,
            address=address,
            city=city,
            country=country,
            online_url=ONLINE_URL.format(key=key) if mode != Event.Mode.IN_PERSON else "",
            start=start,
            end=start + timedelta(hours=2),
            time_zone=zone,
            recurrence=_recurrence(repeat, start),
            visibility=visibility,
            space=space if visibility == "space" else None,
            capacity=capacity,
            questions=["Votre secteur d'activité ?"] if index % 5 == 0 else [],
            questions_ar=["ما هو قطاع نشاطك؟"] if index % 5 == 0 else [],
            questions_en=["What is your line of work?"] if index % 5 == 0 else [],
            **fields,
        )
        created += 1
        _answers(event, members, member, fill, index)
    return created


def _answers(event, members, member, fill, index):
    if not fill or not members:
        return
    going = event.capacity + 3 if (fill == "full" and event.capacity) else 4 + index % 5
    pool = members[index % 20 :] + members[: index % 20]
    answers = [(user, RSVP.Status.GOING) for user in pool[:going]]
    answers += [(user, RSVP.Status.INTERESTED) for user in pool[going : going + 2]]
    if member is not None and index % 3 == 0:
        answers.append((member, RSVP.Status.GOING))
    for user, status in answers:
        try:
            services.rsvp_set(user=user, event=event, original_start=event.start, status=status)
        except services.EventError:
            continue  # a member outside a group's or a space's events: the gate says no, as it should
