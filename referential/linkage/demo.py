"""Demo record linkage: a few lists that name the same people differently, then a linkage run, so the
review queue and the golden records have something to show. Runs after the imports seeder (order
100) and links whatever source records it created too.

Idempotent: the demo records are created once (by fingerprint) and a run over the same records
changes nothing."""

import datetime
import hashlib

from django.contrib.auth import get_user_model
from django.db import transaction

from referential.models import ImportBatch, Source, SourceRecord

from .models import LinkageRun
from .services import linkage_run_execute

D = datetime.date
# (given, family, Arabic, birth date, email, phone, city, country)
CONSULATE_ROWS = [
    (
        "Mohammed",
        "El Amrani",
        "محمد العمراني",
        D(1984, 3, 12),
        "m.elamrani@example.org",
        "+33612345678",
        "Paris",
        "FR",
    ),
    ("Khadija", "Bennani", "", D(1990, 7, 1), "k.bennani@example.org", "+32470111222", "Bruxelles", "BE"),
    ("Youssef", "Tazi", "يوسف التازي", D(1975, 5, 5), "", "+34612000111", "Madrid", "ES"),
    ("Hassan", "Idrissi", "", D(1960, 2, 2), "h.idrissi@example.org", "", "Lyon", "FR"),
    ("Salma", "Berrada", "", D(1995, 11, 23), "salma.berrada@example.org", "", "Montréal", "CA"),
    ("Membre", "Démo", "", None, "member@kafaat.localhost", "", "Lyon", "FR"),
]
NETWORK_ROWS = [
    ("Amrani", "Mohamed", "", D(1984, 3, 12), "mohamed.amrani@gmail.com", "+33612345678", "Paris", "FR"),
    ("Khadidja", "Benani", "خديجة بناني", D(1990, 7, 1), "k.bennani@example.org", "", "Bruxelles", "BE"),
    ("Youcef", "Tazi", "", None, "", "", "Barcelone", "ES"),
    ("Hasan", "El Idrissi", "", D(1961, 6, 15), "", "", "Lyon", "FR"),
    ("Salma", "Berada", "", D(1995, 11, 23), "", "", "Montreal", "CA"),
    (
        "Nadia",
        "Alaoui",
        "نادية العلوي",
        D(1988, 9, 9),
        "nadia.alaoui@example.org",
        "+31612000333",
        "Amsterdam",
        "NL",
    ),
]
MINISTRY_ROWS = [
    ("", "", "محمد العمراني", D(1984, 3, 12), "", "+33612345678", "", "FR"),
    ("Nadia", "El Alaoui", "", D(1988, 9, 9), "", "+31612000333", "Rotterdam", "NL"),
    ("Salma", "Berrada", "سلمى برادة", None, "", "", "Toronto", "CA"),
    ("Youssef", "Tazi", "", D(1975, 8, 19), "", "", "", "ES"),
]
SOURCES = [
    ("Consulat général du Maroc à Paris (démo)", Source.Kind.CONSULATE, "FR", 5, CONSULATE_ROWS),
    ("Réseau des compétences marocaines (démo)", Source.Kind.NETWORK, "BE", 2, NETWORK_ROWS),
    ("Registre du ministère (démo)", Source.Kind.PUBLIC_BODY, "MA", 4, MINISTRY_ROWS),
]
FIELDS = ("given_name", "family_name", "name_arabic", "birth_date", "email", "phone", "city", "country")


def _fingerprint(source_name, row) -> str:
    return hashlib.sha256(f"linkage-demo|{source_name}|{row}".encode()).hexdigest()


@transaction.atomic
def _seed_records():
    for name, kind, country, trust, rows in SOURCES:
        source, _ = Source.objects.get_or_create(
            name=name, defaults={"kind": kind, "country": country, "trust": trust}
        )
        digest = hashlib.sha256(f"linkage-demo|{name}".encode()).hexdigest()
        batch, _ = ImportBatch.objects.get_or_create(
            source=source,
            sha256=digest,
            defaults={
                "file": "referential/demo/linkage-demo.csv",
                "original_filename": "demo.csv",
                "status": ImportBatch.Status.DONE,
                "total_rows": len(rows),
                "accepted_rows": len(rows),
                "processed_rows": len(rows),
            },
        )
        for number, row in enumerate(rows, start=2):
            values = dict(zip(FIELDS, row, strict=True))
            SourceRecord.objects.get_or_create(
                source=source,
                fingerprint=_fingerprint(name, row),
                defaults={
                    "batch": batch,
                    "row_number": number,
                    "raw": {k: str(v or "") for k, v in values.items()},
                    **{k: (v or ("" if k != "birth_date" else None)) for k, v in values.items()},
                },
            )


def seed():
    _seed_records()
    analyst = get_user_model().objects.filter(email="analyst@kafaat.localhost").first()
    run = LinkageRun.objects.create(created_by=analyst)
    linkage_run_execute(run.pk)
