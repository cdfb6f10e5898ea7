"""The Django admin of the email-keyed user model (reached by superusers with a second factor)."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from django.contrib.auth import get_user_model

from accounts.factories import UserFactory
from accounts.roles import ADMIN

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def admin_client(client, roles):
    admin = UserFactory(email="root@example.org", roles=[ADMIN])
    TOTP.activate(admin, generate_totp_secret())
    client.force_login(admin)
    return client


def test_admin_lists_adds_and_edits_users(admin_client):
    assert admin_client.get("/django-admin/accounts/user/").status_code == 200
    assert admin_client.get("/django-admin/accounts/user/add/").status_code == 200
    response = admin_client.post(
        "/django-admin/accounts/user/add/",
        {
            "email": "new.staff@example.org",
            "usable_password": "true",
            "password1": "Couscous-friday-2026",
            "password2": "Couscous-friday-2026",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    created = User.objects.get(email="new.staff@example.org")
    assert created.check_password("Couscous-friday-2026")
    assert admin_client.get(f"/django-admin/accounts/user/{created.pk}/change/").status_code == 200


def test_consent_records_are_read_only_in_the_admin(admin_client):
    assert admin_client.get("/django-admin/privacy/consentrecord/").status_code == 200
    assert admin_client.get("/django-admin/privacy/consentrecord/add/").status_code == 403
