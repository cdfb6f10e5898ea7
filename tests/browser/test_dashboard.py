"""An analyst opens the dashboard in Arabic, sees the world map (legend and page mirrored, the map itself
not), filters it by country and by label and downloads a panel's CSV; axe-core finds no serious
violation, before and after filtering."""

import csv
import io
import os
import re
from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from accounts.factories import UserFactory
from accounts.roles import ANALYST
from accounts.services import roles_sync
from community.labels.factories import LabelFactory, LabelGrantFactory
from community.profiles.factories import ProfileFactory, ProjectFactory
from privacy.factories import PrivacyNoticeFactory
from tests.browser.helpers import log_in

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)
SCREENSHOTS = os.environ.get("DASHBOARD_SCREENSHOTS")  # a folder: full-page screenshots for a closing note


def _screenshot(tab, name):
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"), full_page=True)


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
    label = LabelFactory(slug="verified", name_ar="كفاءة موثقة")
    for _ in range(5):
        LabelGrantFactory(user=ProfileFactory(country="CA").user, label=label)
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
    world = tab.locator("#panel-profiles\\.countries svg.dash-map-world[role='img']")
    assert world.count() == 1 and world.is_visible()
    # Each country names itself in Arabic with its figure; France (7 members) is coloured, Senegal
    # (one member, counted with the others) is not.
    places = tab.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('svg.dash-map-world path')]
            .filter(p => p.querySelector('title'))
            .map(p => { const box = p.getBoundingClientRect();
                        return [p.querySelector('title').textContent,
                                {cls: p.getAttribute('class'), x: box.x + box.width / 2}]; }))"""
    )
    assert places["فرنسا: 7"]["cls"].startswith("dash-map-c")
    assert places["السنغال: —"]["cls"] == "dash-map-none"
    # The page reads right to left, the map does not: Canada stays west of Germany, Germany of China.
    assert places["كندا: 5"]["x"] < places["ألمانيا: —"]["x"] < places["الصين: —"]["x"]
    legend = tab.locator("#panel-profiles\\.countries ul.dash-legend li")
    assert legend.count() >= 3
    first = legend.first.bounding_box()
    box = tab.locator("#panel-profiles\\.countries ul.dash-legend").bounding_box()
    assert abs(first["x"] + first["width"] - box["x"] - box["width"]) < 2  # the legend starts on the right
    assert tab.locator("#panel-profiles\\.regions svg.dash-map-morocco").is_visible()
    _screenshot(tab, "dashboard-ar")
    violations = axe_violations(tab)
    assert not violations, violations

    tab.select_option("select[name='country']", "BE")
    tab.locator("form.dash-filters button[type='submit']").click()
    tab.wait_for_url(re.compile(r"country=BE"))
    countries = tab.locator("#panel-profiles\\.countries table")
    assert "بلجيكا" in countries.inner_text() and "فرنسا" not in countries.inner_text()
    violations = axe_violations(tab)
    assert not violations, violations

    tab.select_option("select[name='country']", "")
    tab.select_option("select[name='label']", "verified")
    tab.locator("form.dash-filters button[type='submit']").click()
    tab.wait_for_url(re.compile(r"label=verified"))
    countries = tab.locator("#panel-profiles\\.countries table")
    assert "كندا" in countries.inner_text() and "فرنسا" not in countries.inner_text()
    _screenshot(tab, "dashboard-ar-label")
    violations = axe_violations(tab)
    assert not violations, violations
    tab.select_option("select[name='label']", "")
    tab.select_option("select[name='country']", "BE")
    tab.locator("form.dash-filters button[type='submit']").click()
    tab.wait_for_url(re.compile(r"country=BE"))

    with tab.expect_download() as download_info:
        tab.locator("#panel-profiles\\.countries a.dash-csv").click()
    saved = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(saved)
    rows = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8-sig"))))
    assert saved.name == "dashboard-profiles.countries.csv"
    assert rows[0] == ["بلد الإقامة", "الأعضاء", "حاملو المشاريع"]
    assert rows[1:] == [["بلجيكا", "6", "0"]]

    tab.goto(f"{base}/fr/dashboard/?label=verified")  # the maps and the label filter in French too
    assert tab.locator("svg.dash-map-world path title", has_text="Canada : 5").count() == 1
    _screenshot(tab, "dashboard-fr-label")
    violations = axe_violations(tab)
    assert not violations, violations
    tab.context.close()
