"""Migrated template databases, so that a test run does not apply the ~290 migrations again.

Applying every migration takes 45-70 s. Without a template, each xdist worker of each pytest run
applied them all: four times per database in `make test` (two workers, then the transactional run's
two). Now the first worker to need a database builds a migrated template once, under a file lock, with
``manage.py migrate`` in a child process and the test settings; every test database is then copied from
it (SQLite: the backup API into the worker's in-memory database; PostgreSQL: CREATE DATABASE …
TEMPLATE) and Django's own migrate finds nothing left to apply, only its post-migrate handlers to run.

A template is named by a digest of everything a migration can read: the project's tracked files
outside tests and benchmarks, and every installed app's migration files. Any change to them builds a new
template and removes the older ones.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "var" / "test-templates"
# What no migration reads: a change there must not cost a new template.
UNREAD = ("tests/", "bench/", ".ci/", "docker/", "scripts/")

# SQLite: the worker's in-memory test database lives as long as one connection to it stays open.
_keep_alive: list[sqlite3.Connection] = []


def digest() -> str:
    h = hashlib.sha256()
    for name in _project_files():
        if name.startswith(UNREAD) or name.endswith(".md"):
            continue
        path = ROOT / name
        if path.is_file():
            h.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    from django.apps import apps  # noqa: PLC0415 (Django is set up by pytest-django first)

    # Installed packages' migrations (Django's, Wagtail's, allauth's…): their files, not the list of
    # installed distributions, which differs between a pytest worker and its controller.
    for app in sorted(apps.get_app_configs(), key=lambda a: a.label):
        for path in sorted((Path(app.path) / "migrations").glob("*.py")):
            h.update(f"{app.label}/{path.name}".encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:12]


def _project_files() -> list[str]:
    try:
        listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
        return sorted(name.decode() for name in listed.stdout.split(b"\0") if name)
    except (OSError, subprocess.CalledProcessError):  # a copy without git: every file but the local ones
        local = {".git", ".venv", "var", "node_modules"}
        return sorted(
            str(path.relative_to(ROOT))
            for path in ROOT.rglob("*")
            if path.is_file() and not local & set(path.relative_to(ROOT).parts)
        )


@contextmanager
def _locked():
    TEMPLATES.mkdir(parents=True, exist_ok=True)
    with open(TEMPLATES / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _migrate(database_url: str) -> None:
    environment = {**os.environ, "DATABASE_URL": database_url}
    environment.pop("PYTEST_XDIST_WORKER", None)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v0"],
        cwd=ROOT,
        env=environment | {"DJANGO_SETTINGS_MODULE": "kafaat.settings.test"},
        check=True,
    )


def _sqlite_template(key: str) -> Path:
    final = TEMPLATES / f"sqlite-{key}.sqlite3"
    with _locked():
        if not final.exists():
            building = final.with_suffix(".building")
            for leftover in (building, *building.parent.glob(building.name + "-*")):
                leftover.unlink(missing_ok=True)
            _migrate(f"sqlite:///{building}")
            with sqlite3.connect(building) as connection:  # one self-contained file, no -wal beside it
                connection.execute("PRAGMA journal_mode=DELETE")
            building.rename(final)
            for old in TEMPLATES.glob("sqlite-*.sqlite3"):
                if old != final:
                    old.unlink(missing_ok=True)
    return final


def _postgresql_template(settings_dict: dict, key: str) -> str:
    import psycopg  # noqa: PLC0415 (only the PostgreSQL run needs it)

    base = settings_dict["NAME"]
    final, building = f"{base}_tpl_{key}", f"{base}_tpl_building"
    admin = {
        "host": settings_dict.get("HOST") or None,
        "port": settings_dict.get("PORT") or None,
        "user": settings_dict.get("USER") or None,
        "password": settings_dict.get("PASSWORD") or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with _locked(), psycopg.connect(**admin) as connection:
        names = [
            row[0]
            for row in connection.execute(
                "SELECT datname FROM pg_database WHERE datname LIKE %s", [f"{base}_tpl_%"]
            )
        ]
        if final not in names:
            connection.execute(f'DROP DATABASE IF EXISTS "{building}"')
            connection.execute(f'CREATE DATABASE "{building}"')
            user = quote(settings_dict.get("USER") or "", safe="")
            secret = settings_dict.get("PASSWORD")
            password = f":{quote(secret, safe='')}" if secret else ""
            location = f"{settings_dict.get('HOST') or '127.0.0.1'}:{settings_dict.get('PORT') or 5432}"
            _migrate(f"postgres://{user}{password}@{location}/{building}")
            connection.execute(f'ALTER DATABASE "{building}" RENAME TO "{final}"')
        for old in names:
            if old not in (final, building):
                connection.execute(f'DROP DATABASE IF EXISTS "{old}"')
    return final


def use_templates() -> None:
    """Point each test database at a migrated template (called before the test databases are made)."""
    from django.conf import settings  # noqa: PLC0415 (Django is set up by pytest-django first)
    from django.db import connections  # noqa: PLC0415

    key = digest()
    for alias, settings_dict in settings.DATABASES.items():
        engine = settings_dict["ENGINE"]
        if engine == "django.db.backends.postgresql":
            settings_dict.setdefault("TEST", {})["TEMPLATE"] = _postgresql_template(settings_dict, key)
        elif engine == "django.db.backends.sqlite3":
            _fill_sqlite_in_memory(connections[alias], _sqlite_template(key))


def _fill_sqlite_in_memory(connection, template: Path) -> None:
    creation = connection.creation
    if not creation.is_in_memory_db(creation._get_test_db_name()):
        return
    create = creation._create_test_db

    def create_from_template(verbosity, autoclobber, keepdb=False):
        name = create(verbosity, autoclobber, keepdb)
        target = sqlite3.connect(name, uri=True)
        with sqlite3.connect(template) as source:
            source.backup(target)
        _keep_alive.append(target)
        return name

    creation._create_test_db = create_from_template
