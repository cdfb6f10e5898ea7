"""Staff must set up TOTP before the admin; everyone may; the login asks for the second factor."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from accounts.permissions import can_access_staff_tools, two_factor_required
from accounts.roles import ANALYST, EDITOR, MEMBER, RELAY

from .helpers import forget_used_totp_code, log_in, totp_code

pytestmark = pytest.mark.django_db

ACTIVATE_PATH = "/fr/accounts/2fa/totp/activate/"
REAUTHENTICATE_PATH = "/fr/accounts/reauthenticate/"


def _reauthenticate(client, password=DEFAULT_PASSWORD):
    client.post(REAUTHENTICATE_PATH, {"password": password})


def test_staff_without_totp_is_sent_to_activation_then_reach_the_admin_with_a_second_factor(client, roles):
    editor = UserFactory(email="editor@example.org", roles=[EDITOR])
    assert two_factor_required(editor)

    response = log_in(client, editor.email, DEFAULT_PASSWORD)
    assert response.status_code == 302
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == ACTIVATE_PATH

    # Just signed in with the password: the set-up page opens without asking for it again, with the
    # middleware's message in the page's language. Neither page is gated.
    response = client.get(ACTIVATE_PATH)
    assert response.status_code == 200
    with translation.override("fr"):
        message = gettext("Set up two-factor authentication before using the staff tools.")
    assert escape(message) in response.content.decode()
    secret = client.session["mfa.totp.secret"]
    code = totp_code(secret)
    response = client.post(ACTIVATE_PATH, {"code": code})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=editor, type=Authenticator.Type.TOTP).exists()
    assert can_access_staff_tools(editor)
    assert client.get("/admin/").status_code == 200

    # Next login: password, then the authenticator code, then the admin.
    client.post("/fr/accounts/logout/")
    response = log_in(client, editor.email, DEFAULT_PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/fr/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302  # not logged in yet

    code = totp_code(secret)
    forget_used_totp_code(editor, code)
    response = client.post("/fr/accounts/2fa/authenticate/", {"code": code})
    forget_used_totp_code(editor, code)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)
    assert client.get("/admin/").status_code == 200


def test_a_wrong_second_factor_is_refused_next_to_the_field(client, roles):
    analyst = UserFactory(email="analyst@example.org", roles=[ANALYST])
    TOTP.activate(analyst, generate_totp_secret())
    log_in(client, analyst.email, DEFAULT_PASSWORD)
    response = client.post("/fr/accounts/2fa/authenticate/", {"code": "000000"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert 'id="id_code_error"' in response.content.decode()


@pytest.mark.parametrize("path", ["/django-admin/", "/admin/pages/"])
def test_every_staff_tool_is_gated(client, roles, path):
    relay = UserFactory(roles=[RELAY])
    client.force_login(relay)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == ACTIVATE_PATH


def test_staff_without_totp_can_still_log_out(client, roles):
    editor = UserFactory(roles=[EDITOR])
    client.force_login(editor)
    response = client.get("/admin/logout/")
    assert response.get("Location") != ACTIVATE_PATH
    client.force_login(editor)
    response = client.post("/fr/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_a_member_is_never_asked_for_two_factor(client, roles):
    member = UserFactory(roles=[MEMBER])
    assert not two_factor_required(member)
    client.force_login(member)
    response = client.get("/admin/")
    assert response.get("Location") != ACTIVATE_PATH
    assert client.get("/fr/account/").status_code == 200


def test_a_member_may_turn_on_two_factor_from_account_settings(client, roles):
    member = UserFactory(roles=[MEMBER])
    log_in(client, member.email, DEFAULT_PASSWORD)
    settings_page = client.get("/fr/account/").content.decode()
    assert 'href="/fr/accounts/2fa/"' in settings_page
    assert client.get("/fr/accounts/2fa/").status_code == 200
    _reauthenticate(client)
    assert client.get(ACTIVATE_PATH).status_code == 200
    response = client.post(ACTIVATE_PATH, {"code": totp_code(client.session["mfa.totp.secret"])})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=member, type=Authenticator.Type.TOTP).exists()


def test_anonymous_visitors_are_left_to_the_admin_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "2fa" not in response["Location"]


def test_later_in_the_session_setting_up_the_second_factor_asks_for_the_password_again(
    client, roles, settings
):
    editor = UserFactory(email="editor@example.org", roles=[EDITOR])
    log_in(client, editor.email, DEFAULT_PASSWORD)
    settings.ACCOUNT_REAUTHENTICATION_TIMEOUT = 0  # the sign-in is no longer recent
    response = client.get(ACTIVATE_PATH)
    assert response.status_code == 302
    assert response["Location"].startswith(REAUTHENTICATE_PATH)
    response = client.post(REAUTHENTICATE_PATH + f"?next={ACTIVATE_PATH}", {"password": DEFAULT_PASSWORD})
    assert response["Location"] == ACTIVATE_PATH


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_staff_second_factor_set_up_stays_in_the_editors_language(client, roles, language):
    """An editor whose browser asks for English but who uses Kafaat in French or Arabic: reaching the
    admin (an address without a language prefix) sends them to the set-up page in their language."""
    editor = UserFactory(email="editor@example.org", roles=[EDITOR], preferred_language=language)
    log_in(client, editor.email, DEFAULT_PASSWORD, language=language)
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/accounts/2fa/totp/activate/"
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert page.status_code == 200
    assert f'lang="{language}"' in page.content.decode()
