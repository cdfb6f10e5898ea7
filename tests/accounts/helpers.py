"""Helpers shared by the account and privacy tests."""

import re
import time

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from bs4 import BeautifulSoup

from django.core.cache import cache

STRONG_PASSWORD = "Tagine-and-mint-2026"


def totp_code(secret: str) -> str:
    """The current code, computed with allauth's own TOTP helpers."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


def forget_used_totp_code(user, code: str) -> None:
    """allauth refuses a code twice within its window; tests that reuse ids and clocks forget it."""
    cache.delete(f"allauth.mfa.totp.used?user={user.pk}&code={code}")


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def field_container(response, input_id):
    """The .form-field block holding an input: its label, help and errors."""
    return soup(response).find(id=input_id).find_parent(class_="form-field")


def first_link(body: str, path_fragment: str) -> str:
    match = re.search(rf"https?://[^\s]+?({re.escape(path_fragment)}[^\s]*)", body)
    assert match, f"no link containing {path_fragment!r} in:\n{body}"
    return match.group(1)


def log_in(client, email, password, language="fr"):
    return client.post(f"/{language}/accounts/login/", {"login": email, "password": password})
