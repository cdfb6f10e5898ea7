"""The referential's and linkage's own access logs moved into core.AuditLog with their history."""

import datetime

import pytest

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("referential", "0001_initial"), ("linkage", "0001_initial")]


def test_old_access_log_rows_become_audit_entries():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    user = old.get_model("accounts", "User").objects.create(email="analyst@example.org", password="x")
    source = old.get_model("referential", "Source").objects.create(
        name="Consulat", kind="consulate", country="FR"
    )
    at = datetime.datetime(2026, 3, 1, 9, 30, tzinfo=datetime.UTC)
    old.get_model("referential", "AccessLog").objects.create(
        user=user, action="source_create", source=source, detail="", at=at
    )
    linkage_log = old.get_model("linkage", "LinkageAccessLog")
    linkage_log.objects.create(user=user, action="run", detail="run 4", at=at)

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    new = executor.loader.project_state(executor.loader.graph.leaf_nodes()).apps
    entries = new.get_model("core", "AuditLog").objects.order_by("action")
    assert [(e.action, e.actor_id, e.at, e.kind, e.detail) for e in entries] == [
        ("linkage.run", user.pk, at, "change", "run 4"),
        ("referential.source_create", user.pk, at, "change", ""),
    ]
    referential_entry = entries.get(action="referential.source_create")
    target = (referential_entry.target_type, referential_entry.target_id)
    assert target == ("referential.source", str(source.pk))
    assert referential_entry.context == {"source": source.pk}
