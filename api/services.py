"""Writes of API tokens: create (the secret is returned once, never stored), revoke, note a use."""

import datetime
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import audit_record
from core.models import AuditLog

from .models import ApiToken
from .permissions import scopes_offered
from .selectors import digest_of

SECRET_PREFIX = "kft_"  # noqa: S105 (a public marker that says what the string is, not a secret)
MAX_DAYS = 90
# A use is written at most this often per token: a busy token does not write a row per request.
TOUCH_EVERY = datetime.timedelta(minutes=1)


def token_create(*, user, name: str, scopes, days: int) -> tuple[ApiToken, str]:
    """Create a token for ``user`` (the requester); staff scopes need ``may_create_staff_tokens``."""
    scopes = sorted(set(scopes))
    if not scopes:
        raise ValidationError(_("Choose at least one scope."))
    if not 1 <= int(days) <= MAX_DAYS:
        raise ValidationError(_("A token lasts between 1 and %(days)d days.") % {"days": MAX_DAYS})
    if set(scopes) - set(scopes_offered(user)):
        raise PermissionDenied(_("Staff scopes need two-factor authentication, used in this session."))
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    now = timezone.now()
    token = ApiToken.objects.create(
        user=user,
        name=name.strip()[:80],
        prefix=secret[: len(SECRET_PREFIX) + 6],
        digest=digest_of(secret),
        scopes=scopes,
        created_at=now,
        expires_at=now + datetime.timedelta(days=int(days)),
    )
    audit_record(user, "api.token_create", token, kind=AuditLog.Kind.CHANGE, subject=user, scopes=scopes)
    return token, secret


def token_revoke(*, user, token_id: int) -> bool:
    """Revoke one of ``user``'s own tokens; False when there is no such live token of theirs."""
    token = ApiToken.objects.filter(user=user, pk=token_id, revoked_at__isnull=True).first()
    if token is None:
        return False
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit_record(user, "api.token_revoke", token, kind=AuditLog.Kind.CHANGE, subject=user)
    return True


def token_touch(token: ApiToken, now=None) -> None:
    now = now or timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
