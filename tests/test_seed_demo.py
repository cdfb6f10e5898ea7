"""seed_demo brings every app's demo data, once, in the order the apps declare.

The demo is seeded twice for the whole module (it is the slowest set-up of the suite); each test reads
what the seeding left, in its own savepoint. tests/cms/test_seed_demo.py seeds an emptied database.
"""

from io import StringIO

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import translation

from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms import selectors
from cms.demo import PRIVACY_NOTICE_SLUG
from cms.models import FooterLink, HomePage, MenuItem, NewsArticlePage
from community.groups.models import CommunityGroup
from community.labels.models import Label, LabelApplication, LabelGrant
from community.messaging.models import Conversation, Message
from community.messaging.selectors import conversations_of
from community.profiles.models import Profile, Project, RelayCoverage
from community.spaces.models import Post, Space
from matching.segmentation.models import Segment
from privacy.selectors import users_with_consent

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_root():
    """The demo's files live in the module's media folder (module_rows), where its rows point."""


def _counts():
    return {
        "pages": Page.objects.count(),
        "menu items": MenuItem.objects.count(),
        "footer links": FooterLink.objects.count(),
        "sites": Site.objects.count(),
        "translation sources": TranslationSource.objects.count(),
        "translations": Translation.objects.count(),
        "string translations": StringTranslation.objects.count(),
        "users": get_user_model().objects.count(),
        "profiles": Profile.objects.count(),
        "projects": Project.objects.count(),
        "countries": Profile.objects.values("country").distinct().count(),
        "groups": CommunityGroup.objects.count(),
        "spaces": Space.objects.count(),
        "posts": Post.objects.count(),
        "labels": Label.objects.count(),
        "grants": LabelGrant.objects.count(),
        "pending": LabelApplication.objects.filter(status="pending").count(),
        "relays": RelayCoverage.objects.count(),
        "conversations": Conversation.objects.count(),
        "messages": Message.objects.count(),
        "segments": Segment.objects.count(),
    }


@pytest.fixture(scope="module")
def demo(module_rows):
    output = StringIO()
    call_command("seed_demo", stdout=output)
    first = _counts()
    call_command("seed_demo", stdout=StringIO())
    return {"output": output.getvalue(), "first": first, "second": _counts()}


def test_seeding_twice_creates_everything_once(demo):
    assert demo["second"] == demo["first"]
    assert "Demo seeded" in demo["output"] and "moderator@kafaat.localhost" in demo["output"]


def test_the_site_exists_in_three_languages_with_its_menus(demo, client):
    first = demo["first"]
    assert first["pages"] > 40
    # wagtail-localize records
    assert (
        first["translation sources"] > 20
        and first["translations"] > 40
        and first["string translations"] > 200
    )
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"fr", "ar", "en"}
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()  # Wagtail's welcome page
    for language in ("fr", "ar", "en"):
        assert client.get(f"/{language}/").status_code == 200
        assert MenuItem.objects.filter(locale__language_code=language).count() == 5


def test_seeded_translations_share_keys_and_one_article_is_left_untranslated(demo, client):
    for article in NewsArticlePage.objects.filter(locale__language_code="fr"):
        languages = set(
            Page.objects.filter(translation_key=article.translation_key, live=True).values_list(
                "locale__language_code", flat=True
            )
        )
        if article.slug == "rencontre-porteurs-projets-bruxelles":
            assert languages == {"fr", "ar"}
            response = client.get(article.get_url())
            assert f'href="/en/translation-missing/{article.id}/"' in response.content.decode()
        else:
            assert languages == {"fr", "ar", "en"}


def test_privacy_notice_has_the_same_address_in_each_language(demo, client):
    for language in ("fr", "ar", "en"):
        with translation.override(language):
            page = selectors.privacy_notice_page()
        assert page.locale.language_code == language
        assert page.url == f"/{language}/{PRIVACY_NOTICE_SLUG}/" == f"/{language}/privacy-notice/"
        assert client.get(page.url).status_code == 200


def test_the_community_has_members_groups_spaces_labels_and_a_relay(demo):
    first = demo["first"]
    # 300 demo members, and the member account's own profile (with a project) from the matching demo
    assert first["profiles"] == 301 and first["countries"] >= 20 and first["projects"] > 0
    assert (first["groups"], first["spaces"], first["labels"]) == (10, 2, 3)
    assert first["posts"] > 0 and first["grants"] > 0 and first["pending"] > 0 and first["relays"] == 1
    assert users_with_consent("directory").filter(profile__isnull=False).count() > 200


def test_the_demo_member_has_conversations_of_each_kind_with_unread_messages(demo):
    member = get_user_model().objects.get(email="member@kafaat.localhost")
    rows = conversations_of(member)
    assert {"direct", "multi", "group"} <= {row["conversation"].kind for row in rows}
    assert sum(row["unread"] for row in rows) > 0


def test_the_analyst_owns_the_demo_segments(demo):
    assert Segment.objects.filter(owner__email="analyst@kafaat.localhost").count() == 2
