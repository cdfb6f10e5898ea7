"""In Chromium: the API's docs page renders Swagger UI from our own static files under the CSP."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_api_docs_page_renders_without_csp_violations(page, live_server):
    violations, outside = [], []
    page.on("console", lambda m: m.type == "error" and violations.append(m.text))
    page.on("request", lambda r: not r.url.startswith(live_server.url) and outside.append(r.url))
    page.goto(f"{live_server.url}/api/v1/docs/")
    page.wait_for_selector(".swagger-ui .opblock", timeout=15_000)
    assert page.locator(".opblock-summary-path", has_text="/api/v1/programmes/").count() == 1
    assert not [v for v in violations if "Content Security Policy" in v], violations
    assert outside == []
