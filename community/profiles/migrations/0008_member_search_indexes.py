"""PostgreSQL: one partial GIN index per audience part of the members' search rows.

A search reads one part ("l0" visitors … "l3" staff): a quarter of the members' rows. On the shared
index the planner either filtered its hits row by row or intersected them with the unique index's
100,000 entries of the part (35–60 ms for a common name); a part's own index answers alone (4–10 ms).
"""

from django.db import migrations

PARTS = ("l0", "l1", "l2", "l3")


def _create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for part in PARTS:
            schema_editor.execute(
                f"CREATE INDEX search_members_{part} ON core_searchdocument "
                f"USING gin (kafaat_search_vector(text)) WHERE kind = 'members' AND part = '{part}'"
            )


def _drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for part in PARTS:
            schema_editor.execute(f"DROP INDEX IF EXISTS search_members_{part}")


class Migration(migrations.Migration):
    dependencies = [
        ("profiles", "0007_profile_created_index"),
        ("core", "0004_search_vector_function"),
    ]

    operations = [migrations.RunPython(_create, _drop)]
