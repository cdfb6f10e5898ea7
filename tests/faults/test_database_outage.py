"""PostgreSQL goes away under a member's requests (every connection cut, new ones refused, as during a
restart or a fail-over) and comes back: requests in between get a 503 page in their language with
Retry-After, not a 500; a form sent meanwhile leaves nothing half-written; once the server accepts
connections again the app serves normally without a restart (CONN_HEALTH_CHECKS)."""

import psycopg
import pytest

from django.conf import settings
from django.db import close_old_connections, connection
from django.test import Client

from community.profiles.factories import ProfileFactory
from community.profiles.models import Project

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="a PostgreSQL restart: only on the scaled set-up (PostgreSQL + Redis)",
    ),
]


def _admin():
    params = connection.get_connection_params()
    return psycopg.connect(
        host=params.get("host"),
        port=params.get("port"),
        user=params.get("user"),
        dbname="postgres",
        autocommit=True,
    )


def _cut(database, *, allow: bool):
    with _admin() as admin:
        admin.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS {"true" if allow else "false"}')
        if not allow:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = %s AND pid <> pg_backend_pid()",
                [database],
            )


def test_requests_during_a_database_outage_get_a_translated_retry_page_and_the_app_recovers():
    database = connection.settings_dict["NAME"]
    member = ProfileFactory(directory=True).user
    client = Client(raise_request_exception=False)  # answer as the server would, not raise in the test
    client.force_login(member)
    assert client.get("/fr/community/members/").status_code == 200
    projects_before = Project.objects.count()

    _cut(database, allow=False)
    try:
        french = client.get("/fr/community/members/")
        arabic = client.get("/ar/community/members/")
        sent = client.post(
            "/fr/community/members/me/projects/add/", {"title": "Coopérative", "summary": "Huile d'argan"}
        )
    finally:
        _cut(database, allow=True)

    assert french.status_code == 503 and french["Retry-After"] == "5"
    assert "Momentanément indisponible" in french.content.decode()
    assert arabic.status_code == 503 and 'dir="rtl"' in arabic.content.decode()
    assert "غير متاح مؤقتًا" in arabic.content.decode()
    assert sent.status_code == 503
    # Back: the same process serves again, and the form sent during the outage wrote nothing. A server
    # runs close_old_connections() when each request starts (the test client switches that off), which
    # drops the broken connection and lets the next query open a fresh one.
    close_old_connections()
    assert client.get("/fr/community/members/").status_code == 200
    assert Project.objects.count() == projects_before
