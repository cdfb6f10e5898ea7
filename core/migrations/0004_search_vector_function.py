"""PostgreSQL: the search index is built on ``kafaat_search_vector(text)``, a function that declares
what computing a document's words costs.

``to_tsvector`` is declared as cheap as an operator, so with a LIMIT (suggestions read 60 rows) the
planner walked the unique index and computed the words of every row it passed (800–3,700 rows, 20–80 ms
at 100,000 members) instead of reading the GIN index (3–13 ms). The wrapper is PL/pgSQL so that it is
never inlined back into ``to_tsvector`` and keeps its cost. Apps with many rows in one part add partial
indexes on the same expression (community.profiles for the members' audience parts). SQLite keeps its
FTS5 table (migration 0003).
"""

from django.db import migrations

CREATE = [
    "CREATE FUNCTION kafaat_search_vector(body text) RETURNS tsvector "
    "LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 1000 "
    "AS $$ BEGIN RETURN to_tsvector('simple'::regconfig, body); END $$",
    "DROP INDEX IF EXISTS search_document_fts_idx",
    "CREATE INDEX search_document_words ON core_searchdocument USING gin (kafaat_search_vector(text))",
]
DROP = [
    "DROP INDEX IF EXISTS search_document_words",
    "CREATE INDEX search_document_fts_idx ON core_searchdocument "
    "USING gin (to_tsvector('simple'::regconfig, COALESCE(text, ''::text)))",
    "DROP FUNCTION IF EXISTS kafaat_search_vector(text)",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_search_document"),
    ]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP))]
