"""Sign-up: consents, errors next to fields in the active language, email verification."""

import pytest
from allauth.account.models import EmailAddress

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext

from accounts.roles import MEMBER
from privacy.models import ConsentPurpose, ConsentRecord, ConsentSource, NoticeAcceptance

from .helpers import STRONG_PASSWORD, field_container, first_link, log_in, soup

pytestmark = pytest.mark.django_db
User = get_user_model()


def _signup_data(**overrides):
    data = {
        "email": "amina@example.org",
        "password1": STRONG_PASSWORD,
        "password2": STRONG_PASSWORD,
        "accept_privacy_notice": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_signup_page_links_the_privacy_notice_and_ticks_nothing(client):
    response = client.get("/fr/accounts/signup/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "checked" not in html
    page = soup(response)
    assert page.find("a", href="/fr/privacy-notice/") is not None
    for name in ("accept_privacy_notice", "consent_directory", "consent_matching", "consent_newsletter"):
        box = page.find("input", attrs={"name": name})
        assert box["type"] == "checkbox"
        assert page.find("label", attrs={"for": box["id"]}) is not None
    assert page.find("input", attrs={"name": "accept_privacy_notice"}).has_attr("required")
    assert not page.find("input", attrs={"name": "consent_directory"}).has_attr("required")


def test_privacy_notice_path_comes_from_settings(client, settings):
    settings.PRIVACY_NOTICE_URL_PATH = "donnees-personnelles/"
    page = soup(client.get("/en/accounts/signup/"))
    assert page.find("a", href="/en/donnees-personnelles/") is not None


def test_errors_sit_next_to_their_field_in_the_active_language(client):
    response = client.post("/fr/accounts/signup/", _signup_data(email=""))
    assert response.status_code == 200
    with translation.override("fr"):
        required = gettext("This field is required.")
    assert required != "This field is required."  # Django's French catalogue is in use
    email_box = field_container(response, "id_email")
    assert required in email_box.find(class_="errorlist").get_text()
    email_input = email_box.find("input")
    assert email_input["aria-invalid"] == "true"
    assert "id_email_error" in email_input["aria-describedby"]
    assert field_container(response, "id_password1").find(class_="errorlist") is None


def test_arabic_sign_up_is_right_to_left_with_arabic_errors(client):
    response = client.post("/ar/accounts/signup/", _signup_data(email=""))
    html_tag = soup(response).find("html")
    assert html_tag["lang"] == "ar"
    assert html_tag["dir"] == "rtl"
    with translation.override("ar"):
        required = gettext("This field is required.")
    assert required in field_container(response, "id_email").find(class_="errorlist").get_text()


def test_signup_without_accepting_the_notice_is_refused_and_keeps_the_other_values(client):
    data = _signup_data(accept_privacy_notice=None, consent_matching="on")
    response = client.post("/fr/accounts/signup/", data)
    assert response.status_code == 200
    assert not User.objects.filter(email="amina@example.org").exists()
    notice_box = field_container(response, "id_accept_privacy_notice")
    assert notice_box.find(class_="errorlist") is not None
    page = soup(response)
    assert page.find("input", attrs={"name": "email"})["value"] == "amina@example.org"
    assert page.find("input", attrs={"name": "consent_matching"}).has_attr("checked")
    assert not page.find("input", attrs={"name": "consent_directory"}).has_attr("checked")
    assert not page.find("input", attrs={"name": "accept_privacy_notice"}).has_attr("checked")


def test_signup_stores_exactly_the_chosen_consents_with_notice_version_and_time(client):
    before = timezone.now()
    response = client.post("/fr/accounts/signup/", _signup_data(consent_directory="on"))
    assert response.status_code == 302
    user = User.objects.get(email="amina@example.org")
    records = {record.purpose: record for record in ConsentRecord.objects.filter(user=user)}
    assert {purpose: record.granted for purpose, record in records.items()} == {
        **dict.fromkeys(ConsentPurpose.values, False),
        "directory": True,
    }
    for record in records.values():
        assert record.source == ConsentSource.SIGNUP
        assert record.notice.version == "1.0"
        assert before <= record.created_at <= timezone.now()
    acceptance = NoticeAcceptance.objects.get(user=user)
    assert acceptance.notice.version == "1.0"
    assert user.groups.filter(name=MEMBER).exists()
    assert user.preferred_language == "fr"


def test_verification_mail_in_the_request_language_then_confirming_signs_the_member_in(client):
    response = client.post("/fr/accounts/signup/", _signup_data())
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["amina@example.org"]
    with translation.override("fr"):
        subject = gettext("Please Confirm Your Email Address")
    assert subject != "Please Confirm Your Email Address"
    assert message.subject == f"[Kafaat] {subject}"
    assert "Kafaat" in message.body
    assert "_auth_user_id" not in client.session

    # Confirming in the browser that signed up signs the member in and leads to their home.
    confirm_path = first_link(message.body, "/fr/accounts/confirm-email/")
    assert client.get(confirm_path).status_code == 200
    response = client.post(confirm_path)
    assert response.status_code == 302
    assert response["Location"] == "/fr/community/home/"
    assert client.session["_auth_user_id"] == str(User.objects.get(email="amina@example.org").pk)
    assert client.get("/fr/community/home/").status_code == 200


def test_a_confirmation_link_opened_in_another_browser_confirms_but_does_not_sign_in(client):
    client.post("/fr/accounts/signup/", _signup_data())
    confirm_path = first_link(mail.outbox[0].body, "/fr/accounts/confirm-email/")
    other = Client()
    response = other.post(confirm_path)
    assert response.status_code == 302
    assert "_auth_user_id" not in other.session
    assert EmailAddress.objects.get(email="amina@example.org").verified

    # Not verified-before-login anymore: a login now goes through, to the home.
    response = log_in(other, "amina@example.org", STRONG_PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/fr/community/home/"


def test_arabic_signup_sends_links_under_the_arabic_prefix(client):
    client.post("/ar/accounts/signup/", _signup_data())
    assert "/ar/accounts/confirm-email/" in mail.outbox[0].body
