"""Passwords are stored with Argon2id at OWASP's parameters, and older hashes keep working until the
member's next sign-in rewrites them (production's hasher list; the other tests hash with MD5 for speed)."""

import pytest

from django.contrib.auth.hashers import check_password, identify_hasher, make_password
from django.test import override_settings

from accounts.factories import UserFactory
from kafaat.settings import base

from .helpers import STRONG_PASSWORD, log_in

pytestmark = pytest.mark.django_db
ARGON2ID = "argon2$argon2id$v=19$m=19456,t=2,p=1$"


@override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS)
def test_a_new_password_is_stored_with_argon2id():
    stored = make_password(STRONG_PASSWORD)
    assert stored.startswith(ARGON2ID)
    assert check_password(STRONG_PASSWORD, stored) and not check_password("Tagine-and-mint-2025", stored)


@override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS)
@pytest.mark.parametrize("older", ["pbkdf2_sha256", "argon2"])
def test_a_member_with_an_older_hash_signs_in_and_the_hash_is_rewritten(client, older):
    user = UserFactory()
    if older == "argon2":  # Django's own Argon2 parameters (100 MiB, 8 lanes)
        from django.contrib.auth.hashers import Argon2PasswordHasher

        user.password = Argon2PasswordHasher().encode(STRONG_PASSWORD, Argon2PasswordHasher().salt())
    else:
        user.password = make_password(STRONG_PASSWORD, hasher=older)
    user.save(update_fields=["password"])
    assert not user.password.startswith(ARGON2ID)

    response = log_in(client, user.email, STRONG_PASSWORD)

    assert response.status_code == 302 and "/accounts/login/" not in response["Location"]
    user.refresh_from_db()
    assert user.password.startswith(ARGON2ID)
    assert identify_hasher(user.password).algorithm == "argon2"
