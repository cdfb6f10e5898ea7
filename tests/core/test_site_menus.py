"""The header's menus: the community menu for everyone, the staff menu by role and only after the
second factor; landmarks named, a disclosure button for phones, no inline script, mirrored in Arabic."""

import re
import time

import pytest

from accompaniment.factories import AdvisorFactory
from accounts.factories import UserFactory
from accounts.roles import ADMIN, ANALYST, EDITOR, MODERATOR
from tests.cms.conftest import home, locales  # noqa: F401 (fixtures: a French home page)

pytestmark = pytest.mark.django_db


def _nav(html, label):
    match = re.search(rf'<nav class="site-menu[^"]*" aria-label="{label}">(.*?)</nav>', html, re.S)
    return match.group(1) if match else None


def _hrefs(fragment):
    return set(re.findall(r'href="([^"]+)"', fragment or ""))


def test_a_visitor_sees_the_community_menu_and_no_staff_menu(client, home):  # noqa: F811
    html = client.get("/fr/").content.decode()
    community = _hrefs(_nav(html, "Communauté"))
    assert {
        "/fr/community/members/",
        "/fr/community/groups/",
        "/fr/community/spaces/",
        "/fr/events/",
    } <= community
    assert "/fr/community/messages/" not in community  # members only
    assert _nav(html, "Outils de l’équipe") is None


def test_the_member_menu_adds_messages_suggestions_and_accompaniment(client, home):  # noqa: F811
    client.force_login(UserFactory())
    html = client.get("/fr/").content.decode()
    community = _hrefs(_nav(html, "Communauté"))
    assert {"/fr/community/messages/", "/fr/matching/", "/fr/accompaniment/"} <= community
    assert _nav(html, "Outils de l’équipe") is None


@pytest.mark.parametrize(
    ("make", "expected", "absent"),
    [
        (
            lambda: UserFactory(roles=["member", MODERATOR], two_factor=True),
            {"/fr/community/moderation/", "/fr/community/labels/moderation/", "/admin/"},
            {"/fr/referential/", "/fr/matching/segments/"},
        ),
        (
            lambda: UserFactory(roles=["member", ANALYST], two_factor=True),
            {
                "/fr/referential/",
                "/fr/referential/linkage/",
                "/fr/matching/segments/",
                "/fr/outreach/",
                "/fr/watch/",
            },
            {"/fr/community/moderation/"},
        ),
        (
            lambda: UserFactory(roles=["member", EDITOR], two_factor=True),
            {"/admin/", "/fr/outreach/"},
            {"/fr/referential/", "/fr/community/moderation/"},
        ),
        (lambda: AdvisorFactory(), {"/fr/accompaniment/board/"}, {"/fr/referential/", "/admin/"}),
    ],
    ids=["moderator", "analyst", "editor", "advisor"],
)
def test_staff_see_the_tools_of_their_role(client, home, make, expected, absent):  # noqa: F811
    client.force_login(make())
    staff = _hrefs(_nav(client.get("/fr/").content.decode(), "Outils de l’équipe"))
    assert expected <= staff
    assert not (absent & staff)


def test_staff_without_the_second_factor_see_no_staff_menu(client, home):  # noqa: F811
    for roles in ([ADMIN], [ANALYST], [MODERATOR]):
        client.force_login(UserFactory(roles=["member", *roles]))  # no authenticator set up
        html = client.get("/fr/").content.decode()
        assert _nav(html, "Outils de l’équipe") is None
        assert "/fr/referential/" not in html and "/fr/community/moderation/" not in html


def test_a_session_that_skipped_the_second_factor_sees_no_staff_menu(client, home):  # noqa: F811
    """An authenticator is set up, but this session signed in with the password only."""
    user = UserFactory(roles=["member", ADMIN], two_factor=True)
    client.force_login(user)
    session = client.session
    session["account_authentication_methods"] = [{"method": "password", "at": time.time()}]
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()
    assert _nav(client.get("/fr/").content.decode(), "Outils de l’équipe") is None


def test_menus_are_named_landmarks_behind_a_disclosure_button_without_inline_script(client, home):  # noqa: F811
    client.force_login(UserFactory(roles=["member", ANALYST], two_factor=True))
    html = client.get("/fr/community/groups/").content.decode()
    button = re.search(r'<button type="button" class="site-header__toggle"([^>]*)>', html).group(1)
    assert 'aria-expanded="false"' in button and 'aria-controls="site-menus"' in button
    assert 'id="site-menus"' in html
    assert '<script src="/static/themes/js/site-menu.js" defer></script>' in html
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline script: the CSP forbids it"
    # The page being read is marked in its menu.
    assert re.search(
        r'<a href="/fr/community/groups/" aria-current="page"><svg class="icon icon--users-round" '
        r'aria-hidden="true" focusable="false"><use href="[^"]+sprite\.svg#users-round"></use></svg> '
        r"Groupes</a>",
        _nav(html, "Communauté"),
    )


def test_arabic_pages_carry_the_menus_right_to_left(client, home):  # noqa: F811
    client.force_login(UserFactory(roles=["member", ANALYST], two_factor=True))
    html = client.get("/ar/community/groups/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert _nav(html, "المجتمع") is not None
    assert _nav(html, "أدوات الفريق") is not None
    assert "القائمة" in html
