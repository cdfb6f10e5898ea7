"""An analyst (with two factors) builds a segment with live counts, saves it and reads its page;
axe-core finds no serious violation in French or Arabic."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from accounts.factories import UserFactory
from accounts.roles import ANALYST
from community.groups.factories import CommunityGroupFactory, MembershipFactory
from community.groups.models import Membership
from community.profiles.factories import ProfileFactory, ProjectFactory
from matching.segmentation.models import Segment
from matching.segmentation.services import segment_create
from privacy.factories import ConsentRecordFactory, PrivacyNoticeFactory

from .conftest import axe_violations
from .helpers import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def _members():
    profiles = []
    for country, sector, stage in (
        ("FR", "agriculture", "prototype"),
        ("FR", "digital", "idea"),
        ("BE", "agriculture", "launched"),
        ("ES", "health", "scaling"),
    ):
        profile = ProfileFactory(country=country, sectors=[sector], skills=["Irrigation"])
        ConsentRecordFactory(user=profile.user, purpose="matching", granted=True)
        ProjectFactory(
            owner=profile, sector=sector, stage=stage, funding_need="100k-1m", skills_needed=["SIG"]
        )
        profiles.append(profile)
    group = CommunityGroupFactory(country="FR")  # the first member leads a group: a relay proposal
    MembershipFactory(user=profiles[0].user, group=group, role=Membership.Role.OWNER)
    for profile in profiles[1:]:
        MembershipFactory(user=profile.user, group=group)


def _assert_accessible(tab, language, path):
    assert tab.evaluate("() => document.documentElement.dir") == ("rtl" if language == "ar" else "ltr")
    violations = axe_violations(tab)
    assert not violations, (path, violations)


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_analyst_builds_a_segment_with_live_counts_and_reads_its_page(browser, live_server, language):
    PrivacyNoticeFactory(version="1.0")
    _members()
    analyst = UserFactory(email="analyste@example.org", roles=[ANALYST])
    secret = generate_totp_secret()
    TOTP.activate(analyst, secret)
    saved = segment_create(owner=analyst, name="Tous", filters={})
    base = live_server.url
    tab = browser.new_context().new_page()
    tab.set_default_timeout(15_000)
    log_in(tab, base, analyst.email, secret)

    tab.goto(f"{base}/{language}/matching/segments/new/")
    count = tab.locator("#segment-count")
    assert count.get_attribute("data-count") == "4"
    _assert_accessible(tab, language, "builder")

    # The count follows the filters without submitting the form.
    tab.locator("input[name='sector'][value='agriculture']").check()
    tab.wait_for_function("() => document.querySelector('#segment-count').dataset.count === '2'")
    # Countries: a folded list of checkboxes with a filter box (no Ctrl/Cmd click).
    assert tab.locator("select[multiple]").count() == 0
    tab.locator(".choice-list summary").click()
    france = {"fr": "France", "ar": "فرنسا"}[language]
    tab.locator(".choice-list__filter input[type='search']").fill(france[:3])
    assert tab.locator("input[name='country'][value='BE']").is_hidden()
    tab.get_by_label(france, exact=True).check()
    tab.wait_for_function("() => document.querySelector('#segment-count').dataset.count === '1'")
    assert tab.locator(".choice-list__chosen li").all_inner_texts() == [france]
    _assert_accessible(tab, language, "builder with the country list open")
    tab.locator(".choice-list__filter input[type='search']").fill("")
    assert tab.locator("input[name='country'][value='BE']").is_visible()

    # Saving keeps the filters chosen live, even though "Apply" was never pressed.
    tab.fill("#segment-save input[name='name']", "Agriculture en France")
    tab.locator("#segment-save button[type='submit']").click()
    tab.wait_for_url("**/matching/segments/*/")
    segment = Segment.objects.exclude(pk=saved.pk).get()
    assert segment.filters == {"country": ["FR"], "sector": ["agriculture"]} and segment.member_count == 1
    _assert_accessible(tab, language, "new segment page")

    # A larger segment: charts, their tables, the ranked projects.
    tab.goto(f"{base}/{language}/matching/segments/{saved.pk}/")
    assert tab.locator(".bar-chart").count() == 3
    tab.locator(".segment-chart__data summary").first.click()
    assert tab.locator(".segment-chart__data table").first.is_visible()
    assert tab.locator(".target").count() == 4
    _assert_accessible(tab, language, "segment page")

    # Bars start on the reading side: left in French, right in Arabic.
    track = tab.locator(".bar-chart__track").first.bounding_box()
    bar = tab.locator(".bar-chart__bar").first.bounding_box()
    if language == "ar":
        assert abs((track["x"] + track["width"]) - (bar["x"] + bar["width"])) < 2
    else:
        assert abs(track["x"] - bar["x"]) < 2

    tab.goto(f"{base}/{language}/matching/segments/relays/")
    assert tab.locator("table tbody tr").count() == 1
    _assert_accessible(tab, language, "relays")
    tab.goto(f"{base}/{language}/matching/segments/")
    _assert_accessible(tab, language, "list")
