"""Password reset, password change and email change, through allauth's pages."""

import pytest
from allauth.account.models import EmailAddress

from django.contrib.auth import get_user_model
from django.core import mail

from accounts.factories import DEFAULT_PASSWORD, UserFactory

from .helpers import STRONG_PASSWORD, first_link, log_in, soup

pytestmark = pytest.mark.django_db
User = get_user_model()


def test_password_reset_mail_flows(client):
    user = UserFactory(email="karim@example.org")
    response = client.post("/fr/accounts/password/reset/", {"email": "karim@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["karim@example.org"]
    link = first_link(mail.outbox[0].body, "/fr/accounts/password/reset/key/")

    response = client.get(link)  # allauth moves the key into the session, then redirects
    assert response.status_code == 302
    form_url = response["Location"]
    page = client.get(form_url)
    assert page.status_code == 200
    assert soup(page).find("label", attrs={"for": "id_password1"}) is not None
    response = client.post(form_url, {"password1": STRONG_PASSWORD, "password2": STRONG_PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(STRONG_PASSWORD)
    assert log_in(client, user.email, STRONG_PASSWORD)["Location"] == "/fr/community/home/"


def test_password_reset_for_an_unknown_address_reveals_nothing(client):
    response = client.post("/fr/accounts/password/reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302


def test_password_change(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        "/fr/accounts/password/change/",
        {"oldpassword": "wrong-password-1", "password1": STRONG_PASSWORD, "password2": STRONG_PASSWORD},
    )
    assert response.status_code == 200
    old_box = soup(response).find(id="id_oldpassword").find_parent(class_="form-field")
    assert old_box.find(class_="errorlist") is not None
    response = client.post(
        "/fr/accounts/password/change/",
        {"oldpassword": DEFAULT_PASSWORD, "password1": STRONG_PASSWORD, "password2": STRONG_PASSWORD},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(STRONG_PASSWORD)


def test_email_change_flows(client):
    user = UserFactory(email="old@example.org")
    client.force_login(user)
    page = client.get("/fr/accounts/email/")
    assert page.status_code == 200
    assert soup(page).find("label", attrs={"for": "id_email"}) is not None

    response = client.post("/fr/accounts/email/", {"email": "new@example.org", "action_add": ""})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new@example.org"]
    user.refresh_from_db()
    assert user.email == "old@example.org"  # nothing changes until the new address is confirmed

    confirm_path = first_link(mail.outbox[0].body, "/fr/accounts/confirm-email/")
    response = client.post(confirm_path)
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.email == "new@example.org"
    assert list(EmailAddress.objects.filter(user=user).values_list("email", "primary", "verified")) == [
        ("new@example.org", True, True)
    ]


def test_email_change_shows_errors_next_to_the_field(client):
    UserFactory(email="taken@example.org")
    user = UserFactory(email="mine@example.org")
    client.force_login(user)
    response = client.post("/fr/accounts/email/", {"email": "not-an-email", "action_add": ""})
    assert response.status_code == 200
    box = soup(response).find(id="id_email").find_parent(class_="form-field")
    assert box.find(class_="errorlist") is not None
