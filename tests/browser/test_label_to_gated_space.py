"""A member earns a label, accepts the charter and enters a gated space; a visitor never sees inside."""

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from accounts.factories import UserFactory
from accounts.roles import MODERATOR
from accounts.services import roles_sync
from community.spaces.demo import seed_spaces_and_groups
from tests.browser.helpers import log_in

pytestmark = pytest.mark.django_db(transaction=True)

SECRET_POST = "Tour de table : unité de valorisation d'argan à Agadir"
MINIMAL_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_member_earns_a_label_accepts_the_charter_and_enters_while_a_visitor_stays_out(
    browser, live_server, tmp_path
):
    roles_sync()
    seed_spaces_and_groups()
    member = UserFactory(email="karim.benali@example.org", first_name="Karim", last_name="Benali")
    moderator = UserFactory(email="moderation@example.org", roles=[MODERATOR])
    moderator_secret = generate_totp_secret()
    TOTP.activate(moderator, moderator_secret)
    evidence = tmp_path / "attestation.pdf"
    evidence.write_bytes(MINIMAL_PDF)
    base = live_server.url
    member_tab, moderator_tab, visitor_tab = (browser.new_context().new_page() for _ in range(3))

    # The member applies for "verified competence" with a statement and a file.
    log_in(member_tab, base, member)
    member_tab.goto(f"{base}/fr/community/labels/apply/verified-competence/")
    member_tab.fill("textarea[name='statement']", "Ingénieure logiciel à Lyon, 12 ans d'expérience.")
    member_tab.set_input_files("input[name='evidence']", str(evidence))
    member_tab.get_by_role("button", name="Envoyer ma candidature").click()
    member_tab.wait_for_url(re.compile(r"/fr/community/labels/mine/"))

    # Before the label, the space shows what is missing, not its content.
    member_tab.goto(f"{base}/fr/community/spaces/investor-club/")
    assert SECRET_POST not in member_tab.content()

    # The moderator grants it from the queue.
    log_in(moderator_tab, base, moderator, totp_secret=moderator_secret)
    moderator_tab.goto(f"{base}/fr/community/labels/moderation/")
    # Each click below loads a new page: wait for it to load before reading it or going on.
    with moderator_tab.expect_navigation():
        moderator_tab.locator("a[href*='/community/labels/moderation/applications/']").first.click()
    assert "attestation.pdf" in moderator_tab.content()
    with moderator_tab.expect_navigation():
        moderator_tab.locator("form:has(input[value='grant']) button[type='submit']").click()

    # The member now holds the label but must accept the charter before entering.
    member_tab.goto(f"{base}/fr/community/spaces/investor-club/")
    assert SECRET_POST not in member_tab.content()
    with member_tab.expect_navigation():
        member_tab.locator("form[action*='/charters/'] button[type='submit']").click()
    member_tab.goto(f"{base}/fr/community/spaces/investor-club/")
    assert SECRET_POST in member_tab.content()

    # A visitor sees the space exists but never its content: page, list, search, API.
    for path in (
        "/fr/community/spaces/investor-club/",
        "/fr/community/spaces/",
        "/fr/community/spaces/search/?q=argan",
        "/ar/community/spaces/investor-club/",
    ):
        visitor_tab.goto(base + path)
        assert SECRET_POST not in visitor_tab.content(), path
        assert "unité de transformation" not in visitor_tab.content(), path  # the post's body
    api = visitor_tab.request.get(f"{base}/fr/community/spaces/api/spaces/investor-club/posts/")
    assert api.status == 403 and "argan" not in api.text()
