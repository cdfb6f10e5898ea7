"""adopt_translation hands a translation made by hand over to wagtail-localize, keeping its text."""

import logging

import pytest

from wagtail_localize.models import StringTranslation, Translation

from cms import factories
from cms.localize import adopt_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def french(home):
    return factories.StandardPageFactory(
        parent=home,
        title="Devenir mentor",
        slug="devenir-mentor",
        intro="Partagez votre expérience.",
        body=[
            {"type": "heading", "value": "Pourquoi"},
            {"type": "paragraph", "value": "<p>Un paragraphe.</p><p>Un second, <b>important</b>.</p>"},
            {"type": "quote", "value": {"quote": "Une citation.", "attribution": "Une personne"}},
        ],
    )


def arabic_body(*, extra_paragraph=False):
    """The Arabic body as a new list of blocks: fresh block ids, not the French ones."""
    body = [
        {"type": "heading", "value": "لماذا"},
        {"type": "paragraph", "value": "<p>فقرة أولى.</p><p>فقرة ثانية، <b>مهمة</b>.</p>"},
        {"type": "quote", "value": {"quote": "اقتباس.", "attribution": "شخص ما"}},
    ]
    if extra_paragraph:
        body.append({"type": "paragraph", "value": "<p>فقرة إضافية.</p>"})
    return body


def test_adopting_a_translation_with_new_block_ids_records_all_its_strings(
    french, home, locales, django_capture_on_commit_callbacks
):
    factories.translate_page(home, "ar", title="الرئيسية")
    arabic = factories.translate_page(
        french, "ar", title="كن مرشدا", intro="شاركوا تجربتكم.", body=arabic_body()
    )

    translation, created = adopt_translation(french, arabic)

    assert created and translation.enabled and translation.target_locale == locales["ar"]
    # title, slug, intro; in the body: heading, two paragraphs, quote, attribution
    assert translation.get_progress() == (8, 8)
    assert set(
        StringTranslation.objects.filter(locale=locales["ar"]).values_list("translation_type", flat=True)
    ) == {"manual"}
    assert (translation, False) == adopt_translation(french, arabic)  # again: nothing changes

    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    arabic = type(arabic).objects.get(pk=arabic.pk)
    assert (arabic.title, arabic.intro, arabic.slug) == ("كن مرشدا", "شاركوا تجربتكم.", "devenir-mentor")
    assert [block.block_type for block in arabic.body] == ["heading", "paragraph", "quote"]
    assert arabic.body[0].value == "لماذا"
    assert arabic.body[1].value.source == "<p>فقرة أولى.</p><p>فقرة ثانية، <b>مهمة</b>.</p>"
    assert dict(arabic.body[2].value) == {"quote": "اقتباس.", "attribution": "شخص ما"}
    # The body now has the French block ids, as if translated in wagtail-localize from the start.
    assert [block.id for block in arabic.body] == [block.id for block in french.body]


def test_a_field_whose_structure_differs_is_left_for_translators(french, home, locales, caplog):
    factories.translate_page(home, "ar", title="الرئيسية")
    arabic = factories.translate_page(
        french, "ar", title="كن مرشدا", intro="شاركوا تجربتكم.", body=arabic_body(extra_paragraph=True)
    )

    with caplog.at_level(logging.WARNING, logger="cms.localize"):
        translation, _ = adopt_translation(french, arabic)

    total, translated = translation.get_progress()
    assert (total, translated) == (8, 3)  # title, slug and intro; the 5 strings of the body await translation
    assert "body" in caplog.text
    assert not Translation.objects.exclude(pk=translation.pk).exists()
