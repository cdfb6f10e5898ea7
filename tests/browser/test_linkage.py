"""In Chromium: an analyst (with TOTP) reviews a pair side by side and opens a golden record; a member
claims their record and sees what is held about them. Every page passes axe in French and Arabic."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from django.db.models import Q

from accounts.factories import UserFactory
from accounts.roles import ANALYST
from accounts.services import roles_sync
from referential.linkage.demo import seed
from referential.linkage.models import CandidatePair, GoldenRecord
from referential.models import SourceRecord

from .conftest import axe_violations
from .helpers import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def _accessible_in_fr_and_ar(page, base, path):
    for language in ("fr", "ar"):
        page.goto(f"{base}/{language}{path}")
        assert page.locator("h1").count() == 1
        assert axe_violations(page) == [], (language, path)


def test_an_analyst_reviews_a_pair_side_by_side_and_opens_the_golden_record(browser, live_server):
    roles_sync()
    seed()
    analyst = UserFactory(email="analyste@example.org", roles=[ANALYST])
    secret = generate_totp_secret()
    TOTP.activate(analyst, secret)
    page = browser.new_context(locale="fr-FR").new_page()
    base = live_server.url
    log_in(page, base, analyst, totp_secret=secret)

    # The pair is found by its records, not its rank: the rank follows the bundled model's weights.
    hassan = SourceRecord.objects.get(given_name="Hassan").pk
    hasan = SourceRecord.objects.get(given_name="Hasan").pk
    pair = CandidatePair.objects.get(
        Q(left_key=f"s:{hassan}", right_key=f"s:{hasan}") | Q(left_key=f"s:{hasan}", right_key=f"s:{hassan}")
    )
    assert pair.status == CandidatePair.Status.PENDING  # dates of birth differ: a person decides
    _accessible_in_fr_and_ar(page, base, "/referential/linkage/review/")
    _accessible_in_fr_and_ar(page, base, f"/referential/linkage/review/{pair.pk}/")
    page.goto(f"{base}/fr/referential/linkage/review/{pair.pk}/")
    table = page.locator("table.linkage-compare")
    assert "Hassan" in table.inner_text() and "Hasan" in table.inner_text()
    assert "Même nom" in table.inner_text()  # the reason, in French
    page.get_by_role("button", name="Personnes différentes").click()
    page.wait_for_load_state()
    pair.refresh_from_db()
    assert pair.status == CandidatePair.Status.NON_MATCH and pair.decided_by == analyst

    golden = GoldenRecord.objects.get(display_name="Mohammed El Amrani", merged_into=None)
    _accessible_in_fr_and_ar(page, base, f"/referential/linkage/golden/{golden.pk}/")
    page.goto(f"{base}/fr/referential/linkage/golden/{golden.pk}/")
    text = page.locator("main").inner_text()
    assert "Consulat général du Maroc à Paris (démo)" in text and "De la source la plus fiable" in text
    assert "محمد العمراني" in text


def test_a_member_claims_their_record_and_sees_what_is_held_about_them(browser, live_server):
    roles_sync()
    seed()
    member = UserFactory(email="k.bennani@example.org")
    page = browser.new_context(locale="fr-FR").new_page()
    base = live_server.url
    log_in(page, base, member)
    page.goto(f"{base}/fr/referential/linkage/me/")
    page.get_by_role("button", name="C'est moi : lier la fiche à mon compte").click()
    page.wait_for_load_state()
    text = page.locator("main").inner_text()
    assert "Bennani" in text and "Consulat général du Maroc à Paris (démo)" in text
    _accessible_in_fr_and_ar(page, base, "/referential/linkage/me/")
    # The analyst pages stay closed to the member.
    response = page.goto(f"{base}/fr/referential/linkage/golden/")
    assert response.status == 403
