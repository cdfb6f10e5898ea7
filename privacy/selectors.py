"""Reads about consent and privacy-notice versions. Other apps ask these, never the tables."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import translation

from core.models import AuditLog

from .models import ConsentPurpose, ConsentRecord, NoticeAcceptance, PrivacyNotice


def notice_current() -> PrivacyNotice | None:
    """The privacy notice in force: the latest one published."""
    return PrivacyNotice.objects.published().order_by("-published_at", "-id").first()


def notice_url(language: str | None = None) -> str:
    """Address of the privacy-notice page (a CMS page) under the given or active language."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    path = settings.PRIVACY_NOTICE_URL_PATH.strip("/")
    return f"/{language}/{path}/"


def notice_acceptances(user) -> QuerySet[NoticeAcceptance]:
    return NoticeAcceptance.objects.filter(user=user).select_related("notice").order_by("-accepted_at", "-id")


def consents_current(user) -> dict[str, bool]:
    """The decision in force for each purpose: the latest record, and no consent where none exists."""
    current = dict.fromkeys(ConsentPurpose.values, False)
    seen = set()
    records = (
        ConsentRecord.objects.filter(user=user)
        .order_by("purpose", "-created_at", "-id")
        .values_list("purpose", "granted")
    )
    for purpose, granted in records:
        if purpose not in seen and purpose in current:
            current[purpose] = granted
            seen.add(purpose)
    return current


def consent_history(user) -> QuerySet[ConsentRecord]:
    """Every decision the user took, newest first, with the notice version it was taken under."""
    return ConsentRecord.objects.filter(user=user).select_related("notice").order_by("-created_at", "-id")


def _latest_decision(purpose: str, user_ref) -> Subquery:
    latest = (
        ConsentRecord.objects.filter(user=user_ref, purpose=purpose)
        .order_by("-created_at", "-id")
        .values("granted")[:1]
    )
    return Subquery(latest)


def user_has_consent(user, purpose: str) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    granted = (
        ConsentRecord.objects.filter(user=user, purpose=purpose)
        .order_by("-created_at", "-id")
        .values_list("granted", flat=True)
        .first()
    )
    return bool(granted)


def users_with_consent(purpose: str) -> QuerySet:
    """Users whose latest decision for the purpose grants it: one query, a subquery per row.

    Active and inactive accounts alike; callers narrow it further (``.filter(is_active=True)``).
    """
    if purpose not in ConsentPurpose.values:
        raise ValueError(f"Unknown consent purpose: {purpose!r}")
    return (
        get_user_model()
        .objects.alias(latest_consent_granted=_latest_decision(purpose, OuterRef("pk")))
        .filter(latest_consent_granted=True)
    )


def latest_decisions(purpose: str, user_ids, chunk: int = 5000) -> dict[int, tuple[bool, str]]:
    """For each of these users who decided about the purpose: (granted, source) of the decision in force.

    In chunks of ids, one query each: a campaign checks a whole audience at once (outreach).
    """
    if purpose not in ConsentPurpose.values:
        raise ValueError(f"Unknown consent purpose: {purpose!r}")
    ids = list(user_ids)
    decisions: dict[int, tuple[bool, str]] = {}
    for start in range(0, len(ids), chunk):
        rows = (
            ConsentRecord.objects.filter(purpose=purpose, user_id__in=ids[start : start + chunk])
            .order_by("user_id", "-created_at", "-id")
            .values_list("user_id", "granted", "source")
        )
        for user_id, granted, source in rows:
            decisions.setdefault(user_id, (granted, source))
    return decisions


def notice_review_needed(user) -> bool:
    """The member accepted an earlier version of the notice, not the one in force: ask again.

    Accounts that never accepted one (none in the site's own sign-up) are not stopped here.
    """
    current = notice_current()
    latest = notice_acceptances(user).first()
    return current is not None and latest is not None and latest.notice_id != current.id


def audit_log_entries(*, action: str = "", who: str = "", since=None, until=None):
    """The shared audit log for administrators, newest first, narrowed by action prefix, actor email
    and dates (``until`` inclusive: the whole day)."""
    entries = AuditLog.objects.select_related("actor", "subject").order_by("-at", "-id")
    if action:
        entries = entries.filter(action__startswith=action)
    if who:
        entries = entries.filter(actor__email__icontains=who)
    if since:
        entries = entries.filter(at__date__gte=since)
    if until:
        entries = entries.filter(at__date__lte=until)
    return entries
