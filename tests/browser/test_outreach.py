"""An editor writes a bilingual campaign in the Wagtail admin, another staff member approves and sends
it, a recipient unsubscribes from the email and the consent history shows it; axe-core finds no serious
violation on the outreach pages in French and Arabic."""

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from playwright.sync_api import expect

from accounts.factories import UserFactory
from accounts.roles import ANALYST, EDITOR
from accounts.services import roles_sync
from outreach.models import Campaign
from privacy.factories import ConsentRecordFactory, PrivacyNoticeFactory

from .conftest import axe_violations
from .helpers import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def _staff(email, role):
    user = UserFactory(email=email, roles=[role])
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return user, secret


def _accessible(tab, language, where):
    assert tab.evaluate("() => document.documentElement.dir") == ("rtl" if language == "ar" else "ltr")
    violations = axe_violations(tab)
    assert not violations, (where, language, violations)


def _write_message(tab, index, language, subject, body):
    tab.select_option(f"select[name='messages-{index}-language']", language)
    tab.fill(f"input[name='messages-{index}-subject']", subject)
    editor = tab.locator(f"#inline_child_messages-{index}-panel-content [contenteditable='true']")
    editor.click()
    tab.keyboard.insert_text(body)
    # Draftail writes its hidden input a moment after the last keystroke: wait for it before saving.
    tab.wait_for_function(
        "([index, text]) => "
        "(document.getElementById(`id_messages-${index}-body`).value || '').includes(text)",
        arg=[index, body[:10]],
    )


def test_editor_writes_approver_sends_recipient_unsubscribes(browser, live_server, smtp_inbox, settings):
    settings.OUTREACH_APPROVAL_THRESHOLD = 1
    settings.SITE_URL = live_server.url
    roles_sync()
    PrivacyNoticeFactory(version="1.0")
    reader_fr = UserFactory(email="samira@example.org", first_name="Samira", preferred_language="fr")
    reader_ar = UserFactory(email="youssef@example.org", first_name="Youssef", preferred_language="ar")
    for reader in (reader_fr, reader_ar):
        ConsentRecordFactory(user=reader, purpose="newsletter", granted=True)
    editor, editor_secret = _staff("redaction@example.org", EDITOR)
    approver, approver_secret = _staff("validation@example.org", ANALYST)
    base = live_server.url

    # The editor writes the campaign in French and Arabic in the Wagtail admin.
    tab = browser.new_context(locale="fr-FR").new_page()
    tab.set_default_timeout(20_000)
    log_in(tab, base, editor, editor_secret)
    tab.goto(f"{base}/admin/snippets/outreach/campaign/add/")
    tab.fill("input[name='name']", "Appel à projets — printemps")
    _write_message(
        tab, 0, "fr", "Appel à projets", "Bonjour {{ first_name|à vous }}, le programme est ouvert."
    )
    tab.locator("#id_messages-ADD").click()
    _write_message(tab, 1, "ar", "دعوة لتقديم المشاريع", "مرحبا {{ first_name|بكم }}، البرنامج مفتوح.")
    tab.locator("button.action-save").first.click()
    tab.wait_for_url(re.compile(r"/admin/snippets/outreach/campaign/(edit/\d+/)?$"))
    campaign = Campaign.objects.get(name="Appel à projets — printemps")
    assert sorted(campaign.messages.values_list("language", flat=True)) == ["ar", "fr"]

    # The editor chooses the audience: it needs another staff member's approval.
    tab.goto(f"{base}/fr/outreach/campaigns/{campaign.pk}/")
    tab.select_option("select[name='source']", "community.members")
    tab.locator("#audience-source-form button").click()
    tab.locator("#audience-form button[type='submit']").click()
    expect(tab.locator("#audience-summary")).to_have_attribute("data-reached", "2")
    _accessible(tab, "fr", "campaign page")
    tab.locator(f"form[action='/fr/outreach/campaigns/{campaign.pk}/submit/'] button").click()
    expect(tab.locator("#campaign-status")).to_have_attribute("data-status", "pending")

    # The approver approves and sends it.
    other = browser.new_context(locale="ar").new_page()
    other.set_default_timeout(20_000)
    log_in(other, base, approver, approver_secret)
    other.goto(f"{base}/ar/outreach/campaigns/{campaign.pk}/")
    _accessible(other, "ar", "campaign page")
    other.locator(f"form[action='/ar/outreach/campaigns/{campaign.pk}/approve/'] button").click()
    other.locator(f"form[action='/ar/outreach/campaigns/{campaign.pk}/start/'] button").click()
    expect(other.locator("#campaign-status")).to_have_attribute("data-status", "sent")
    assert len(smtp_inbox.messages) == 2
    other.goto(f"{base}/ar/outreach/campaigns/{campaign.pk}/results/")
    assert other.locator("[data-measure='sent']").inner_text() == "2"
    _accessible(other, "ar", "results")
    tab.goto(f"{base}/fr/outreach/campaigns/{campaign.pk}/results/")
    _accessible(tab, "fr", "results")

    # Each reader got their language; the Arabic one unsubscribes from the email's link.
    mail_ar = smtp_inbox.last_to(reader_ar.email)
    assert (
        mail_ar["Content-Language"] == "ar" and "مرحبا Youssef" in mail_ar.get_body(("plain",)).get_content()
    )
    assert "Bonjour Samira" in smtp_inbox.last_to(reader_fr.email).get_body(("plain",)).get_content()
    link = re.search(r"<([^>]+)>", mail_ar["List-Unsubscribe"]).group(1)
    reader_tab = browser.new_context(locale="ar").new_page()
    reader_tab.goto(link)
    _accessible(reader_tab, "ar", "unsubscribe page")
    reader_tab.locator("#unsubscribe-confirm").click()
    # The confirmation is a form post: wait for the answer page (is_visible() does not wait).
    expect(reader_tab.locator("#unsubscribe-done")).to_be_visible()
    _accessible(reader_tab, "ar", "unsubscribed page")

    # The consent history shows the withdrawal, from the email's link.
    log_in(reader_tab, base, reader_ar)
    reader_tab.goto(f"{base}/fr/account/")  # members land on their home; the history is on My account
    history = reader_tab.locator("table", has_text="Depuis le lien de désinscription d’un courriel")
    assert history.count() >= 1
    row = history.locator("tr", has_text="Depuis le lien de désinscription d’un courriel").first
    assert "Retiré" in row.inner_text() or "Withdrawn" in row.inner_text()
