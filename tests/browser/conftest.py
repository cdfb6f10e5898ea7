"""Real parts for browser tests: Debian's Chromium driven by Playwright (smtp_inbox: tests/conftest.py)."""

import os
import re
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="module")
def browser():
    """One Chromium per test module.

    Playwright's sync API keeps an event loop running in the test thread while the browser lives; the
    ORM calls the tests make between browser steps are still plain synchronous calls, so Django's
    async-safety guard is lifted for the module only, and the loop ends with it.
    """
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/ensure-test-tools (installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fr-FR")
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


def axe_violations(page, impacts=("serious", "critical")):
    """Run axe-core (from npm) in the page; return the violations of the given impact."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run scripts/ensure-test-tools (npm ci)")
    # Pages forbid inline scripts (Content-Security-Policy): axe is loaded as a same-origin file,
    # served to the page by Playwright itself.
    origin = re.match(r"https?://[^/]+", page.url).group(0)
    axe_url = f"{origin}/__axe-core__.js"
    page.route(axe_url, lambda route: route.fulfill(path=str(AXE), content_type="application/javascript"))
    page.add_script_tag(url=axe_url)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
        if v["impact"] in impacts
    ]
