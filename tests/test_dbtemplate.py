"""The migrated template the test databases are copied from is rebuilt whenever a migration could read
something new, and only then (tests/dbtemplate.py)."""

from tests import dbtemplate


def _tree(root):
    (root / "app" / "migrations").mkdir(parents=True)
    (root / "app" / "migrations" / "0001_initial.py").write_text("operations = []\n")
    (root / "app" / "data.json").write_text("[1, 2]\n")
    (root / "tests").mkdir()
    (root / "tests" / "test_app.py").write_text("def test(): pass\n")
    (root / "README.md").write_text("# app\n")


def test_a_change_a_migration_can_read_names_a_new_template_and_others_do_not(tmp_path, monkeypatch):
    _tree(tmp_path)
    monkeypatch.setattr(dbtemplate, "ROOT", tmp_path)  # no git there: every file but the local ones
    first = dbtemplate.digest()
    assert dbtemplate.digest() == first

    (tmp_path / "tests" / "test_app.py").write_text("def test(): assert True\n")
    (tmp_path / "README.md").write_text("# app, documented\n")
    (tmp_path / "var").mkdir()
    (tmp_path / "var" / "db.sqlite3").write_bytes(b"local")
    assert dbtemplate.digest() == first

    (tmp_path / "app" / "data.json").write_text("[1, 2, 3]\n")
    second = dbtemplate.digest()
    assert second != first

    (tmp_path / "app" / "migrations" / "0002_more.py").write_text("operations = []\n")
    assert dbtemplate.digest() not in (first, second)


def _first_applied(cursor):
    cursor.execute("SELECT app, name, applied FROM django_migrations ORDER BY id LIMIT 1")
    app, name, applied = cursor.fetchone()
    return app, name, str(applied)[:19]


def test_the_test_database_is_a_copy_of_the_template(db):
    """Its migrations were applied when the template was built, not again for this run, and nothing is
    left to apply."""
    import sqlite3  # noqa: PLC0415 (only here)

    import psycopg  # noqa: PLC0415

    from django.db import connection  # noqa: PLC0415 (after pytest-django set the test database up)
    from django.db.migrations.executor import MigrationExecutor  # noqa: PLC0415

    with connection.cursor() as cursor:
        executor = MigrationExecutor(connection)
        assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []
        ours = _first_applied(cursor)
    if connection.vendor == "sqlite":
        template = next(dbtemplate.TEMPLATES.glob(f"sqlite-{dbtemplate.digest()}.sqlite3"))
        with sqlite3.connect(template) as source:
            assert _first_applied(source.cursor()) == ours
    else:
        settings = connection.settings_dict
        with psycopg.connect(
            host=settings["HOST"], port=settings["PORT"] or 5432, user=settings["USER"],
            password=settings["PASSWORD"] or None, dbname=settings["TEST"]["TEMPLATE"],
        ) as source:  # fmt: skip
            assert _first_applied(source.cursor()) == ours
