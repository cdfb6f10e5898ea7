"""axe-core in Chromium on the community pages, in French and in Arabic, for a member and a moderator."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from accounts.factories import UserFactory
from accounts.roles import MODERATOR
from community.profiles.choices import Visibility
from community.profiles.demo import seed_profiles
from community.profiles.models import Profile
from community.spaces.demo import seed_spaces_and_groups
from privacy.factories import PrivacyNoticeFactory

from .conftest import axe_violations
from .helpers import log_in

pytestmark = pytest.mark.django_db(transaction=True)

MEMBER_PAGES = [
    "/{lang}/community/members/",
    "/{lang}/community/members/projects/",
    "/{lang}/community/members/me/",
    "/{lang}/community/members/{profile}/",
    "/{lang}/community/labels/",
    "/{lang}/community/labels/apply/verified-competence/",
    "/{lang}/community/labels/mine/",
    "/{lang}/community/spaces/",
    "/{lang}/community/spaces/investor-club/",
    "/{lang}/community/groups/",
    "/{lang}/community/groups/{group}/",
    "/{lang}/community/groups/new/",
    "/{lang}/community/notifications/",
    "/{lang}/community/notifications/preferences/",
    "/{lang}/community/moderation/blocks/",
]
MODERATOR_PAGES = ["/{lang}/community/labels/moderation/", "/{lang}/community/moderation/"]


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_community_pages_have_no_serious_accessibility_violation(browser, live_server, language):
    PrivacyNoticeFactory(version="1.0")
    seed_profiles(count=30)
    seeded = seed_spaces_and_groups()
    member = UserFactory(email="salma.ait@example.org")
    moderator = UserFactory(email="moderation@example.org", roles=[MODERATOR])
    secret = generate_totp_secret()
    TOTP.activate(moderator, secret)
    values = {
        "lang": language,
        "profile": Profile.objects.filter(vis_name__lte=Visibility.MEMBERS).order_by("id").first().pk,
        "group": seeded["groups"].first().slug,
    }

    found = {}
    for email, pages, totp_secret in (
        (member.email, MEMBER_PAGES, None),
        (moderator.email, MODERATOR_PAGES, secret),
    ):
        tab = browser.new_context().new_page()
        log_in(tab, live_server.url, email, totp_secret)
        for template in pages:
            path = template.format(**values)
            response = tab.goto(live_server.url + path)
            assert response.status in (200, 403), path  # a locked space answers 403 with its explanation
            assert tab.evaluate("() => document.documentElement.dir") == (
                "rtl" if language == "ar" else "ltr"
            )
            violations = axe_violations(tab)
            if violations:
                found[path] = violations
        tab.context.close()
    assert found == {}
