"""Writes about reports, moderation actions, suspensions and blocks. Every moderator action is recorded."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from community.notifications.services import notify

from . import notifications
from .models import Block, ModerationAction, Report, Suspension
from .permissions import can_block, can_moderate, can_report
from .targets import target_author, target_hide

MAX_SUSPENSION_DAYS = 365


@transaction.atomic
def report_create(*, reporter, target, category: str, text: str = "") -> Report:
    if not can_report(reporter, target):
        raise PermissionDenied
    content_type = ContentType.objects.get_for_model(target)
    if Report.objects.filter(reporter=reporter, content_type=content_type, object_id=str(target.pk)).exists():
        raise ValidationError(_("You have already reported this."), code="duplicate")
    try:
        with transaction.atomic():
            return Report.objects.create(
                reporter=reporter,
                content_type=content_type,
                object_id=str(target.pk),
                category=category,
                text=text.strip(),
            )
    except IntegrityError as error:
        raise ValidationError(_("You have already reported this."), code="duplicate") from error


def _open_reports(target):
    content_type = ContentType.objects.get_for_model(target)
    return Report.objects.select_for_update().filter(
        content_type=content_type, object_id=str(target.pk), status=Report.Status.OPEN
    )


def _record(*, moderator, action, reason, target, reports, target_user=None):
    content_type = ContentType.objects.get_for_model(target)
    now = timezone.now()
    rows = [
        ModerationAction(
            moderator=moderator,
            action=action,
            reason=reason,
            report=report,
            content_type=content_type,
            object_id=str(target.pk),
            target_user=target_user,
            created_at=now,
        )
        for report in reports or [None]
    ]
    ModerationAction.objects.bulk_create(rows)
    status = Report.Status.DISMISSED if action == ModerationAction.Action.DISMISS else Report.Status.ACTIONED
    Report.objects.filter(pk__in=[r.pk for r in reports]).update(status=status, handled_at=now)
    return rows


def _check(moderator, reason):
    if not can_moderate(moderator):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError(_("Give the reason for this decision."), code="reason")
    return reason.strip()


@transaction.atomic
def moderation_dismiss(*, moderator, target, reason: str):
    reason = _check(moderator, reason)
    return _record(
        moderator=moderator,
        action=ModerationAction.Action.DISMISS,
        reason=reason,
        target=target,
        reports=list(_open_reports(target)),
    )


@transaction.atomic
def moderation_hide(*, moderator, target, reason: str):
    reason = _check(moderator, reason)
    if not target_hide(target, by=moderator):
        raise ValidationError(_("This content cannot be hidden."), code="not_hideable")
    return _record(
        moderator=moderator,
        action=ModerationAction.Action.HIDE,
        reason=reason,
        target=target,
        reports=list(_open_reports(target)),
        target_user=target_author(target),
    )


@transaction.atomic
def moderation_warn(*, moderator, target, reason: str):
    """The author receives the moderator's message as a notification (and by email, per preference)."""
    reason = _check(moderator, reason)
    author = target_author(target)
    if author is None:
        raise ValidationError(_("This content has no author to warn."), code="no_author")
    rows = _record(
        moderator=moderator,
        action=ModerationAction.Action.WARN,
        reason=reason,
        target=target,
        reports=list(_open_reports(target)),
        target_user=author,
    )
    notify(recipient=author, kind=notifications.WARNING, params={"reason": reason})
    return rows


@transaction.atomic
def moderation_suspend(*, moderator, target, reason: str, days: int):
    reason = _check(moderator, reason)
    author = target_author(target)
    if author is None:
        raise ValidationError(_("This content has no author to suspend."), code="no_author")
    suspension = suspension_create(user=author, moderator=moderator, days=days, reason=reason)
    _record(
        moderator=moderator,
        action=ModerationAction.Action.SUSPEND,
        reason=reason,
        target=target,
        reports=list(_open_reports(target)),
        target_user=author,
    )
    return suspension


@transaction.atomic
def suspension_create(*, user, moderator, days: int, reason: str) -> Suspension:
    """Deactivate the account for ``days`` days: allauth then refuses to log the member in."""
    if not can_moderate(moderator):
        raise PermissionDenied
    if not 1 <= int(days) <= MAX_SUSPENSION_DAYS:
        raise ValidationError(_("A suspension lasts from 1 to 365 days."), code="days")
    if can_moderate(user):
        raise ValidationError(_("Moderators and administrators cannot be suspended here."), code="staff")
    now = timezone.now()
    suspension = Suspension.objects.create(
        user=user,
        created_by=moderator,
        reason=reason,
        created_at=now,
        ends_at=now + datetime.timedelta(days=days),
    )
    type(user).objects.filter(pk=user.pk).update(is_active=False)
    user.is_active = False
    until = timezone.localdate(suspension.ends_at).isoformat()
    notify(recipient=user, kind=notifications.SUSPENSION, params={"until": until, "reason": reason})
    return suspension


def suspensions_lift(now=None) -> int:
    """Reactivate members whose last suspension has ended. Idempotent; returns accounts reactivated."""
    now = now or timezone.now()
    lifted = 0
    for suspension_id in Suspension.objects.filter(lifted_at__isnull=True, ends_at__lte=now).values_list(
        "id", flat=True
    ):
        lifted += _suspension_lift(suspension_id, now)
    return lifted


@transaction.atomic
def _suspension_lift(suspension_id, now) -> int:
    suspension = (
        Suspension.objects.select_for_update()
        .select_related("user")
        .filter(pk=suspension_id, lifted_at__isnull=True)
        .first()
    )
    if suspension is None:
        return 0
    suspension.lifted_at = now
    suspension.save(update_fields=["lifted_at"])
    still_suspended = Suspension.objects.filter(
        user=suspension.user, lifted_at__isnull=True, ends_at__gt=now
    ).exists()
    if still_suspended:
        return 0
    type(suspension.user).objects.filter(pk=suspension.user_id).update(is_active=True)
    return 1


@transaction.atomic
def block_create(*, blocker, blocked) -> Block:
    if not can_block(blocker, blocked):
        raise ValidationError(_("You cannot block this member."), code="invalid")
    block, _created = Block.objects.get_or_create(blocker=blocker, blocked=blocked)
    return block


@transaction.atomic
def block_delete(*, blocker, blocked) -> bool:
    deleted, _rows = Block.objects.filter(blocker=blocker, blocked=blocked).delete()
    return bool(deleted)
