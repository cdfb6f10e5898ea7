"""Writes about consent and privacy-notice acceptance. Each decision becomes a new row."""

from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q

from .models import (
    ConsentCurrent,
    ConsentPurpose,
    ConsentRecord,
    ConsentSource,
    NoticeAcceptance,
    PrivacyNotice,
)
from .selectors import consents_current, notice_current


class NoPublishedNotice(Exception):
    """Consent cannot be recorded before a privacy notice is published."""


def _notice_in_force() -> PrivacyNotice:
    notice = notice_current()
    if notice is None:
        raise NoPublishedNotice("No privacy notice is published yet.")
    return notice


@transaction.atomic
def consent_record(*, user, purpose: str, granted: bool, source: str) -> ConsentRecord:
    """Record one decision, granted or refused, under the notice in force."""
    if purpose not in ConsentPurpose.values:
        raise ValueError(f"Unknown consent purpose: {purpose!r}")
    if source not in ConsentSource.values:
        raise ValueError(f"Unknown consent source: {source!r}")
    record = ConsentRecord.objects.create(
        user=user, purpose=purpose, granted=bool(granted), notice=_notice_in_force(), source=source
    )
    consent_in_force_keep(record)
    return record


def _newer(record, than) -> bool:
    return (record.created_at, record.id) > (than.decided_at, than.record_id)


@transaction.atomic
def consent_in_force_keep(record: ConsentRecord) -> ConsentCurrent:
    """Make ``record`` the decision in force for its member and purpose, unless a later one already is.

    Called in the transaction that appends the record. The row is locked while compared, so two
    decisions taken at once leave the later one (by time, then id, as the history orders them)."""
    keys = {"user_id": record.user_id, "purpose": record.purpose}
    values = {"granted": record.granted, "record": record, "decided_at": record.created_at}
    current = ConsentCurrent.objects.select_for_update().filter(**keys).first()
    if current is None:
        try:
            with transaction.atomic():
                return ConsentCurrent.objects.create(**keys, **values)
        except IntegrityError:  # another decision created the row meanwhile: compare with it
            current = ConsentCurrent.objects.select_for_update().get(**keys)
    if _newer(record, current):
        for name, value in values.items():
            setattr(current, name, value)
        current.save(update_fields=["granted", "record", "decided_at"])
    return current


def consents_in_force_rebuild(user_ids=None) -> int:
    """Rebuild the decisions in force from the records (every member, or these, in chunks of ids): for
    records written around the service (bulk loads, test fixtures). Returns how many rows now stand."""
    if user_ids is None:
        return _rebuild(ConsentRecord.objects.all(), ConsentCurrent.objects.all())
    user_ids, count = list(user_ids), 0
    for batch in _batches(user_ids, 5000):
        count += _rebuild(
            ConsentRecord.objects.filter(user_id__in=batch), ConsentCurrent.objects.filter(user_id__in=batch)
        )
    return count


@transaction.atomic
def _rebuild(records, current) -> int:
    rows = (
        records.filter(~Exists(later_records()))
        .values_list("id", "user_id", "purpose", "granted", "created_at")
        .iterator(chunk_size=5000)
    )
    current.delete()
    count = 0
    for batch in _batches(rows, 5000):
        ConsentCurrent.objects.bulk_create(
            ConsentCurrent(record_id=pk, user_id=user, purpose=purpose, granted=granted, decided_at=at)
            for pk, user, purpose, granted, at in batch
        )
        count += len(batch)
    return count


def later_records():
    """Records of the same member and purpose taken after the outer one (as the history orders them)."""
    return ConsentRecord.objects.filter(user_id=OuterRef("user_id"), purpose=OuterRef("purpose")).filter(
        Q(created_at__gt=OuterRef("created_at")) | Q(created_at=OuterRef("created_at"), id__gt=OuterRef("id"))
    )


def _batches(iterable, size):
    batch = []
    for item in iterable:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


@transaction.atomic
def notice_accept(*, user) -> NoticeAcceptance:
    """Record that the user accepted the privacy notice in force."""
    return NoticeAcceptance.objects.create(user=user, notice=_notice_in_force())


@transaction.atomic
def signup_consents_record(*, user, granted_purposes: Iterable[str]) -> list[ConsentRecord]:
    """At sign-up: accept the notice and record a decision for every purpose, ticked or not."""
    granted_purposes = set(granted_purposes)
    notice_accept(user=user)
    return [
        consent_record(
            user=user, purpose=purpose, granted=purpose in granted_purposes, source=ConsentSource.SIGNUP
        )
        for purpose in ConsentPurpose.values
    ]


@transaction.atomic
def consents_decide(*, user, decisions: dict[str, bool], source: str) -> list[ConsentRecord]:
    """Record the decisions that differ from those in force (an unchanged box adds no row)."""
    current = consents_current(user)
    return [
        consent_record(user=user, purpose=purpose, granted=granted, source=source)
        for purpose, granted in decisions.items()
        if purpose in current and current[purpose] != bool(granted)
    ]
