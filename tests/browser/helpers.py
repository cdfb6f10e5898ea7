"""Signing in through the real login and second-factor forms, shared by every browser test."""

import re
import time

from allauth.mfa import app_settings as mfa_settings

from accounts.factories import DEFAULT_PASSWORD
from tests.accounts.helpers import totp_code

# A code typed in the last seconds of its period is refused if the server reads it in the next one
# (allauth allows no tolerance): wait for a fresh period instead of failing one run in ten.
# allauth also refuses a code used once already: a second sign-in waits for the next period.
TOTP_SAFETY_SECONDS = 5
_periods_used: dict[str, int] = {}


def fresh_totp_code(secret: str) -> str:
    period = mfa_settings.TOTP_PERIOD
    remaining = period - time.time() % period
    if remaining < TOTP_SAFETY_SECONDS or _periods_used.get(secret) == int(time.time()) // period:
        time.sleep(remaining + 0.2)
    _periods_used[secret] = int(time.time()) // period
    return totp_code(secret)


def log_in(page, base_url, who, totp_secret=None, language="fr", password=DEFAULT_PASSWORD):
    """Sign in as `who` (a user or an email) and wait until the site has let them in."""
    email = getattr(who, "email", who)
    page.goto(f"{base_url}/{language}/accounts/login/")
    page.fill("input[name='login']", email)
    page.fill("input[name='password']", password)
    page.locator("main form button[type='submit']").click()
    if totp_secret:
        page.wait_for_url(re.compile(r"/accounts/2fa/authenticate/"))
        page.fill("input[name='code']", fresh_totp_code(totp_secret))
        page.locator("main form button.button[type='submit']").click()
    page.wait_for_url(lambda url: "/accounts/login" not in url and "/2fa/" not in url, timeout=30_000)
