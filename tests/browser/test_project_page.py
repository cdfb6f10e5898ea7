"""A project's page in Chromium, in French and Arabic: what a visitor and its holder read, axe-clean, in
the self-hosted web fonts (the Arabic face for Arabic text)."""

import pytest

from community.profiles.choices import Visibility
from community.profiles.factories import ProfileFactory, ProjectFactory
from privacy.factories import PrivacyNoticeFactory

from .conftest import axe_violations
from .helpers import log_in

pytestmark = pytest.mark.django_db(transaction=True)

SUMMARY = {
    "fr": "Des séchoirs solaires pour la coopérative d'argan des femmes de Tiznit.",
    "ar": "مجففات تعمل بالطاقة الشمسية لتعاونية نسائية لإنتاج زيت الأركان في تيزنيت.",
}

LOADED_FACES = """async () => {
  await document.fonts.ready;
  return [...document.fonts].filter((face) => face.status === "loaded").map((face) => face.family);
}"""


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_public_project_page_reads_well_in_its_language(browser, live_server, language):
    PrivacyNoticeFactory(version="1.0")
    holder = ProfileFactory(
        display_name="سميرة الوالي" if language == "ar" else "Samira Ouali",
        vis_name=Visibility.PUBLIC,
        directory=True,
    )
    project = ProjectFactory(
        owner=holder,
        title="Séchoirs solaires de Tiznit",
        summary=SUMMARY[language],
        visibility=Visibility.PUBLIC,
        funding_need="100k-1m",
        skills_needed=["Énergie solaire", "تسويق"],
    )
    address = f"{live_server.url}/{language}/community/projects/{project.pk}/"

    visitor = browser.new_context().new_page()
    response = visitor.goto(address)
    assert response.status == 200
    assert visitor.evaluate("() => document.documentElement.dir") == ("rtl" if language == "ar" else "ltr")
    summary = visitor.locator('[data-field="summary"] p')
    assert summary.inner_text() == SUMMARY[language]
    family = summary.evaluate("(node) => getComputedStyle(node).fontFamily")
    faces = visitor.evaluate(LOADED_FACES)
    if language == "ar":
        assert family.startswith('"Noto Sans Arabic"'), family
        assert "Noto Sans Arabic" in faces, faces  # the self-hosted Arabic face was fetched and used
    else:
        assert family.startswith('"Noto Sans"'), family
        assert "Noto Sans" in faces, faces
    # The holder's face: an initial beside the name, hidden from screen readers.
    assert visitor.locator(".project-page__holder .avatar[aria-hidden='true']").inner_text() == (
        "س" if language == "ar" else "S"
    )
    assert visitor.locator('meta[property="og:title"]').get_attribute("content") == project.title
    assert axe_violations(visitor) == []
    visitor.context.close()

    # The holder reads the same page with its edit link, and the menus' icons come from the sprite.
    tab = browser.new_context().new_page()
    log_in(tab, live_server.url, holder.user, language=language)
    tab.goto(address)
    assert tab.locator(f'a[href$="/me/projects/{project.pk}/edit/"]').count() == 1
    icon = tab.locator(".notification-bell svg.icon use")
    assert icon.get_attribute("href").endswith("sprite.svg#bell")
    assert tab.locator(".notification-bell svg.icon").bounding_box()["width"] > 10
    assert axe_violations(tab) == []
    tab.context.close()
