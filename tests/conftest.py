import socket
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.test import override_settings
from django.utils import translation

from . import dbtemplate


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, django_db_use_migrations):
    """Test databases are copied from a migrated template instead of migrating each (tests/dbtemplate.py);
    not under --nomigrations, where Django makes the tables from the models."""
    if django_db_use_migrations:
        dbtemplate.use_templates()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """A test's rolled-back data must not live on in a cache (Wagtail caches site root paths there, and
    public pages live in the "pages" cache)."""
    for each in caches.all():
        each.clear()
    yield
    for each in caches.all():
        each.clear()


@pytest.fixture(scope="module")
def module_rows(django_db_setup, django_db_blocker, tmp_path_factory):
    """Rows a whole module shares, made once (by the fixtures that use this one) and rolled back when the
    module ends; each test still runs in its own savepoint. For costly set-ups such as the full demo,
    which would otherwise be seeded again by every test. Such a module overrides `_media_root` so that the
    files made once stay where its rows point."""
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("module-media"))
    with media, django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


class _Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"

    def last_to(self, address):
        for message in reversed(self.messages):
            if address in message["To"]:
                return message
        raise AssertionError(f"no mail to {address}; got {[m['To'] for m in self.messages]}")


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_inbox(settings):
    """A real SMTP server on loopback; the site sends its mail there through Django's SMTP backend."""
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    yield inbox
    controller.stop()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language, whatever the test before it activated."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def _is_transactional(item):
    marker = item.get_closest_marker("django_db")
    uses = set(getattr(item, "fixturenames", ()))
    transactional_fixtures = {"transactional_db", "live_server"}
    return bool(marker and marker.kwargs.get("transaction")) or bool(uses & transactional_fixtures)


def pytest_collection_modifyitems(items):
    """Mark the tests that run on a transactional database.

    Such a test flushes the database when it ends, taking the rows that data migrations made (the
    privacy notice, Wagtail's root page and locale) from every test that runs after it in the same
    process. The Makefile runs them in a pytest run of their own: ``-m transactional``.
    """
    for item in items:
        if _is_transactional(item):
            item.add_marker(pytest.mark.transactional)
