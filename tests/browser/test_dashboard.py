"""An analyst opens the dashboard in Arabic, filters it by country and downloads a panel's CSV; axe-core
finds no serious violation, before and after filtering."""

import csv
import io
import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from accounts.factories import UserFactory
from accounts.roles import ANALYST
from accounts.services import roles_sync
from community.profiles.factories import ProfileFactory, ProjectFactory
from privacy.factories import PrivacyNoticeFactory
from tests.browser.helpers import log_in

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def test_analyst_reads_the_dashboard_in_arabic_filters_by_country_and_downloads_a_csv(
    browser, live_server, tmp_path
):
    roles_sync()
    PrivacyNoticeFactory(version="1.0")
    for _ in range(7):
        ProjectFactory(owner=ProfileFactory(country="FR"), region="souss-massa")
    for _ in range(6):
        ProfileFactory(country="BE")
    ProfileFactory(country="SN")
    analyst = UserFactory(email="analyste@example.org", roles=[ANALYST])
    secret = generate_totp_secret()
    TOTP.activate(analyst, secret)
    base = live_server.url

    tab = browser.new_context(locale="ar-MA", accept_downloads=True).new_page()
    tab.set_default_timeout(20_000)
    log_in(tab, base, analyst, secret)

    tab.goto(f"{base}/ar/dashboard/")
    assert tab.evaluate("() => document.documentElement.dir") == "rtl"
    assert tab.locator("h1").inner_text() == "لوحة التحكم"
    countries = tab.locator("#panel-profiles\\.countries table")
    assert "فرنسا" in countries.inner_text() and "السنغال" not in countries.inner_text()
    assert tab.locator("#panel-profiles\\.countries svg[role='img']").count() == 1
    violations = axe_violations(tab)
    assert not violations, violations

    tab.select_option("select[name='country']", "BE")
    tab.locator("form.dash-filters button[type='submit']").click()
    tab.wait_for_url(re.compile(r"country=BE"))
    countries = tab.locator("#panel-profiles\\.countries table")
    assert "بلجيكا" in countries.inner_text() and "فرنسا" not in countries.inner_text()
    violations = axe_violations(tab)
    assert not violations, violations

    with tab.expect_download() as download_info:
        tab.locator("#panel-profiles\\.countries a.dash-csv").click()
    saved = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(saved)
    rows = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8-sig"))))
    assert saved.name == "dashboard-profiles.countries.csv"
    assert rows[0] == ["بلد الإقامة", "الأعضاء", "حاملو المشاريع"]
    assert rows[1:] == [["بلجيكا", "6", "0"]]
    tab.context.close()
