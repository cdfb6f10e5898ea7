"""The account settings page: email, security links, consents with one-click toggles, history."""

import pytest

from django.utils import formats, translation

from accounts.factories import UserFactory
from privacy.models import ConsentPurpose, ConsentRecord
from privacy.selectors import consent_history, users_with_consent
from privacy.services import signup_consents_record
from tests.accounts.helpers import soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(client):
    user = UserFactory(email="salma@example.org")
    signup_consents_record(user=user, granted_purposes=["directory"])
    client.force_login(user)
    return user


def test_login_required(client):
    response = client.get("/fr/account/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/accounts/login/")


def test_shows_email_security_links_and_current_consents(client, member):
    response = client.get("/fr/account/")
    assert response.status_code == 200
    page = soup(response)
    assert "salma@example.org" in page.get_text()
    for href in ("/fr/accounts/email/", "/fr/accounts/password/change/", "/fr/accounts/2fa/"):
        assert page.find("a", href=href) is not None
    forms = page.select("form[action='/fr/account/consents/']")
    decisions = {}
    for form in forms:
        purpose, granted = form.find(attrs={"name": "purpose"}), form.find(attrs={"name": "granted"})
        decisions[purpose["value"]] = granted["value"]
    # directory is granted, so its button withdraws ("0"); the others grant ("1").
    others = dict.fromkeys(set(ConsentPurpose.values) - {"directory"}, "1")
    assert decisions == {"directory": "0", **others}
    headings = [int(tag.name[1]) for tag in page.find("main").find_all(["h1", "h2", "h3"])]
    assert headings[0] == 1
    assert all(later - earlier <= 1 for earlier, later in zip(headings, headings[1:], strict=False))


def test_withdrawing_is_one_post_and_keeps_the_history(client, member):
    assert member in users_with_consent("directory")
    response = client.post("/fr/account/consents/", {"purpose": "directory", "granted": "0"})
    assert response.status_code == 302
    assert response["Location"] == "/fr/account/#consents"
    assert member not in users_with_consent("directory")
    latest = consent_history(member).first()
    assert (latest.purpose, latest.granted, latest.source) == ("directory", False, "settings")
    assert ConsentRecord.objects.filter(user=member).count() == len(ConsentPurpose.values) + 1

    client.post("/fr/account/consents/", {"purpose": "newsletter", "granted": "1"})
    assert member in users_with_consent("newsletter")

    response = client.get("/fr/account/")
    rows = soup(response).find("table").find("tbody").find_all("tr")
    assert len(rows) == len(ConsentPurpose.values) + 2
    assert all(row.find_all("td")[-1].get_text(strip=True) == "1.0" for row in rows)


def test_history_dates_are_localized(client, member):
    record = consent_history(member).first()
    with translation.override("fr"):
        french = formats.date_format(record.created_at, "DATETIME_FORMAT")
    with translation.override("en"):
        english = formats.date_format(record.created_at, "DATETIME_FORMAT")
    assert french != english
    assert french in client.get("/fr/account/").content.decode()
    assert english in client.get("/en/account/").content.decode()


def test_an_invalid_change_records_nothing(client, member):
    before = ConsentRecord.objects.count()
    response = client.post("/fr/account/consents/", {"purpose": "telepathy", "granted": "1"})
    assert response.status_code == 302
    assert ConsentRecord.objects.count() == before
    assert client.get("/fr/account/consents/").status_code == 405


def test_arabic_settings_page_is_right_to_left(client, member):
    page = soup(client.get("/ar/account/"))
    assert page.find("html")["dir"] == "rtl"
