"""My account → API tokens in Chromium, in Arabic: an analyst signed in with the second factor makes a
staff token, sees its secret once, uses it against the API, revokes it; the page is axe-core clean."""

import json
import urllib.error
import urllib.request

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from playwright.sync_api import expect

from accounts.factories import UserFactory
from accounts.roles import ANALYST

from .conftest import axe_violations
from .helpers import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def _get(url, secret):
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {secret}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (the live test server)
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_an_analyst_makes_uses_and_revokes_a_staff_token_in_arabic(browser, live_server):
    analyst = UserFactory(email="analyst.tokens@example.org", roles=["member", ANALYST])
    totp = generate_totp_secret()
    TOTP.activate(analyst, totp)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        log_in(page, live_server.url, analyst.email, totp, language="ar")
        page.goto(f"{live_server.url}/ar/account/")
        page.get_by_role("link", name="إدارة رموز واجهة البرمجة الخاصة بي").click()
        assert page.locator("html").get_attribute("dir") == "rtl"
        assert axe_violations(page) == []
        page.get_by_label("الاسم").fill("لوحة الوزارة")
        page.get_by_label("عمليات الاستيراد والسجلات والسجلات المرجعية في المرجع (للموظفين)").check()
        page.get_by_label("صالح لمدة (أيام)").fill("7")
        page.get_by_role("button", name="إنشاء الرمز").click()
        secret = page.locator("#new-token-secret").inner_text()
        assert secret.startswith("kft_")
        assert axe_violations(page) == []
        status, body = _get(f"{live_server.url}/api/v1/staff/referential/records/", secret)
        assert status == 200 and body["count"] == 0

        # Shown once: the secret is in the answer to the form only, never stored; a new visit lacks it.
        page.goto(f"{live_server.url}/ar/account/api-tokens/")
        assert page.locator("#new-token-secret").count() == 0
        page.get_by_role("button", name="إلغاء الرمز لوحة الوزارة").click()
        expect(page.get_by_role("cell", name="ملغى", exact=True)).to_be_visible()
        expect(page.get_by_text("أُلغي الرمز: لم يعد يعمل.")).to_be_visible()
        status, body = _get(f"{live_server.url}/api/v1/staff/referential/records/", secret)
        assert status == 401
    finally:
        context.close()
