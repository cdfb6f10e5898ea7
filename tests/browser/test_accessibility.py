"""axe-core in Chromium: no serious or critical violation on key pages, in French and in Arabic."""

import pytest

from wagtail.models import Locale

from cms.demo import seed_cms_content
from cms.models import ProgrammePage

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def _programme_path(language):
    programme = ProgrammePage.objects.live().filter(locale=Locale.objects.get(language_code=language)).first()
    return programme.get_url()


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_key_pages_have_no_serious_accessibility_violation(page, live_server, language):
    seed_cms_content()
    paths = {
        "home": f"/{language}/",
        "programme": _programme_path(language),
        "sign-up": f"/{language}/accounts/signup/",
    }
    found = {}
    for name, path in paths.items():
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert page.evaluate("() => document.documentElement.lang") == language
        violations = axe_violations(page)
        if violations:
            found[name] = violations
    assert found == {}


def test_sign_up_errors_stay_accessible_in_arabic(page, live_server):
    seed_cms_content()
    page.goto(f"{live_server.url}/ar/accounts/signup/")
    page.fill("input[name='email']", "not-an-address")
    page.locator("main form button[type='submit']").last.click()
    page.wait_for_selector(".errorlist")
    assert page.evaluate("() => document.documentElement.dir") == "rtl"
    assert axe_violations(page) == []
