"""Reads of record linkage: runs, the review queue, golden records, what a member may claim."""

from allauth.account.models import EmailAddress

from django.db.models import Count, F, Q

from referential.selectors import source_records_rows

from .models import CandidatePair, GoldenEvent, GoldenRecord, LinkageRun, RecordLink
from .services import rows_for_keys


def recent_runs(limit=10):
    return LinkageRun.objects.select_related("created_by").order_by("-created_at", "-id")[:limit]


def review_queue():
    return CandidatePair.objects.filter(status=CandidatePair.Status.PENDING).order_by(
        "-match_probability", "id"
    )


def pair_records(pair) -> tuple[dict | None, dict | None]:
    rows = rows_for_keys([pair.left_key, pair.right_key])
    return rows.get(pair.left_key), rows.get(pair.right_key)


def golden_of_key(key):
    link = RecordLink.objects.select_related("golden").filter(key=key).first()
    return link.golden if link else None


def golden_records(query: str = ""):
    records = GoldenRecord.objects.filter(merged_into=None).annotate(record_count=Count("links"))
    records = records.filter(record_count__gt=0)
    if query:
        records = records.filter(Q(display_name__icontains=query) | Q(email__icontains=query))
    return records.order_by("display_name", "id")


def records_by_golden():
    """Every source record (referential.selectors.RECORD_COLUMNS and its source's name), those of one
    golden record together, the records no run has linked yet last."""
    rows = source_records_rows().annotate(source_name=F("source__name"))
    return rows.order_by(F("golden_record_id").asc(nulls_last=True), "id")


def golden_members(golden) -> list[dict]:
    keys = list(golden.links.values_list("key", flat=True))
    rows = rows_for_keys(keys)
    return [rows[k] for k in sorted(rows)]


def golden_history(golden):
    return GoldenEvent.objects.filter(golden=golden).select_related("actor").order_by("at", "id")


def verified_emails(user) -> list[str]:
    if not getattr(user, "is_authenticated", False):
        return []
    return [
        e.lower()
        for e in EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    ]


def claimable_golden_for(user):
    """The golden record a member may claim: not claimed yet, holding one of their verified emails."""
    emails = verified_emails(user)
    if not emails:
        return None
    email_q = Q()
    for email in emails:
        email_q |= Q(email__iexact=email) | Q(links__source_record__email__iexact=email)
    return (
        GoldenRecord.objects.filter(merged_into=None, claimed_by=None)
        .filter(email_q)
        .distinct()
        .order_by("id")
        .first()
    )


def claimed_golden(user):
    if not getattr(user, "is_authenticated", False):
        return None
    return GoldenRecord.objects.filter(claimed_by=user, merged_into=None).first()
