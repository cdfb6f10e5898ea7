"""Files and users the referential tests share."""

import csv
import io

from openpyxl import Workbook

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.roles import ANALYST
from referential import services
from referential.factories import SourceFactory
from referential.models import ImportBatch

HEADERS_FR = ["Prénom", "Nom", "Nom en arabe", "Date de naissance", "Courriel", "Téléphone", "Ville", "Pays"]

GOOD_ROWS = [
    [
        "Mohamed",
        "El Amrani",
        "محمد العمراني",
        "03/04/1985",
        "M.Amrani@Example.org",
        "06 12 34 56 78",
        "Lyon",
        "France",
    ],
    [
        "Fatima Zahra",
        "Bennani",
        "فاطمة الزهراء بناني",
        "1990-11-21",
        "fz.bennani@example.org",
        "+212 661 23 45 67",
        "Paris",
        "فرنسا",
    ],
    ["Youssef", "Alaoui", "", "12 mars 1978", "", "07 81 22 33 44", "Marseille", "FR"],
]
# Doubtful cells: each row goes in with its bad cells blanked or moved, and warnings.
BAD_ROWS = [
    ["Karim", "Tazi", "", "31/02/1980", "karim@", "12", "Lille", "Atlantide"],
    ["محمد", "", "Mohamed", "", "", "", "", ""],
    ["Nadia", "Idrissi", "", "", "=cmd|' /C calc'!A0", "", "", ""],
]
# Nothing identifies a person: the only kind of row refused.
NOBODY_ROWS = [["", "", "", "1980", "", "", "Lille", "France"]]


def analyst(**extra):
    return UserFactory(roles=[ANALYST], two_factor=True, **extra)


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def csv_bytes(rows, headers=HEADERS_FR, encoding="utf-8", delimiter=","):
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows, headers=HEADERS_FR):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(data, name="liste.csv"):
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def people_rows(count):
    """``count`` distinct people; every tenth row identifies nobody (the only kind of row refused)."""
    rows = []
    for i in range(count):
        if i % 10 == 9:
            rows.append(NOBODY_ROWS[0])
        else:
            rows.append([f"Prenom{i}", f"Nom{i}", "", "", f"p{i}@example.org", "", "Lyon", "France"])
    return rows


def queued_batch(count):
    """A mapped batch of ``people_rows(count)`` waiting for a worker, as batch_commit leaves it."""
    user = analyst()
    data = csv_bytes(people_rows(count))
    batch = services.batch_upload(source=SourceFactory(), upload=upload(data), user=user)
    services.batch_map(batch=batch, mapping=batch.mapping, user=user)
    queued = {"status": ImportBatch.Status.QUEUED, "heartbeat_at": timezone.now()}
    ImportBatch.objects.filter(pk=batch.pk).update(**queued)
    return batch
