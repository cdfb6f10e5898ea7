"""Every allauth page renders inside base.html, with one h1, labelled inputs and no allauth layout."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from accounts.factories import DEFAULT_PASSWORD, UserFactory

from .helpers import log_in, soup, totp_code

pytestmark = pytest.mark.django_db

ANONYMOUS_PAGES = [
    "/fr/accounts/login/",
    "/fr/accounts/signup/",
    "/fr/accounts/password/reset/",
    "/fr/accounts/password/reset/done/",
    "/fr/accounts/confirm-email/",
    "/ar/accounts/login/",
    "/en/accounts/signup/",
]
MEMBER_PAGES = [
    "/fr/account/",
    "/fr/accounts/email/",
    "/fr/accounts/password/change/",
    "/fr/accounts/logout/",
    "/fr/accounts/2fa/",
    "/fr/accounts/reauthenticate/",
]


def assert_site_page(response):
    assert response.status_code == 200, response.status_code
    page = soup(response)
    assert page.find("a", class_="skip-link") is not None  # base.html
    main = page.find("main", id="main")
    assert main is not None
    assert len(page.find_all("h1")) == 1
    assert main.find("h1") is not None
    assert "Menu:" not in page.get_text()  # allauth's bare layout is not used
    for control in main.find_all(["input", "select", "textarea"]):
        if control.get("type") in ("hidden", "submit"):
            continue
        assert control.get("id"), control
        label = page.find("label", attrs={"for": control["id"]})
        assert label is not None and label.get_text(strip=True), control


@pytest.mark.parametrize("path", ANONYMOUS_PAGES)
def test_entrance_pages(client, path):
    assert_site_page(client.get(path))


@pytest.mark.parametrize("path", MEMBER_PAGES)
def test_management_pages(client, path):
    user = UserFactory()
    client.force_login(user)
    assert_site_page(client.get(path))


def test_two_factor_pages(client):
    user = UserFactory()
    log_in(client, user.email, DEFAULT_PASSWORD)
    client.post("/fr/accounts/reauthenticate/", {"password": DEFAULT_PASSWORD})
    assert_site_page(client.get("/fr/accounts/2fa/totp/activate/"))
    response = client.post(
        "/fr/accounts/2fa/totp/activate/", {"code": totp_code(client.session["mfa.totp.secret"])}
    )
    assert response["Location"] == "/fr/accounts/2fa/recovery-codes/"
    assert_site_page(client.get(response["Location"]))
    assert_site_page(client.get("/fr/accounts/2fa/"))

    other = UserFactory()
    TOTP.activate(other, generate_totp_secret())
    client.post("/fr/accounts/logout/")
    log_in(client, other.email, DEFAULT_PASSWORD)
    assert_site_page(client.get("/fr/accounts/2fa/authenticate/"))


def test_login_errors_are_shown_once_at_the_top_of_the_form(client):
    UserFactory(email="someone@example.org")
    response = client.post("/fr/accounts/login/", {"login": "someone@example.org", "password": "nope-nope-1"})
    assert response.status_code == 200
    alert = soup(response).find(class_="form-errors")
    assert alert is not None and alert.get("role") == "alert"


def test_login_errors_for_a_missing_field_sit_next_to_it(client):
    response = client.post("/fr/accounts/login/", {"login": "", "password": "x"})
    box = soup(response).find(id="id_login").find_parent(class_="form-field")
    assert box.find(class_="errorlist") is not None
