"""Referential import benchmark: upload, validate and import a generated CSV, then import it again.

    .venv/bin/python bench/referential_import.py [--rows 20000] [--postgres]

Builds a throwaway database (SQLite under var/bench/, and with --postgres the PostgreSQL database
kafaat_referential_bench), generates a semicolon-separated UTF-8 CSV of Moroccan names in Latin and
Arabic script (5 % of rows bad), then times the real pipeline: upload (read, sha256, count), the
preview of 20 rows, the chunked import (validation, fingerprints, inserts), and the same file again
(every good row a duplicate).
"""

import argparse
import csv
import io
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PG_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/kafaat_referential_bench")

FIRST = [("Mohamed", "محمد"), ("Fatima Zahra", "فاطمة الزهراء"), ("Youssef", "يوسف"), ("Khadija", "خديجة"),
         ("Ahmed", "أحمد"), ("Salma", "سلمى"), ("Omar", "عمر"), ("Nadia", "نادية"), ("Hassan", "حسن"),
         ("Imane", "إيمان"), ("Karim", "كريم"), ("Meryem", "مريم")]  # fmt: skip
LAST = [("Alaoui", "العلوي"), ("Benali", "بنعلي"), ("El Idrissi", "الإدريسي"), ("Tazi", "التازي"),
        ("Bennani", "بناني"), ("Chraibi", "الشرايبي"), ("Amrani", "العمراني"),
        ("Berrada", "برادة")]  # fmt: skip
CITIES = [("Paris", "France"), ("Lyon", "فرنسا"), ("Bruxelles", "Belgique"), ("Madrid", "ES"),
          ("Montréal", "Canada"), ("Milano", "Italie")]  # fmt: skip
HEADERS = ["Prénom", "Nom", "Nom en arabe", "Date de naissance", "Courriel", "Téléphone", "Ville", "Pays"]


def _csv(rows, rng):
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(HEADERS)
    for index in range(rows):
        (first, first_ar), (last, last_ar) = rng.choice(FIRST), rng.choice(LAST)
        city, country = rng.choice(CITIES)
        row = [
            first,
            last,
            f"{first_ar} {last_ar}",
            f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1950, 2005)}",
            f"{first}.{last}.{index}@mail.example".replace(" ", "").lower(),
            f"06{rng.choice('12567')}{rng.randrange(1_000_000, 9_999_999)}",
            city,
            country,
        ]
        if rng.random() < 0.05:  # a bad row: one of the usual problems
            column, value = rng.choice([(3, "31/02/1980"), (4, "nobody@"), (5, "12"), (7, "Atlantide")])
            row[column] = value
        writer.writerow(row)
    return buffer.getvalue().encode("utf-8")


def _setup(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kafaat.settings.dev")
    os.environ["MEDIA_ROOT"] = str(ROOT / "var" / "bench" / "media")
    sys.path[:0] = [str(ROOT), str(ROOT / "site")]
    import django

    django.setup()


def _fresh_database(backend):
    if backend == "sqlite":
        path = ROOT / "var" / "bench" / "referential.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    import psycopg

    base, name = PG_URL.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return PG_URL


def _run_backend(backend, rows):
    _setup(_fresh_database(backend))
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    migrated = time.perf_counter() - started

    from referential import services
    from referential.importing import checked_rows
    from referential.models import ImportBatch, Source

    data = _csv(rows, random.Random(2026))
    source = Source.objects.create(name="Bench consulate", kind="consulate", country="FR", trust=4)
    figures = {}

    def timed(name, function, *args, **kwargs):
        start = time.perf_counter()
        result = function(*args, **kwargs)
        figures[name] = time.perf_counter() - start
        return result

    batches = []
    for attempt in ("first", "again"):
        upload = SimpleUploadedFile("bench.csv", data)
        batch = timed(f"upload ({attempt})", services.batch_upload, source=source, upload=upload, user=None)
        services.batch_map(batch=batch, mapping=batch.mapping, user=None)
        if attempt == "first":
            timed("preview of 20 rows", lambda b=batch: list(checked_rows(b, limit=20)))
        ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.QUEUED)
        timed(f"import ({attempt})", services.batch_import_run, batch.pk)
        batches.append(ImportBatch.objects.get(pk=batch.pk))

    print(f"\n{backend}: {rows} rows ({len(data) / 1e6:.1f} MB), migrate {migrated:.0f} s")
    for name, seconds in figures.items():
        rate = f"  {rows / seconds:8.0f} rows/s" if name.startswith("import") else ""
        print(f"  {name:20s} {seconds:7.2f} s{rate}")
    for attempt, batch in zip(("first", "again"), batches, strict=True):
        print(
            f"  {attempt:6s} accepted {batch.accepted_rows}, rejected {batch.rejected_rows}, "
            f"duplicates {batch.duplicate_rows}, status {batch.status}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--postgres", action="store_true", help="also run on PostgreSQL")
    parser.add_argument("--backend", choices=["sqlite", "postgres"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.backend:
        _run_backend(args.backend, args.rows)
        return
    # Each backend in its own process: Django's settings are read once per process.
    for backend in ["sqlite", *(["postgres"] if args.postgres else [])]:
        subprocess.run(  # noqa: S603 (this script, with our own arguments)
            [sys.executable, __file__, "--backend", backend, "--rows", str(args.rows)], check=True
        )


if __name__ == "__main__":
    main()
