"""axe-core in Chromium on the matching pages, in French and Arabic (right to left), and a decision."""

import pytest

from matching.models import MatchDecision
from matching.taxonomy import taxonomy_load
from privacy.factories import PrivacyNoticeFactory
from tests.browser.helpers import log_in
from tests.matching.conftest import competence, project_of

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_matching_pages_are_accessible_and_a_holder_accepts_a_suggestion(page, live_server, language):
    PrivacyNoticeFactory(version="1.0")
    taxonomy_load(embed=True)  # a flush before this test reloaded the concepts without their vectors
    holder = competence(display_name="Karim Holder", sectors=["agriculture"], skills=["Gestion de projet"])
    developer = competence(
        display_name="Nadia Web",
        headline="Développeuse web",
        bio="Je crée des boutiques en ligne pour des artisans.",
        sectors=["digital"],
        skills=["Développement web"],
        contributions=["expertise"],
    )
    project = project_of(
        holder,
        title="منصة رقمية لتعاونيات الأركان",
        summary="نحتاج إلى متجر على الإنترنت لبيع زيت الأركان.",
        sector="digital",
        help_needed=["expertise"],
        skills_needed=["تطوير الويب"],
    )
    log_in(page, live_server.url, holder.user.email)
    found = {}
    for path in (
        f"/{language}/matching/",
        f"/{language}/matching/projects/{project.pk}/",
        f"/{language}/matching/me/",
    ):
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert page.evaluate("() => document.documentElement.dir") == ("rtl" if language == "ar" else "ltr")
        violations = axe_violations(page)
        if violations:
            found[path] = violations
    assert found == {}

    page.goto(f"{live_server.url}/{language}/matching/projects/{project.pk}/")
    card = page.locator(f"li.suggestion[data-profile='{developer.pk}']")
    card.locator("button[value='accept']").click()
    page.wait_for_load_state()
    assert MatchDecision.objects.filter(project=project, profile=developer, verdict="accept").exists()
    assert axe_violations(page) == []
