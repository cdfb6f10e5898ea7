"""French text on Arabic pages keeps its punctuation with its sentence: every piece of text a member
wrote is isolated (dir="auto" or <bdi>), so "Salam !" does not turn into "! Salam" in a right-to-left
page. Chromium lays the page out; the test reads where the first and the last character of each text
were drawn."""

import pytest

from community.groups.factories import CommunityGroupFactory, MembershipFactory
from community.messaging import services as messaging
from community.profiles.factories import ProfileFactory
from community.spaces.services import post_create
from events.factories import EventFactory
from tests.browser.helpers import log_in

pytestmark = pytest.mark.django_db(transaction=True)

NAME = "Dupont, J.-M."
HEADLINE = "Ingénieur civil !"
BIO = "Ponts et routes, 12 ans au Québec."
MESSAGE = "Salam ! Tu viens samedi ?"
POST_TITLE = "Atelier export : qui vient ?"
EVENT_TITLE = "Café des compétences (Lyon)"

# Where each character of ``text`` was drawn; the first strong character of a left-to-right text must
# be left of its last character, whatever the page's direction.
READS_LEFT_TO_RIGHT = """([text]) => {
  const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const at = node.data.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at); range.setEnd(node, at + 1);
    const first = range.getBoundingClientRect();
    range.setStart(node, at + text.length - 1); range.setEnd(node, at + text.length);
    const last = range.getBoundingClientRect();
    return first.left < last.left;
  }
  return null;
}"""


def _reads_left_to_right(page, text):
    found = page.evaluate(READS_LEFT_TO_RIGHT, [text])
    assert found is not None, f"{text!r} is not on {page.url}"
    return found


def test_french_text_on_arabic_pages_keeps_its_punctuation_with_its_sentence(browser, live_server):
    viewer = ProfileFactory(country="FR", directory=True).user
    writer = ProfileFactory(display_name=NAME, headline=HEADLINE, bio=BIO, country="FR", directory=True)
    conversation = messaging.direct_conversation_open(initiator=writer.user, other=viewer, text=MESSAGE)
    group = CommunityGroupFactory(name="Cercle export", join_policy="open")
    for user in (viewer, writer.user):
        MembershipFactory(user=user, group=group)
    post_create(author=writer.user, title=POST_TITLE, body="Détails à venir.", group=group)
    EventFactory(title_fr=EVENT_TITLE, title_ar="", title_en="")

    page = browser.new_context(locale="ar-MA").new_page()
    log_in(page, live_server.url, viewer)
    checks = [
        (f"/ar/community/members/?q={writer.display_name[:6]}", NAME),
        (f"/ar/community/members/{writer.pk}/", NAME),
        (f"/ar/community/members/{writer.pk}/", HEADLINE),
        (f"/ar/community/members/{writer.pk}/", BIO),
        (conversation.get_absolute_url().replace("/fr/", "/ar/", 1), MESSAGE),
        (f"/ar/community/groups/{group.slug}/", POST_TITLE),
        ("/ar/events/", EVENT_TITLE),
    ]
    wrong = []
    for path, text in checks:
        page.goto(f"{live_server.url}{path}")
        assert page.evaluate("() => document.documentElement.dir") == "rtl"
        if not _reads_left_to_right(page, text):
            wrong.append((path, text))
    assert not wrong, f"French text drawn right-to-left (punctuation on the wrong side): {wrong}"
