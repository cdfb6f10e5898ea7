"""Writes about labels: applications, grants, refusals, revocations, expiry. Every decision is recorded."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from community.notifications.services import notify
from core.conversions import conversion_send
from core.uploads import checked_content_type

from . import notifications
from .models import MAX_EVIDENCE_FILES, EvidenceFile, Label, LabelApplication, LabelDecision, LabelGrant
from .permissions import can_apply_for, can_decide_labels


def _notify_member(member, kind, label, **extra):
    """Worded by community/labels/notifications.py, in the language of whoever reads it."""
    notify(recipient=member, kind=kind, params=notifications.label_params(label, **extra))


@transaction.atomic
def label_apply(*, applicant, label: Label, statement: str, files=()) -> LabelApplication:
    """A member applies for a label with a statement and up to three evidence files (PDF, JPEG, PNG)."""
    if not can_apply_for(applicant, label):
        raise ValidationError(_("You already hold this label or have an application pending for it."))
    files = list(files)
    if len(files) > MAX_EVIDENCE_FILES:
        raise ValidationError(_("You can attach at most three files."))
    checked = [(upload, checked_content_type(upload)) for upload in files]
    application = LabelApplication.objects.create(
        applicant=applicant, label=label, statement=statement.strip()
    )
    for upload, content_type in checked:
        evidence = EvidenceFile(
            application=application,
            original_name=upload.name[:255],
            content_type=content_type,
            size=upload.size,
        )
        evidence.file.save(upload.name, upload, save=False)
        evidence.save()
    conversion_send("label_application", user=applicant)
    return application


def _lock_pending(application_id) -> LabelApplication:
    application = (
        LabelApplication.objects.select_for_update()
        .select_related("label", "applicant")
        .get(pk=application_id)
    )
    if application.status != LabelApplication.Status.PENDING:
        raise ValidationError(_("This application has already been decided."))
    return application


def _expiry(label, at):
    return at + datetime.timedelta(days=label.validity_days) if label.validity_days else None


@transaction.atomic
def label_application_grant(*, application: LabelApplication, moderator, reason: str = "") -> LabelGrant:
    if not can_decide_labels(moderator):
        raise PermissionDenied
    application = _lock_pending(application.pk)
    label, member, now = application.label, application.applicant, timezone.now()
    if LabelGrant.objects.active(now).filter(user=member, label=label).exists():
        raise ValidationError(_("This member already holds this label."))
    # A lapsed grant still open (expired but not yet closed by the expiry task) is closed first.
    LabelGrant.objects.filter(user=member, label=label, ended_at__isnull=True).update(
        ended_at=now, end_reason=LabelGrant.EndReason.EXPIRED
    )
    grant = LabelGrant.objects.create(
        user=member, label=label, granted_by=moderator, granted_at=now, expires_at=_expiry(label, now)
    )
    application.status = LabelApplication.Status.GRANTED
    application.decided_at = now
    application.save(update_fields=["status", "decided_at"])
    LabelDecision.objects.create(
        member=member,
        label=label,
        actor=moderator,
        action=LabelDecision.Action.GRANTED,
        reason=reason.strip(),
        application=application,
        grant=grant,
        created_at=now,
    )
    expires = timezone.localdate(grant.expires_at).isoformat() if grant.expires_at else ""
    _notify_member(member, notifications.GRANTED, label, expires=expires)
    return grant


@transaction.atomic
def label_application_refuse(*, application: LabelApplication, moderator, reason: str) -> LabelDecision:
    if not can_decide_labels(moderator):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError(_("Give the reason for this decision."))
    application = _lock_pending(application.pk)
    now = timezone.now()
    application.status = LabelApplication.Status.REFUSED
    application.decided_at = now
    application.save(update_fields=["status", "decided_at"])
    decision = LabelDecision.objects.create(
        member=application.applicant,
        label=application.label,
        actor=moderator,
        action=LabelDecision.Action.REFUSED,
        reason=reason.strip(),
        application=application,
        created_at=now,
    )
    label = application.label
    _notify_member(application.applicant, notifications.REFUSED, label, reason=decision.reason)
    return decision


@transaction.atomic
def label_application_withdraw(*, application: LabelApplication, member) -> None:
    if application.applicant_id != member.pk:
        raise PermissionDenied
    application = _lock_pending(application.pk)
    application.status = LabelApplication.Status.WITHDRAWN
    application.decided_at = timezone.now()
    application.save(update_fields=["status", "decided_at"])


@transaction.atomic
def label_grant_revoke(*, grant: LabelGrant, moderator, reason: str) -> LabelDecision:
    if not can_decide_labels(moderator):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError(_("Give the reason for this decision."))
    grant = LabelGrant.objects.select_for_update().select_related("label", "user").get(pk=grant.pk)
    if grant.ended_at is not None:
        raise ValidationError(_("This label is no longer held."))
    now = timezone.now()
    grant.ended_at = now
    grant.end_reason = LabelGrant.EndReason.REVOKED
    grant.save(update_fields=["ended_at", "end_reason"])
    decision = LabelDecision.objects.create(
        member=grant.user,
        label=grant.label,
        actor=moderator,
        action=LabelDecision.Action.REVOKED,
        reason=reason.strip(),
        grant=grant,
        created_at=now,
    )
    label = grant.label
    _notify_member(grant.user, notifications.REVOKED, label, reason=decision.reason)
    return decision


def labels_expire(now=None) -> int:
    """End every grant whose expiry passed, record it and tell the member. Idempotent."""
    now = now or timezone.now()
    ids = list(
        LabelGrant.objects.filter(ended_at__isnull=True, expires_at__lte=now).values_list("id", flat=True)
    )
    return sum(_grant_expire(grant_id, now) for grant_id in ids)


@transaction.atomic
def _grant_expire(grant_id, now) -> int:
    grant = (
        LabelGrant.objects.select_for_update()
        .select_related("label", "user")
        .filter(pk=grant_id, ended_at__isnull=True, expires_at__lte=now)
        .first()
    )
    if grant is None:
        return 0
    grant.ended_at = now
    grant.end_reason = LabelGrant.EndReason.EXPIRED
    grant.save(update_fields=["ended_at", "end_reason"])
    LabelDecision.objects.create(
        member=grant.user, label=grant.label, action=LabelDecision.Action.EXPIRED, grant=grant, created_at=now
    )
    label = grant.label
    _notify_member(grant.user, notifications.EXPIRED, label)
    return 1
