"""An editor translates French pages with wagtail-localize, and works in an admin in their own language."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from bs4 import BeautifulSoup

from django.urls import reverse

from wagtail.models import Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from accounts.factories import UserFactory
from accounts.roles import EDITOR
from accounts.services import roles_sync
from cms import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    roles_sync()
    user = UserFactory(roles=[EDITOR])
    TOTP.activate(user, generate_totp_secret())  # staff reach the admin only with two factors
    client.force_login(user)
    return user


def _title_segment(translation):
    return StringSegment.objects.get(source=translation.source, context__path="title")


def test_editor_translates_a_french_page_into_arabic_and_syncs_a_later_change(
    client, editor, home, locales, django_capture_on_commit_callbacks
):
    french = factories.StandardPageFactory(parent=home, title="Devenir mentor", slug="devenir-mentor")

    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[french.id]),
        {"locales": [locales["ar"].id]},
    )
    assert response.status_code == 302
    arabic = french.get_translation(locales["ar"])
    assert not arabic.live  # a draft until the editor publishes it
    translation = Translation.objects.get(
        source__object_id=french.translation_key, target_locale=locales["ar"]
    )
    segments_total, translated = translation.get_progress()
    assert translated == 0 and segments_total >= 1

    response = client.put(
        reverse(
            "wagtail_localize:edit_string_translation", args=[translation.id, _title_segment(translation).id]
        ),
        data="value=" + "كن موجها",
        content_type="application/x-www-form-urlencoded; charset=utf-8",
    )
    assert response.status_code == 201
    assert translation.get_progress()[1] == 1

    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        translation.save_target(user=editor, publish=True)
    arabic = Page.objects.get(id=arabic.id).specific
    assert arabic.live and arabic.title == "كن موجها"
    assert client.get(arabic.url).status_code == 200

    # The French source changes: a sync brings the new string in and the Arabic title awaits translation.
    done_before = translation.get_progress()[1]
    french.title = "Devenir mentor bénévole"
    french.save_revision(user=editor).publish()
    source = TranslationSource.objects.get(object_id=french.translation_key, locale=locales["fr"])
    response = client.post(reverse("wagtail_localize:update_translations", args=[source.id]), {})
    assert response.status_code == 302
    title = _title_segment(translation).string
    assert title.data == "Devenir mentor bénévole"
    assert not StringTranslation.objects.filter(translation_of=title, locale=locales["ar"]).exists()
    assert Translation.objects.get(id=translation.id).get_progress()[1] == done_before - 1


def test_a_member_cannot_submit_translations(client, home, locales):
    roles_sync()
    member = UserFactory()
    client.force_login(member)
    french = factories.StandardPageFactory(parent=home, title="Nous contacter", slug="contact")
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[french.id]),
        {"locales": [locales["ar"].id]},
    )
    assert response.status_code in (302, 403)
    assert not Page.objects.filter(translation_key=french.translation_key, locale=locales["ar"]).exists()


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("fr", "ltr"), ("en", "ltr")])
def test_the_admin_speaks_the_editor_language(client, editor, home, language, direction):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = language
    profile.save()
    response = client.get("/admin/")
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser").html
    assert (html["lang"], html["dir"]) == (language, direction)
