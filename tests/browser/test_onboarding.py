"""A new member signs up, confirms through the real email, lands signed in on their home, goes through
the onboarding (skills as chips) and sees the home in French and Arabic without accessibility faults."""

import re

import pytest

from cms.demo import seed_cms_content
from community.home.models import Onboarding
from community.profiles.models import Profile
from privacy.factories import PrivacyNoticeFactory
from privacy.models import ConsentPurpose
from privacy.selectors import consents_current

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def _submit(page):
    page.locator("main form.form button[type='submit']").first.click()


def test_new_member_signs_up_confirms_lands_home_and_finishes_the_onboarding(
    page, live_server, smtp_inbox, django_user_model
):
    seed_cms_content()
    PrivacyNoticeFactory(version="1.0")  # a transactional test starts without the migration's notice
    email = "nadia.elidrissi@example.org"
    password = "Tanger-Lyon-2026!"

    page.goto(f"{live_server.url}/fr/accounts/signup/")
    page.fill("input[name='email']", email)
    page.fill("input[name='password1']", password)
    page.fill("input[name='password2']", password)
    page.check("input[name='accept_privacy_notice']")
    page.check("input[name='consent_directory']")
    page.locator("form button[type='submit']").last.click()
    page.wait_for_url(re.compile(r"/fr/accounts/confirm-email/"))

    body = smtp_inbox.last_to(email).get_body(preferencelist=("plain",)).get_content()
    page.goto(re.search(r"https?://\S+/fr/accounts/confirm-email/\S+/", body).group(0))
    page.locator("main form button[type='submit']").click()
    # Signed in by the confirmation, on the personal home, which offers the onboarding.
    page.wait_for_url(re.compile(r"/fr/community/home/$"))
    page.locator("main a[href$='/fr/community/home/welcome/']").click()

    page.wait_for_url(re.compile(r"/welcome/language/$"))
    page.fill("input[name='display_name']", "Nadia El Idrissi")
    page.check("input[name='preferred_language'][value='fr']")
    page.check("input[name='languages'][value='fr']")
    page.check("input[name='languages'][value='ar']")
    _submit(page)

    page.wait_for_url(re.compile(r"/welcome/place/$"))
    page.select_option("select[name='country']", "FR")
    page.fill("input[name='city']", "Lyon")
    _submit(page)

    # Skills as chips: Enter turns what is typed into a chip, commas and brackets kept.
    page.wait_for_url(re.compile(r"/welcome/skills/$"))
    box = page.locator(".skill-chips__input").first
    box.fill("BIM (Revit, Tekla)")
    box.press("Enter")
    box.fill("Python")
    box.press("Enter")
    assert page.locator(".skill-chip").count() == 2
    assert axe_violations(page) == []
    _submit(page)

    page.wait_for_url(re.compile(r"/welcome/offer/$"))
    page.check("input[name='contributions'][value='mentoring']")
    _submit(page)

    page.wait_for_url(re.compile(r"/welcome/consents/$"))
    page.check(f"input[name='consent_{ConsentPurpose.MATCHING}']")
    _submit(page)

    page.wait_for_url(re.compile(r"/fr/community/home/$"))
    user = django_user_model.objects.get(email=email)
    profile = Profile.objects.get(user=user)
    assert sorted(profile.skills.names()) == ["BIM (Revit, Tekla)", "Python"]
    assert (profile.country, profile.city, profile.contributions) == ("FR", "Lyon", ["mentoring"])
    assert consents_current(user)[ConsentPurpose.MATCHING] is True
    assert Onboarding.objects.get(user=user).finished_at is not None

    assert "Nadia El Idrissi" in page.locator("h1").inner_text()
    assert page.locator("main a[href$='/community/home/welcome/']").count() == 0
    assert page.locator("#home-suggestions-title").count() == 1
    assert page.locator("#home-messages-title").count() == 1
    assert axe_violations(page) == []

    page.goto(f"{live_server.url}/ar/community/home/")
    direction = page.evaluate("() => [document.documentElement.lang, document.documentElement.dir]")
    assert direction == ["ar", "rtl"]
    assert "Nadia El Idrissi" in page.locator("h1").inner_text()
    assert axe_violations(page) == []
