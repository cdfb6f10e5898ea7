"""Writes about consent and privacy-notice acceptance. Each decision becomes a new row."""

from collections.abc import Iterable

from django.db import transaction

from .models import ConsentPurpose, ConsentRecord, ConsentSource, NoticeAcceptance, PrivacyNotice
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
    return ConsentRecord.objects.create(
        user=user, purpose=purpose, granted=bool(granted), notice=_notice_in_force(), source=source
    )


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
