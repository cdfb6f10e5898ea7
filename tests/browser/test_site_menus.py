"""The header's menus in Chromium, in French and in Arabic: the staff menu after the second factor, the
disclosure button that folds the menus on a phone, worked from the keyboard, and axe-core clean."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from accounts.factories import UserFactory
from accounts.roles import ANALYST

from .conftest import axe_violations
from .helpers import log_in

pytestmark = pytest.mark.django_db(transaction=True)

LABELS = {
    "fr": {"community": "Communauté", "staff": "Outils de l’équipe", "menu": "Menu", "groups": "Groupes"},
    "ar": {"community": "المجتمع", "staff": "أدوات الفريق", "menu": "القائمة", "groups": "المجموعات"},
}


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_header_menus_on_desktop_and_phone(browser, live_server, language):
    analyst = UserFactory(email="analyst.menu@example.org", roles=["member", ANALYST])
    secret = generate_totp_secret()
    TOTP.activate(analyst, secret)
    words = LABELS[language]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        log_in(page, live_server.url, analyst.email, secret)
        page.goto(f"{live_server.url}/{language}/community/groups/")
        community = page.get_by_role("navigation", name=words["community"])
        staff = page.get_by_role("navigation", name=words["staff"])
        toggle = page.get_by_role("button", name=words["menu"])
        assert community.is_visible() and staff.is_visible()
        assert not toggle.is_visible()
        assert staff.get_by_role("link").count() >= 5
        assert community.get_by_role("link", name=words["groups"]).get_attribute("aria-current") == "page"
        if language == "ar":
            # Mirrored: the brand sits on the right, the account links on the left.
            brand = page.locator(".brand").bounding_box()
            account = page.locator(".account-nav").bounding_box()
            assert brand["x"] > account["x"]
        assert axe_violations(page) == []
        # Scripts write dates as the pages do (themes/js/dates.js), Moroccan month names in Arabic.
        written = page.evaluate("KafaatDates.date(new Date('2026-11-29T12:00:00Z'), 'UTC')")
        assert written == {"fr": "29 novembre 2026", "ar": "29 نونبر 2026"}[language]

        page.set_viewport_size({"width": 390, "height": 844})
        assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
        assert not community.is_visible() and not staff.is_visible()
        # Keyboard only: reach the button with Tab, open with Enter, close with Escape.
        page.locator(".brand").focus()
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.classList.contains('site-header__toggle')")
        page.keyboard.press("Enter")
        assert toggle.get_attribute("aria-expanded") == "true"
        assert community.is_visible() and staff.is_visible()
        assert axe_violations(page) == []
        page.keyboard.press("Tab")
        page.keyboard.press("Escape")
        assert toggle.get_attribute("aria-expanded") == "false"
        assert not community.is_visible()
        assert page.evaluate("document.activeElement.classList.contains('site-header__toggle')")
    finally:
        context.close()
