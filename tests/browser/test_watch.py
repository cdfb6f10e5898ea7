"""In Chromium: an analyst (with TOTP) opens the watch's validation queue, reads a mention highlighted in
its paragraph with the evidence, accepts it and finds it on the person's timeline. The queue, the
mention and the timeline pass axe in French and Arabic."""

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from accounts.factories import UserFactory
from accounts.roles import ANALYST
from accounts.services import roles_sync
from core.models import AuditLog
from referential.linkage.demo import seed as seed_linkage
from watch import analysis, services
from watch.demo import seed_watch
from watch.models import Link

from .conftest import axe_violations
from .helpers import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def _accessible_in_fr_and_ar(page, base, path):
    for language in ("fr", "ar"):
        page.goto(f"{base}/{language}{path}")
        assert page.locator("h1").count() == 1
        assert axe_violations(page) == [], (language, path)


def test_an_analyst_validates_a_mention_and_sees_it_on_the_timeline(browser, live_server, settings):
    settings.WATCH_HOST_INTERVAL_SECONDS = 0
    roles_sync()
    seed_linkage()
    analysis.index_reset()
    services.story_index_reset()
    seed_watch()
    analyst = UserFactory(email="analyste@example.org", roles=[ANALYST])
    secret = generate_totp_secret()
    TOTP.activate(analyst, secret)
    link = Link.objects.filter(status=Link.Status.PENDING, person_name="Youssef Tazi").first()
    assert link is not None, list(Link.objects.values_list("person_name", "status"))

    page = browser.new_context(locale="fr-FR").new_page()
    base = live_server.url
    log_in(page, base, analyst, secret)
    _accessible_in_fr_and_ar(page, base, "/watch/")
    _accessible_in_fr_and_ar(page, base, f"/watch/links/{link.pk}/")

    page.goto(f"{base}/fr/watch/")
    page.get_by_role("link", name="يوسف التازي").click()
    assert page.locator("blockquote mark").inner_text() == "يوسف التازي"
    assert "Madrid" in page.locator("main").inner_text()  # the record's city, beside the evidence
    page.get_by_role("button", name="Accepter").click()
    page.wait_for_url(re.compile(rf"/fr/watch/people/{link.person_id}/$"))
    assert "جولة تمويل ناجحة في مدريد" in page.locator("main").inner_text()
    assert "Levée de fonds" in page.locator("main").inner_text()
    link.refresh_from_db()
    assert link.status == Link.Status.ACCEPTED and link.decided_by == analyst
    assert AuditLog.objects.filter(action="watch.timeline_read", actor=analyst).exists()
    _accessible_in_fr_and_ar(page, base, f"/watch/people/{link.person_id}/")
