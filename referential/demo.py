"""Demo referential: three sources with small imports, some rows rejected, some people overlapping.

Runs the real pipeline (upload, mapping, commit) on files generated here, so the demo shows what an
analyst would see. A share of the people are demo members (same email, a spelling variant of the
name, the Arabic name) so that record linkage has something to find. Idempotent and deterministic.
"""

import csv
import datetime
import io
import random

from openpyxl import Workbook

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from community.profiles.demo import FAMILY, NAMES, PLACES, _email

from . import services
from .models import Source

SPELLINGS = {
    "Mohamed": ["Mohammed", "Mhamed", "Muhammad"],
    "Youssef": ["Yousef", "Youssouf"],
    "Ahmed": ["Ahmad"],
    "Fatima Zahra": ["Fatima-Zahra", "Fatimazahra"],
    "Meryem": ["Maryam", "Meriem"],
    "Asmae": ["Asmaa"],
    "El Idrissi": ["Idrissi", "Al Idrissi"],
    "El Fassi": ["Al Fassi", "Elfassi"],
    "Chraibi": ["Chraïbi"],
}
SOURCES = [
    {
        "name": "Consulat général du Maroc à Paris",
        "kind": Source.Kind.CONSULATE,
        "country": "FR",
        "contact_name": "Service social",
        "contact_email": "social@consulat-paris.example",
        "contact_phone": "+33 1 00 00 00 00",
        "trust": 5,
    },
    {
        "name": "Office des compétences à l’étranger",
        "kind": Source.Kind.PUBLIC_BODY,
        "country": "MA",
        "contact_name": "Direction des études",
        "contact_email": "etudes@office-competences.example",
        "trust": 4,
    },
    {
        "name": "Réseau des ingénieurs marocains d’Europe",
        "kind": Source.Kind.NETWORK,
        "country": "BE",
        "contact_name": "Secrétariat",
        "contact_email": "contact@reseau-ingenieurs.example",
        "trust": 2,
    },
]


def _member(index):
    """A demo member as community.profiles.demo made them (same formulas)."""
    first, first_ar = NAMES[index % len(NAMES)]
    last, last_ar = FAMILY[(index * 7) % len(FAMILY)]
    country, cities = PLACES[index % len(PLACES)]
    return {
        "given": first,
        "family": last,
        "arabic": f"{first_ar} {last_ar}",
        "email": _email(index),
        "country": country,
        "city": cities[index % len(cities)],
    }


def _variant(rng, name):
    return rng.choice(SPELLINGS[name]) if name in SPELLINGS and rng.random() < 0.5 else name


def _birth(rng):
    return datetime.date(1960, 1, 1) + datetime.timedelta(days=rng.randrange(0, 365 * 40))


def _people(rng, count, members):
    """Rows of people: ``members`` demo members (variant names) then new people."""
    people = []
    for index in members:
        member = _member(index)
        people.append(
            {**member, "given": _variant(rng, member["given"]), "family": _variant(rng, member["family"])}
        )
    for _n in range(count - len(people)):
        first, first_ar = rng.choice(NAMES)
        last, last_ar = rng.choice(FAMILY)
        country, cities = rng.choice(PLACES)
        slug = f"{first}.{last}".lower().replace(" ", "")
        people.append(
            {
                "given": first,
                "family": last,
                "arabic": f"{first_ar} {last_ar}",
                "email": f"{slug}{rng.randrange(10, 99)}@mail.example",
                "country": country,
                "city": rng.choice(cities),
            }
        )
    for person in people:
        person["birth"] = _birth(rng)
        person["phone"] = f"06{rng.randrange(10_000_000, 99_999_999)}"
    return people


def _consulate_csv(rng):
    """French headers, day-first dates, country names in French or Arabic; three bad rows."""
    members = [index for index in range(0, 190) if PLACES[index % len(PLACES)][0] == "FR"][:8]
    rows = []
    for person in _people(rng, 30, members):
        country = person["country"]
        rows.append(
            [
                person["given"],
                person["family"].upper(),
                person["arabic"],
                person["birth"].strftime("%d/%m/%Y"),
                person["email"],
                person["phone"] if country == "FR" else "",
                person["city"],
                "فرنسا" if country == "FR" and rng.random() < 0.3 else country,
            ]
        )
    rows += [
        ["Karim", "Tazi", "", "31/02/1980", "karim.tazi@", "12", "Lille", "France"],
        ["محمد", "", "Mohamed", "", "", "", "Paris", "France"],
        ["Ã‰lodie", "Benali", "", "", "elodie@mail.example", "", "Paris", "Atlantide"],
    ]
    headers = ["Prénom", "Nom", "Nom en arabe", "Date de naissance", "Courriel", "Téléphone", "Ville", "Pays"]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def _public_body_csv(rng):
    """Arabic headers, Windows-1256, ISO dates; overlaps the consulate's people and members elsewhere."""
    members = list(range(3, 60, 9))
    rows = []
    for person in _people(rng, 20, members):
        rows.append(
            [
                person["arabic"],
                f"{person['given']} {person['family']}",
                person["birth"].isoformat(),
                person["email"].upper() if rng.random() < 0.2 else person["email"],
                person["city"],
                person["country"],
            ]
        )
    rows.append(["سعيد الفاسي", "Said El Fassi", "2090-01-01", "", "Casablanca", "MA"])
    headers = ["الاسم بالعربية", "Nom complet", "تاريخ الازدياد", "البريد الإلكتروني", "المدينة", "البلد"]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode("cp1256")


def _network_xlsx(rng):

    members = [index for index in range(0, 190) if PLACES[index % len(PLACES)][0] in ("BE", "NL", "DE")][:6]
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["First name", "Last name", "Email", "Phone", "City", "Country", "Date of birth"])
    for person in _people(rng, 15, members):
        sheet.append(
            [
                person["given"],
                person["family"],
                person["email"],
                "+32 470 12 34 56" if person["country"] == "BE" and rng.random() < 0.5 else "",
                person["city"],
                person["country"],
                datetime.datetime.combine(person["birth"], datetime.time()),
            ]
        )
    sheet.append(["Omar2", "Berrada", "omar@", "", "Bruxelles", "Belgique", "not a date"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


FILES = [
    ("liste-consulat-paris-2026.csv", _consulate_csv),
    ("office-competences-export.csv", _public_body_csv),
    ("membres-reseau-ingenieurs.xlsx", _network_xlsx),
]


def seed_referential():
    """Three sources, one imported file each. Idempotent: a source that has an import is left alone."""
    rng = random.Random(2026)  # noqa: S311 (demo data, not security)
    analyst = get_user_model().objects.filter(email="analyst@kafaat.localhost").first()
    for data, (filename, build) in zip(SOURCES, FILES, strict=True):
        content = build(rng)  # built on every run so that the generator stays deterministic
        source = Source.objects.filter(name=data["name"]).first()
        if source is None:
            source = services.source_create(user=analyst, **data)
        if source.batches.exists():
            continue
        upload = SimpleUploadedFile(filename, content)
        batch = services.batch_upload(source=source, upload=upload, user=analyst)
        services.batch_map(batch=batch, mapping=batch.mapping, user=analyst)
        services.batch_commit(batch=batch, user=analyst)
        # Tasks run after the commit; here there is none around, so the import runs now.
        services.batch_import_run(batch.pk)
