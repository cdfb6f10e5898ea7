"""A visitor reads in French, switches to Arabic, signs up, confirms, logs in and withdraws a consent."""

import re

import pytest

from cms.demo import seed_cms_content
from privacy.factories import PrivacyNoticeFactory
from privacy.models import ConsentPurpose
from privacy.selectors import consent_history, consents_current

pytestmark = pytest.mark.django_db(transaction=True)

ARABIC_LETTERS = re.compile(r"[\u0600-\u06FF]")


def _html_attributes(page):
    return page.evaluate("() => [document.documentElement.lang, document.documentElement.dir]")


def test_visitor_switches_to_arabic_signs_up_confirms_logs_in_and_withdraws_a_consent(
    page, live_server, smtp_inbox, django_user_model
):
    seed_cms_content()
    PrivacyNoticeFactory(version="1.0")  # a transactional test starts without the migration's notice

    page.goto(f"{live_server.url}/fr/")
    assert _html_attributes(page) == ["fr", "ltr"]
    french_title = page.locator("h1").first.inner_text()

    page.locator(".language-switcher a[hreflang='ar']").click()
    page.wait_for_url(re.compile(r"/ar/"))
    assert _html_attributes(page) == ["ar", "rtl"]
    arabic_title = page.locator("h1").first.inner_text()
    assert arabic_title != french_title
    assert ARABIC_LETTERS.search(arabic_title), arabic_title
    legal_notice = page.locator(".site-footer__legal").inner_text()
    assert ARABIC_LETTERS.search(legal_notice), legal_notice  # the interface too, not only the content

    page.locator("header a[href$='/ar/accounts/signup/']").click()
    page.wait_for_url(re.compile(r"/ar/accounts/signup/$"))
    assert _html_attributes(page) == ["ar", "rtl"]
    email = "nadia.elidrissi@example.org"
    password = "Tanger-Lyon-2026!"
    page.fill("input[name='email']", email)
    page.fill("input[name='password1']", password)
    page.fill("input[name='password2']", password)
    assert not page.is_checked("input[name='consent_newsletter']")
    page.check("input[name='accept_privacy_notice']")
    page.check("input[name='consent_directory']")
    page.check("input[name='consent_newsletter']")
    page.locator("form button[type='submit']").last.click()
    page.wait_for_url(re.compile(r"/ar/accounts/confirm-email/"))

    mail = smtp_inbox.last_to(email)
    body = mail.get_body(preferencelist=("plain",)).get_content()
    link = re.search(r"https?://\S+/ar/accounts/confirm-email/\S+/", body).group(0)
    assert link.startswith(live_server.url)  # the link names the host the visitor used
    page.goto(link)
    page.locator("main form button[type='submit']").click()

    # Confirming in the browser that signed up signs the member in, on their personal home.
    page.wait_for_url(re.compile(r"/ar/community/home/$"))
    page.goto(f"{live_server.url}/ar/account/")
    assert _html_attributes(page) == ["ar", "rtl"]

    user = django_user_model.objects.get(email=email)
    chosen = {"directory": True, "newsletter": True}
    assert consents_current(user) == {**dict.fromkeys(ConsentPurpose.values, False), **chosen}

    page.locator(".consent--granted", has=page.locator("input[value='newsletter']")).locator("button").click()
    page.wait_for_url(re.compile(r"/ar/account/"))
    assert consents_current(user) == {**dict.fromkeys(ConsentPurpose.values, False), "directory": True}
    newsletter_decisions = [r.granted for r in consent_history(user) if r.purpose == "newsletter"]
    assert newsletter_decisions == [False, True]  # newest first, the sign-up decision kept
    assert page.locator(".consent--refused input[value='newsletter']").count() == 1
