"""THE place that decides whether a signed-in person counts as staff now: staff roles count only for a
session that passed the second factor.

A web session proves it through allauth's record of the methods used to sign in (``"mfa"``, written
when the TOTP code was checked at login or at re-authentication); an authenticator set up during the
session counts too (setting it up checks a code). ``StaffTwoFactorMiddleware`` hands that record to the
user object.
A user object that comes from no web session (a task, a feed token, a websocket scope, the shell,
a test's ``force_login``) counts when the account has a second factor set up; every password login
goes through allauth (the admin login pages redirect to it), so a web session always has a record.
"""

import contextlib
import contextvars
import datetime

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled

RECORDS_ATTRIBUTE = "_kafaat_authentication_records"
_operator = contextvars.ContextVar("kafaat_operator_process", default=False)


@contextlib.contextmanager
def operator_process():
    """Code the operator runs on the server (the demo seeder, a management command): the staff
    accounts it acts for count as staff, though they have no web session and may have no second factor
    yet. Never used on a request path."""
    token = _operator.set(True)
    try:
        yield
    finally:
        _operator.reset(token)


def second_factor_passed(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    records = getattr(user, RECORDS_ATTRIBUTE, None)
    if records is None and _operator.get():
        return True
    if not is_mfa_enabled(user):
        return False
    if not records:
        return True
    if any(record.get("method") == "mfa" for record in records):
        return True
    times = [record["at"] for record in records if isinstance(record.get("at"), int | float)]
    if not times:
        return False
    return Authenticator.objects.filter(
        user=user,
        type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN],
        created_at__gte=datetime.datetime.fromtimestamp(min(times), tz=datetime.UTC),
    ).exists()


def remember_session_records(user, records) -> None:
    """Called by the middleware for each request of a signed-in user."""
    setattr(user, RECORDS_ATTRIBUTE, list(records or ()))


def as_token_holder(user):
    """A user reached through a secret feed address: a bearer token, no second factor, so staff roles
    do not count (the feed shows what the person sees as a member)."""
    remember_session_records(user, [{"method": "token"}])
    return user
