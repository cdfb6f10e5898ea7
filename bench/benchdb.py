"""What the database benchmarks share: a throwaway database per backend, Django set up on it, and
one process per backend (Django reads its settings once per process)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def sqlite_url(name: str) -> str:
    return f"sqlite:///{ROOT / 'var' / 'bench' / f'{name}.sqlite3'}"


def fresh_database(backend: str, *, sqlite_name: str, postgres_url: str) -> str:
    """The URL of an empty database: a new SQLite file under var/bench/, or the PostgreSQL database
    of ``postgres_url`` dropped and created again."""
    if backend == "sqlite":
        path = ROOT / "var" / "bench" / f"{sqlite_name}.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return sqlite_url(sqlite_name)
    import psycopg

    base, name = postgres_url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return postgres_url


def django_setup(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kafaat.settings.dev")
    sys.path[:0] = [str(ROOT), str(ROOT / "site")]
    import django

    django.setup()


def run_each_backend(script: str, *, postgres: bool, arguments: list[str]) -> None:
    """Run ``script --backend B *arguments`` for SQLite, then PostgreSQL if asked, one process each."""
    for backend in ["sqlite", *(["postgres"] if postgres else [])]:
        subprocess.run(  # noqa: S603 (a benchmark script of ours, with our own arguments)
            [sys.executable, script, "--backend", backend, *arguments], check=True
        )
