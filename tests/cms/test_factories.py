import pytest

from cms import factories, models


@pytest.mark.parametrize(
    ("factory", "parent_fixture"),
    [
        (factories.ProgrammeIndexPageFactory, "home"),
        (factories.ServiceIndexPageFactory, "home"),
        (factories.NewsIndexPageFactory, "home"),
        (factories.FAQPageFactory, "home"),
        (factories.StandardPageFactory, "home"),
    ],
)
def test_section_factories_build_valid_pages_under_the_home_page(request, factory, parent_fixture):
    parent = request.getfixturevalue(parent_fixture)
    page = factory(parent=parent)
    page.full_clean()
    assert page.get_parent().specific == parent
    assert type(page) in parent.specific_class.allowed_subpage_models()


def test_leaf_page_factories_build_valid_pages(home):
    programme = factories.ProgrammePageFactory(
        parent=factories.ProgrammeIndexPageFactory(parent=home), sectors=["digital"], countries=["FR"]
    )
    service = factories.ServicePageFactory(parent=factories.ServiceIndexPageFactory(parent=home))
    article = factories.NewsArticlePageFactory(parent=factories.NewsIndexPageFactory(parent=home))
    for page in (programme, service, article):
        page.full_clean()
        assert page.live
        assert page.locale.language_code == "fr"
    assert [tag.slug for tag in programme.sector_tags.all()] == ["digital"]
    assert [tag.code for tag in programme.country_tags.all()] == ["FR"]
    assert len(service.steps) == 1 and len(article.body) == 3


def test_translate_page_shares_the_translation_key(home, locales):
    translated = factories.translate_page(home, "ar", title="الرئيسية")
    assert translated.translation_key == home.translation_key
    assert translated.locale == locales["ar"]
    assert translated.live


def test_navigation_factories_build_valid_snippets(home):
    item = factories.MenuItemFactory(link_page=home)
    link = factories.FooterLinkFactory()
    item.full_clean()
    link.full_clean()
    assert isinstance(item, models.MenuItem) and item.locale.language_code == "fr"
