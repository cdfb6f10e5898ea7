"""Demo accounts, one per role, for the embedded demo (``seed_demo`` calls this)."""

from allauth.account.models import EmailAddress

from django.contrib.auth import get_user_model
from django.db import transaction

from privacy.models import ConsentPurpose
from privacy.selectors import consent_history, notice_current
from privacy.services import signup_consents_record

from .roles import MEMBER, ROLE_LABELS
from .services import roles_sync, user_role_assign

DEMO_DOMAIN = "kafaat.localhost"
# Known on purpose: these accounts only exist on demo machines. Staff accounts (every role but
# member) are asked to set up an authenticator app on their first visit to the admin.
DEMO_PASSWORD = "kafaat-demo-2026"  # noqa: S105


def _demo_email(role: str) -> str:
    return f"{role}@{DEMO_DOMAIN}"


@transaction.atomic
def seed_role_accounts() -> list[tuple[str, str, str]]:
    """Create, or bring back in line, one verified account per role. Idempotent.

    Returns ``(role, email, password)`` for each. The member also gets consents recorded (directory
    and matching granted, newsletter refused) the first time.
    """

    roles_sync()
    User = get_user_model()
    accounts = []
    for role in ROLE_LABELS:
        email = _demo_email(role)
        user, created = User.objects.get_or_create(
            email=email, defaults={"preferred_language": "fr", "is_active": True}
        )
        if created or not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        address, _ = EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        if not (address.verified and address.primary):
            address.verified = address.primary = True
            address.save(update_fields=["verified", "primary"])
        user_role_assign(user, role)
        if role == MEMBER and notice_current() is not None and not consent_history(user).exists():
            signup_consents_record(
                user=user, granted_purposes=[ConsentPurpose.DIRECTORY, ConsentPurpose.MATCHING]
            )
        accounts.append((role, email, DEMO_PASSWORD))
    return accounts
