"""The demo's main pages at 1280 and 390 px, in French and Arabic: each opens, reads in its direction,
and at 390 px none scrolls sideways (a phone layout, not a shrunk desktop).

With $SCREENSHOTS_DIR set, the run also writes a full-page picture of each, named
<page>-<language>-<width>.png, for reviewers and closing notes (56 pictures: a minute and a half of the
suite's time, so only on demand: ``SCREENSHOTS_DIR=var/screenshots .venv/bin/pytest
tests/browser/test_screenshots.py``).
"""

import os
import time
from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from django.contrib.auth import get_user_model
from django.core.management import call_command

from accounts.demo import DEMO_PASSWORD
from community.groups.models import CommunityGroup, Membership
from community.labels.models import LabelGrant
from community.messaging.selectors import conversations_of
from community.profiles.models import Profile, Project
from community.spaces.models import CharterAcceptance, Space
from events.models import Event
from tests.browser.helpers import log_in

pytestmark = pytest.mark.django_db(transaction=True)

FOLDER = Path(os.environ["SCREENSHOTS_DIR"]) if os.environ.get("SCREENSHOTS_DIR") else None
WIDTHS = {1280: 900, 390: 844}
LANGUAGES = ("fr", "ar")
MEMBER = "member@kafaat.localhost"
ANALYST = "analyst@kafaat.localhost"

SIDEWAYS = """() => {
  const page = document.documentElement;
  if (page.scrollWidth <= window.innerWidth + 1) return [];
  return [...document.querySelectorAll("main *")]
    .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && el.children.length === 0)
    .slice(0, 5).map((el) => el.tagName.toLowerCase() + "." + [...el.classList].join("."));
}"""


def _enter_a_space(member):
    """The demo member may hold the first space's label but has not accepted its charter."""
    space = Space.objects.order_by("pk").first()
    LabelGrant.objects.get_or_create(user=member, label=space.required_labels.first())
    CharterAcceptance.objects.get_or_create(user=member, version=space.charter.current_version())
    return space


def _member_pages():
    User = get_user_model()  # noqa: N806
    member = User.objects.get(email=MEMBER)
    profile = Profile.objects.get(user=member)
    group = CommunityGroup.objects.filter(
        memberships__user=member, memberships__status=Membership.Status.ACTIVE
    ).first()
    conversation = conversations_of(member)[0]["conversation"]
    project = Project.objects.filter(owner=profile).first()  # the demo member holds one
    pages = {
        "home": "/{l}/",
        "personal-home": "/{l}/community/home/",
        "directory": "/{l}/community/members/",
        "profile": f"/{{l}}/community/members/{profile.pk}/",
        "projects": "/{l}/community/members/projects/",
        "group": f"/{{l}}/community/groups/{group.slug}/",
        "space": f"/{{l}}/community/spaces/{_enter_a_space(member).slug}/",
        "events": "/{l}/events/",
        "event": f"/{{l}}/events/{Event.objects.order_by('start').first().pk}/",
        "calendar": "/{l}/events/calendar/",
        "conversation": conversation.get_absolute_url().replace("/fr/", "/{l}/", 1),
        "notifications": "/{l}/community/notifications/",
        "search": "/{l}/search/?q=data",
    }
    pages["project"] = f"/{{l}}/community/projects/{project.pk}/"
    return pages


def _shoot(browser, base, who, secret, pages):
    sideways = []
    for width, height in WIDTHS.items():
        context = browser.new_context(viewport={"width": width, "height": height}, locale="fr-FR")
        tab = context.new_page()
        tab.set_default_timeout(30_000)
        log_in(tab, base, who, secret, password=DEMO_PASSWORD)
        for language in LANGUAGES:
            for name, path in pages.items():
                response = tab.goto(base + path.format(l=language))
                assert response.status == 200, (name, language, response.status)
                assert tab.evaluate("() => document.documentElement.dir") == (
                    "rtl" if language == "ar" else "ltr"
                )
                if FOLDER is not None:
                    tab.screenshot(path=FOLDER / f"{name}-{language}-{width}.png", full_page=True)
                if width < 600:
                    overflowing = tab.evaluate(SIDEWAYS)
                    if overflowing:
                        sideways.append((name, language, overflowing))
                    if name == "directory":  # the filters fold: the first member is on the first screen
                        top = tab.evaluate(
                            "() => document.querySelector('.profile-cards li').getBoundingClientRect().top"
                        )
                        assert top < height, (language, top)
        context.close()
    return sideways


def test_main_pages_at_desktop_and_phone_widths_in_french_and_arabic(browser, live_server):
    if FOLDER is not None:
        FOLDER.mkdir(parents=True, exist_ok=True)
    started = time.time()
    call_command("seed_demo", verbosity=0)
    analyst = get_user_model().objects.get(email=ANALYST)
    secret = generate_totp_secret()
    TOTP.activate(analyst, secret)

    sideways = _shoot(browser, live_server.url, MEMBER, None, _member_pages())
    sideways += _shoot(browser, live_server.url, analyst, secret, {"staff-menu": "/{l}/dashboard/"})

    if FOLDER is not None:  # written by this run, not left by an earlier one: every page, language, width
        expected = [
            FOLDER / f"{name}-{language}-{width}.png"
            for name in [*_member_pages(), "staff-menu"]
            for language in LANGUAGES
            for width in WIDTHS
        ]
        stale = [path.name for path in expected if not path.exists() or path.stat().st_mtime < started]
        assert not stale, stale
    assert not sideways, f"pages that scroll sideways on a 390 px phone: {sideways}"
