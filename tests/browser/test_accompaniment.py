"""A holder requests accompaniment in three steps, an advisor qualifies the case and refers it to a
programme, the holder sees the referral; axe-core finds no serious violation in French and Arabic."""

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from accompaniment.models import AdvisorProfile, Case, Stage
from accompaniment.stages import stages_ensure
from accounts.factories import UserFactory
from accounts.roles import ADVISOR
from accounts.services import roles_sync
from cms.demo import seed_cms_content
from cms.models import ProgrammePage
from community.profiles.factories import ProfileFactory, ProjectFactory
from privacy.factories import PrivacyNoticeFactory

from .conftest import axe_violations
from .helpers import log_in

pytestmark = pytest.mark.django_db(transaction=True)
PDF = b"%PDF-1.4\n%accompaniment test\n"


def _accessible(tab, language, where):
    assert tab.evaluate("() => document.documentElement.dir") == ("rtl" if language == "ar" else "ltr")
    violations = axe_violations(tab)
    assert not violations, (where, language, violations)


def test_holder_requests_advisor_qualifies_and_refers_holder_sees_it(browser, live_server, tmp_path):
    seed_cms_content()
    roles_sync()
    stages_ensure(Stage)
    PrivacyNoticeFactory(version="1.0")
    programme = ProgrammePage.objects.live().filter(locale__language_code="fr").first()
    holder = UserFactory(email="porteuse@example.org", first_name="Salma")
    project = ProjectFactory(owner=ProfileFactory(user=holder, country="FR"), title="Séchoir solaire")
    advisor = UserFactory(email="conseiller@example.org", first_name="Karim", roles=[ADVISOR])
    secret = generate_totp_secret()
    TOTP.activate(advisor, secret)
    AdvisorProfile.objects.create(user=advisor, sectors=["agriculture"], regions=[])
    base = live_server.url
    plan = tmp_path / "plan.pdf"
    plan.write_bytes(PDF)

    # The holder asks for accompaniment, in three steps.
    tab = browser.new_context(locale="fr-FR").new_page()
    tab.set_default_timeout(20_000)
    log_in(tab, base, holder)
    tab.goto(f"{base}/fr/accompaniment/")
    _accessible(tab, "fr", "my cases")
    tab.locator(f"a[href='/fr/accompaniment/request/{project.pk}/']").click()
    tab.locator("input[name='needs'][value='mentoring']").check()
    tab.fill("textarea[name='needs_text']", "Un mentor pour le plan de financement.")
    tab.select_option("select[name='region']", "souss-massa")
    _accessible(tab, "fr", "request step 1")
    tab.locator("button[name='next']").click()
    tab.wait_for_url(re.compile(r"/request/\d+/2/$"))
    tab.fill("input[name='funding_sought']", "400000")
    tab.fill("input[name='jobs_planned']", "5")
    tab.locator("button[name='next']").click()
    tab.wait_for_url(re.compile(r"/request/\d+/3/$"))
    tab.set_input_files("input[name='business_plan']", str(plan))
    tab.locator("input[name='confirm']").check()
    _accessible(tab, "fr", "request step 3")
    tab.locator("button[name='next']").click()
    tab.wait_for_url(re.compile(r"/fr/accompaniment/mine/\d+/$"))
    case = Case.objects.get(project=project)
    assert case.advisor == advisor and case.stage.key == "received"
    _accessible(tab, "fr", "holder's case")

    # The advisor, in Arabic, qualifies the case and refers it to a programme.
    staff = browser.new_context(locale="ar").new_page()
    staff.set_default_timeout(20_000)
    log_in(staff, base, advisor, secret)
    staff.goto(f"{base}/ar/accompaniment/board/")
    _accessible(staff, "ar", "board")
    staff.goto(f"{base}/ar/accompaniment/board/?view=list")
    _accessible(staff, "ar", "board list")
    staff.goto(f"{base}/ar/accompaniment/cases/{case.pk}/")
    _accessible(staff, "ar", "staff case page")
    staff.select_option("#move-form select[name='to_stage']", str(Stage.objects.get(key="qualified").pk))
    staff.fill("#move-form textarea[name='reason']", "ملف مكتمل")
    staff.locator("#move-form button[type='submit']").click()
    staff.wait_for_load_state()
    assert Case.objects.get(pk=case.pk).stage.key == "qualified"
    staff.select_option("#refer-form select[name='programme']", str(programme.pk))
    staff.fill("#refer-form textarea[name='note']", "Programme adapté à votre projet.")
    staff.locator("#refer-form button[type='submit']").click()
    staff.wait_for_load_state()
    assert case.referrals.filter(programme=programme).exists()
    staff.goto(f"{base}/ar/accompaniment/funnel/")
    _accessible(staff, "ar", "funnel")

    # The holder sees the new stage and the referral.
    tab.goto(f"{base}/fr/accompaniment/mine/{case.pk}/")
    assert tab.locator("#case-stage").inner_text() == "Qualifié"
    assert programme.title in tab.locator("#referrals").inner_text()
    _accessible(tab, "fr", "holder's case with a referral")
    tab.goto(f"{base}/ar/accompaniment/mine/{case.pk}/")
    assert tab.locator("#case-stage").inner_text() == "مؤهَّل"
    _accessible(tab, "ar", "holder's case in Arabic")
