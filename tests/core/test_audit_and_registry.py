"""The audit log is append-only and written by one service; the registry feeds core pages."""

import pytest

from django.template import Context, Template
from django.test import RequestFactory

from accounts.factories import UserFactory
from core.audit import audit_entries, audit_record
from core.models import AuditLog
from core.registry import Fragment, MenuEntry, registry

pytestmark = pytest.mark.django_db


def test_an_audit_entry_names_its_target_by_label_and_id_and_cannot_change():
    actor, subject = UserFactory(), UserFactory()
    entry = audit_record(actor, "core.read", subject, subject=subject, reason="support ticket", batch=7)
    assert (entry.target_type, entry.target_id) == ("accounts.user", str(subject.pk))
    assert entry.context == {"batch": 7}
    assert list(audit_entries(app="core", subject=subject)) == [entry]
    entry.reason = "rewritten"
    with pytest.raises(ValueError, match="append-only"):
        entry.save()
    with pytest.raises(ValueError, match="append-only"):
        entry.delete()
    assert AuditLog.objects.get().reason == "support ticket"


def test_an_anonymous_actor_is_recorded_as_nobody():
    from django.contrib.auth.models import AnonymousUser

    entry = audit_record(AnonymousUser(), "core.read")
    assert entry.actor is None and entry.target_type == ""


@pytest.fixture
def scratch_registry():
    saved = (dict(registry.menu_entries), {k: dict(v) for k, v in registry.fragments.items()})
    yield registry
    registry.menu_entries.clear()
    registry.menu_entries.update(saved[0])
    registry.fragments.clear()
    registry.fragments.update(saved[1])


def test_slots_render_what_apps_registered_with_the_pages_context(scratch_registry, tmp_path, settings):
    # Assigned whole, so that Django rebuilds its template engines with the extra folder.
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}]
    (tmp_path / "late.html").write_text("<p>late {{ thing }}</p>")
    (tmp_path / "early.html").write_text("<p>early {{ thing }}</p>")
    scratch_registry.add_fragment(Fragment(slot="test.slot", template="late.html", order=90))
    scratch_registry.add_fragment(Fragment(slot="test.slot", template="early.html", order=10))
    html = Template('{% load core %}{% slot "test.slot" %}').render(Context({"thing": "<b>x</b>"}))
    assert html == "<p>early &lt;b&gt;x&lt;/b&gt;</p><p>late &lt;b&gt;x&lt;/b&gt;</p>"
    assert Template('{% load core %}{% slot "nobody.registered" %}').render(Context()) == ""


def test_menus_show_only_the_entries_a_visitor_may_see(scratch_registry):
    scratch_registry.add_menu_entry(
        MenuEntry(
            key="t-staff", menu="test", label="Staff", url_name="search", visible=lambda r: r.user.is_staff
        )
    )
    scratch_registry.add_menu_entry(MenuEntry(key="t-all", menu="test", label="All", url_name="search"))
    request = RequestFactory().get("/")
    request.user = UserFactory()
    assert [e.key for e in registry.menu("test", request)] == ["t-all"]
    request.user.is_staff = True
    assert [e.key for e in registry.menu("test", request)] == ["t-all", "t-staff"]
