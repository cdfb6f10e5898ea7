"""Writes on cases. Check, then write under the case's row lock, then notify after the commit.

Every write that depends on the case's state takes ``select_for_update`` on the case row first and bumps
``version``: two advisors moving one case at once are serialised by the database; the second sees the
first's stage and is refused if its move is no longer legal (or if its page showed an older version).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from community.messaging.models import Conversation, Participant
from community.messaging.services import message_send
from community.notifications.services import notify
from core.audit import audit_record
from core.models import AuditLog
from core.uploads import checked_content_type

from . import permissions
from .assignment import advisor_proposals, relay_for_country
from .models import Case, Document, DocumentVersion, Referral, StaffNote, Stage, Task, TimelineEntry
from .selectors import funnel_changed
from .sla import add_working_days, due_for

AUDIT_ACTIONS = {
    "accompaniment.download": gettext_lazy("Downloaded a case document"),
    "accompaniment.assign": gettext_lazy("Assigned a case"),
    "accompaniment.export": gettext_lazy("Exported the accompaniment funnel"),
}
NOTIFICATION_KIND = "accompaniment.case"

# Fields a transition form may set, and how each is checked when a stage requires it.
TRANSITION_FIELDS = ("next_step", "next_step_on", "funding_secured", "jobs_created", "investment")
FIELD_LABELS = {
    "needs": gettext_lazy("kinds of help needed"),
    "region": gettext_lazy("region of Morocco"),
    "next_step": gettext_lazy("next step"),
    "next_step_on": gettext_lazy("date of the next step"),
    "funding_sought": gettext_lazy("funding sought (MAD)"),
    "funding_secured": gettext_lazy("funding secured (MAD)"),
    "jobs_planned": gettext_lazy("jobs planned"),
    "jobs_created": gettext_lazy("jobs created at launch"),
    "investment": gettext_lazy("investment at launch (MAD)"),
}


class TransitionRefused(ValidationError):
    pass


class StaleCase(ValidationError):
    """The page showed an older state of the case than the one in the database."""


def _locked(case_id) -> Case:
    # No join in the locking query: PostgreSQL re-checks a row updated meanwhile against the joined rows
    # of its first snapshot, so a case whose stage just changed would vanish from a join (DoesNotExist).
    case = Case.objects.select_for_update().get(pk=case_id)
    case.stage = Stage.objects.get(pk=case.stage_id)
    return case


def _check_version(case, version) -> None:
    if version is not None and int(version) != case.version:
        raise StaleCase(
            _("Someone else changed this case in the meantime. Look at its new state and try again."),
            code="stale",
        )


def _bump(case, **fields) -> None:
    fields["version"] = F("version") + 1
    Case.objects.filter(pk=case.pk).update(**fields)
    case.refresh_from_db()


def _entry(case, kind, actor=None, **fields) -> TimelineEntry:
    transaction.on_commit(funnel_changed)
    return TimelineEntry.objects.create(case=case, kind=kind, actor=actor, **fields)


def _notify_holder(case, subject_kind: str) -> None:
    """Stored as kind + case id; the words come from notifications.py at read time."""
    notify(
        recipient=case.holder,
        kind=NOTIFICATION_KIND,
        subject=case.project.title[:200],
        url=reverse("accompaniment:my_case", args=[case.pk]),
        params={"case": case.pk, "event": subject_kind},
    )


def _tasks_for(case, stage, actor, now) -> None:
    language = (translation.get_language() or "fr")[:2]
    Task.objects.bulk_create(
        [
            Task(
                case=case,
                stage=stage,
                title=(item.get(language) or item.get("fr") or item.get("en") or "")[:200],
                due_on=add_working_days(now, int(item.get("days") or 5)).date(),
                created_by=actor,
            )
            for item in stage.checklist or []
            if isinstance(item, dict)
        ]
    )


# The holder's request ---------------------------------------------------------------------------------


def case_request(*, holder, project, data: dict, documents=()) -> Case:
    """Turn a holder's finished request into a case in the initial stage, assigned by proposal.

    ``documents``: (kind, upload) pairs, checked by content before anything is written.
    """
    if not permissions.may_request(holder, project):
        raise PermissionDenied
    if Case.objects.filter(project=project, closed_at__isnull=True).exists():
        raise ValidationError(_("This project already has an open case."), code="open_case")
    checked = [(kind, upload, checked_content_type(upload)) for kind, upload in documents]
    stage = Stage.objects.filter(initial=True, active=True).order_by("order").first()
    if stage is None:
        raise ValidationError(_("Accompaniment is not open: no initial stage is configured."))
    now = timezone.now()
    profile = project.owner
    with transaction.atomic():
        case = Case.objects.create(
            project=project,
            holder=holder,
            stage=stage,
            region=data.get("region") or project.region,
            sector=project.sector,
            country=profile.country or "",
            needs=list(data.get("needs") or []),
            needs_text=data.get("needs_text", ""),
            funding_sought=data.get("funding_sought"),
            funding_secured=data.get("funding_secured"),
            jobs_planned=data.get("jobs_planned"),
            created_at=now,
            stage_entered_at=now,
            due_at=due_for(stage, now),
        )
        _entry(case, TimelineEntry.Kind.CREATED, holder, to_stage=stage, first_visit=True, at=now)
        proposals = advisor_proposals(sector=case.sector, region=case.region, limit=1)
        advisor = proposals[0].user if proposals else None
        relay = relay_for_country(case.country)
        if advisor or relay:
            _assign(case, advisor=advisor, relay=relay, actor=None, reason=_("Proposed automatically"))
        for kind, upload, content_type in checked:
            _version_add(case, kind, upload, content_type, holder)
        _tasks_for(case, stage, None, now)
    return case


# Transitions ------------------------------------------------------------------------------------------


def _missing_fields(case, stage) -> list[str]:
    missing = []
    for name in stage.required_fields or []:
        value = getattr(case, name, None)
        if value is None or value == "" or value == []:
            missing.append(name)
    return missing


def case_transition(*, actor, case_id, to_stage, reason: str = "", fields=None, version=None) -> Case:
    """Move a case to ``to_stage`` if the current stage leads there and the actor may move it there.

    ``fields``: values for the case's fields the form carries (TRANSITION_FIELDS); the target stage's
    required fields must be filled after they apply. Raises PermissionDenied, StaleCase or TransitionRefused.
    """
    fields = {k: v for k, v in (fields or {}).items() if k in TRANSITION_FIELDS}
    reason = (reason or "").strip()
    with transaction.atomic():
        case = _locked(case_id)
        _check_version(case, version)
        if not permissions.may_move(actor, case, to_stage):
            raise PermissionDenied(_("You may not move this case to this stage."))
        if not case.stage.next_stages.filter(pk=to_stage.pk, active=True).exists():
            raise TransitionRefused(
                _("A case in “%(from)s” cannot move to “%(to)s”."),
                params={"from": case.stage.name, "to": to_stage.name},
                code="illegal",
            )
        if to_stage.reason_required and not reason:
            raise TransitionRefused(_("Say why the case moves to this stage."), code="reason")
        for name, value in fields.items():
            if value not in (None, ""):
                setattr(case, name, value)
        missing = _missing_fields(case, to_stage)
        if missing:
            raise TransitionRefused(
                _("Fill in before moving the case: %(fields)s."),
                params={"fields": ", ".join(str(FIELD_LABELS.get(m, m)) for m in missing)},
                code="required",
            )
        now = timezone.now()
        from_stage = case.stage
        seconds = max(int((now - case.stage_entered_at).total_seconds()), 0)
        breached = bool(case.due_at and case.due_at < now)
        first_visit = not case.timeline.filter(to_stage=to_stage).exists()
        updates = {name: getattr(case, name) for name in fields}
        updates.update(stage=to_stage, stage_entered_at=now, due_at=due_for(to_stage, now))
        if case.first_answer_at is None:
            updates["first_answer_at"] = now
        if to_stage.is_final:
            updates["closed_at"] = now
            updates["due_at"] = None
        _bump(case, **updates)
        _entry(
            case,
            TimelineEntry.Kind.TRANSITION,
            actor,
            at=now,
            from_stage=from_stage,
            to_stage=to_stage,
            reason=reason,
            seconds_in_stage=seconds,
            breached=breached,
            first_visit=first_visit,
        )
        _tasks_for(case, to_stage, actor, now)
        transaction.on_commit(lambda: _notify_holder(case, "stage"))
    return case


# Assignment -------------------------------------------------------------------------------------------


def _conversation_sync(case) -> None:
    """The case's messages: one conversation between the holder and the staff in charge now."""
    readers = [u for u in (case.holder, case.advisor, case.relay) if u is not None]
    if case.conversation_id is None:
        if len(readers) < 2:
            return
        conversation = Conversation.objects.create(
            kind=Conversation.Kind.MULTI, title=case.project.title[:120], created_by=case.holder
        )
        Case.objects.filter(pk=case.pk).update(conversation=conversation)
        case.conversation = conversation
    conversation = case.conversation
    wanted = {u.pk for u in readers}
    for user in readers:
        row, created = Participant.objects.get_or_create(conversation=conversation, user=user)
        if not created and row.left_at is not None:
            Participant.objects.filter(pk=row.pk).update(left_at=None)
    Participant.objects.filter(conversation=conversation, left_at__isnull=True).exclude(
        user_id__in=wanted
    ).update(left_at=timezone.now())


def _assign(case, *, advisor, relay, actor, reason: str, kind=TimelineEntry.Kind.ASSIGNMENT) -> None:
    detail = {
        "advisor": [case.advisor_id, getattr(advisor, "pk", None)],
        "relay": [case.relay_id, getattr(relay, "pk", None)],
    }
    _bump(case, advisor=advisor, relay=relay)
    _entry(case, kind, actor, reason=reason, detail=detail)
    _conversation_sync(case)


def case_assign(*, actor, case_id, advisor=None, relay=None, note: str = "", version=None) -> Case:
    """Assign (or reassign) the advisor and relay. A reassignment needs a hand-over note for the next one."""
    if not permissions.may_assign(actor):
        raise PermissionDenied
    note = (note or "").strip()
    with transaction.atomic():
        case = _locked(case_id)
        _check_version(case, version)
        reassigning = (case.advisor_id and advisor is not None and advisor.pk != case.advisor_id) or (
            case.relay_id and relay is not None and relay.pk != case.relay_id
        )
        if reassigning and not note:
            raise ValidationError(
                _("Write a hand-over note for the person who takes the case over."), code="handover"
            )
        kind = TimelineEntry.Kind.REASSIGNMENT if reassigning else TimelineEntry.Kind.ASSIGNMENT
        _assign(
            case,
            advisor=advisor if advisor is not None else case.advisor,
            relay=relay if relay is not None else case.relay,
            actor=actor,
            reason=note,
            kind=kind,
        )
        if note:
            StaffNote.objects.create(case=case, author=actor, body=note, handover=bool(reassigning))
        audit_record(actor, "accompaniment.assign", case, kind=AuditLog.Kind.CHANGE, subject=case.holder)
    return case


def cases_bulk_assign(*, actor, case_ids, advisor, note: str = "") -> int:
    """Assign one advisor to many cases; each case is locked and logged on its own. Returns how many moved."""
    if not permissions.may_assign(actor):
        raise PermissionDenied
    moved = 0
    for case_id in sorted({int(pk) for pk in case_ids}):
        with transaction.atomic():
            case = _locked(case_id)
            if case.advisor_id == advisor.pk:
                continue
            reassigning = case.advisor_id is not None
            _assign(
                case,
                advisor=advisor,
                relay=case.relay,
                actor=actor,
                reason=note or "",
                kind=TimelineEntry.Kind.REASSIGNMENT if reassigning else TimelineEntry.Kind.ASSIGNMENT,
            )
            if note:
                StaffNote.objects.create(case=case, author=actor, body=note, handover=reassigning)
            moved += 1
    return moved


# Notes, tasks, next step -------------------------------------------------------------------------------


def staff_note_add(*, actor, case, body: str) -> StaffNote:
    if not permissions.may_handle_case(actor, case):
        raise PermissionDenied
    body = (body or "").strip()
    if not body:
        raise ValidationError(_("The note is empty."))
    return StaffNote.objects.create(case=case, author=actor, body=body)


def task_add(*, actor, case, title: str, due_on=None) -> Task:
    if not permissions.may_handle_case(actor, case):
        raise PermissionDenied
    title = (title or "").strip()
    if not title:
        raise ValidationError(_("Name the task."))
    return Task.objects.create(
        case=case, stage=case.stage, title=title[:200], due_on=due_on, created_by=actor
    )


def task_done(*, actor, task) -> Task:
    if not permissions.may_handle_case(actor, task.case):
        raise PermissionDenied
    Task.objects.filter(pk=task.pk, done_at__isnull=True).update(done_at=timezone.now(), done_by=actor)
    task.refresh_from_db()
    return task


# Referrals --------------------------------------------------------------------------------------------


def referral_create(*, actor, case, programme=None, mentor=None, note: str = "") -> Referral:
    """Refer the case to a programme page, or propose it to a mentor (who answers: their consent)."""
    if not permissions.may_handle_case(actor, case):
        raise PermissionDenied
    if (programme is None) == (mentor is None):
        raise ValidationError(_("Choose a programme or a mentor."))
    kind = Referral.Kind.PROGRAMME if programme is not None else Referral.Kind.MENTOR
    with transaction.atomic():
        case = _locked(case.pk)
        referral = Referral.objects.create(
            case=case,
            kind=kind,
            programme=programme,
            mentor=mentor,
            note=(note or "").strip(),
            created_by=actor,
        )
        _entry(case, TimelineEntry.Kind.REFERRAL, actor, detail={"referral": referral.pk, "kind": kind})
        _bump(case)
        transaction.on_commit(lambda: _notify_holder(case, "referral"))
        if mentor is not None:
            transaction.on_commit(lambda: _notify_mentor(referral))
    return referral


def _notify_mentor(referral) -> None:
    notify(
        recipient=referral.mentor.user,
        kind=NOTIFICATION_KIND,
        subject=referral.case.project.title[:200],
        url=reverse("accompaniment:mentor_answer", args=[referral.pk]),
        params={"case": referral.case_id, "event": "mentor"},
    )


def referral_answer(*, actor, referral, outcome: str, note: str = "") -> Referral:
    """Staff record the programme's answer (or a mentor's, on their behalf, with their word)."""
    if not permissions.may_handle_case(actor, referral.case):
        raise PermissionDenied
    return _answer(actor, referral, outcome, note)


def mentor_answer(*, user, referral, accept: bool, note: str = "") -> Referral:
    """The mentor's own consent to take the case, or their refusal."""
    if referral.mentor is None or referral.mentor.user_id != user.pk:
        raise PermissionDenied
    outcome = Referral.Outcome.ACCEPTED if accept else Referral.Outcome.DECLINED
    return _answer(user, referral, outcome, note)


def _answer(actor, referral, outcome, note) -> Referral:
    if outcome not in Referral.Outcome.values or outcome == Referral.Outcome.PENDING:
        raise ValidationError(_("Choose an answer."))
    with transaction.atomic():
        case = _locked(referral.case_id)
        Referral.objects.filter(pk=referral.pk).update(
            outcome=outcome, outcome_note=(note or "").strip(), answered_at=timezone.now()
        )
        _entry(
            case,
            TimelineEntry.Kind.REFERRAL_ANSWER,
            actor,
            detail={"referral": referral.pk, "outcome": outcome},
        )
        _bump(case)
        transaction.on_commit(lambda: _notify_holder(case, "referral"))
    referral.refresh_from_db()
    return referral


# Documents --------------------------------------------------------------------------------------------


def _version_add(case, kind, upload, content_type, actor) -> DocumentVersion:
    document, _created = Document.objects.get_or_create(case=case, kind=kind)
    last = document.versions.order_by("-number").values_list("number", flat=True).first() or 0
    version = DocumentVersion(
        document=document,
        number=last + 1,
        filename=(upload.name or "document")[-200:],
        content_type=content_type,
        size=upload.size,
        uploaded_by=actor,
    )
    version.file.save(upload.name or "document", upload, save=False)
    version.save()
    _entry(case, TimelineEntry.Kind.DOCUMENT, actor, detail={"kind": kind, "version": version.number})
    return version


def document_upload(*, actor, case, kind: str, upload) -> DocumentVersion:
    """A new version of one of the case's documents, by the holder or the staff in charge."""
    if not (permissions.is_holder(actor, case) or permissions.may_handle_case(actor, case)):
        raise PermissionDenied
    if kind not in Document.Kind.values:
        raise ValidationError(_("Choose the kind of document."))
    content_type = checked_content_type(upload)
    with transaction.atomic():
        case = _locked(case.pk)
        version = _version_add(case, kind, upload, content_type, actor)
        _bump(case)
    return version


def document_request(*, actor, case, kind: str) -> Document:
    """Staff ask the holder for a document; it shows as requested on the holder's page until sent."""
    if not permissions.may_handle_case(actor, case):
        raise PermissionDenied
    if kind not in Document.Kind.values:
        raise ValidationError(_("Choose the kind of document."))
    document, _created = Document.objects.get_or_create(case=case, kind=kind)
    Document.objects.filter(pk=document.pk).update(requested_by=actor, requested_at=timezone.now())
    transaction.on_commit(lambda: _notify_holder(case, "document"))
    document.refresh_from_db()
    return document


def document_download_record(*, actor, version) -> None:
    case = version.document.case
    if not permissions.may_download(actor, version.document):
        raise PermissionDenied
    audit_record(
        actor,
        "accompaniment.download",
        version,
        kind=AuditLog.Kind.READ,
        subject=case.holder,
        case=case,
    )


# Messages, survey, follow-up ----------------------------------------------------------------------------


def case_message_send(*, sender, case, body: str):
    """A message in the case's conversation (community messaging): the holder and the staff in charge."""
    if not (permissions.is_holder(sender, case) or permissions.may_handle_case(sender, case)):
        raise PermissionDenied
    if case.conversation_id is None:
        with transaction.atomic():
            locked = _locked(case.pk)
            _conversation_sync(locked)
            case.conversation = locked.conversation
    if case.conversation is None:
        raise ValidationError(_("Nobody is in charge of this case yet; write again once it is assigned."))
    if not Participant.objects.filter(
        conversation=case.conversation, user=sender, left_at__isnull=True
    ).exists():
        Participant.objects.update_or_create(
            conversation=case.conversation, user=sender, defaults={"left_at": None}
        )
    return message_send(sender=sender, conversation=case.conversation, body=body)


def survey_submit(*, user, case, satisfaction: int, comment: str = "") -> Case:
    if not permissions.is_holder(user, case):
        raise PermissionDenied
    if not case.stage.is_final and case.stage.kind != Stage.Kind.SUCCESS:
        raise ValidationError(_("The survey opens when the case is closed."))
    if not 1 <= int(satisfaction) <= 5:
        raise ValidationError(_("Choose a mark from 1 to 5."))
    with transaction.atomic():
        case = _locked(case.pk)
        if case.survey_at is not None:
            raise ValidationError(_("You already answered the survey."))
        _bump(
            case,
            satisfaction=int(satisfaction),
            survey_comment=(comment or "").strip(),
            survey_at=timezone.now(),
        )
        _entry(case, TimelineEntry.Kind.SURVEY, user, detail={"satisfaction": int(satisfaction)})
    return case


FOLLOWUP_DELAY_DAYS = 182


def followups_due(now=None):
    """Cases closed (or launched) six months ago whose holder was not asked yet."""
    now = now or timezone.now()
    return Case.objects.filter(
        closed_at__isnull=False,
        closed_at__lte=now - timezone.timedelta(days=FOLLOWUP_DELAY_DAYS),
        followup_sent_at__isnull=True,
    )


def followup_send(case_id: int) -> bool:
    """Ask the holder whether the project launched; once per case, whoever runs it and how often."""
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case_id)
        if case.followup_sent_at is not None:
            return False
        Case.objects.filter(pk=case.pk).update(followup_sent_at=timezone.now())
        _entry(case, TimelineEntry.Kind.FOLLOWUP, None, detail={"sent": True})
        transaction.on_commit(lambda: _notify_holder(case, "followup"))
    return True


def followup_answer(*, user, case, launched: bool, jobs_created=None, investment=None) -> Case:
    if not permissions.is_holder(user, case):
        raise PermissionDenied
    with transaction.atomic():
        case = _locked(case.pk)
        if case.followup_sent_at is None:
            raise ValidationError(_("This question has not been asked yet."))
        updates = {"launched": bool(launched), "followup_answered_at": timezone.now()}
        if jobs_created is not None:
            updates["jobs_created"] = jobs_created
        if investment is not None:
            updates["investment"] = investment
        _bump(case, **updates)
        _entry(case, TimelineEntry.Kind.FOLLOWUP, user, detail={"launched": bool(launched)})
    return case


def next_step_set(*, actor, case, text: str, on=None, version=None) -> Case:
    if not permissions.may_handle_case(actor, case):
        raise PermissionDenied
    with transaction.atomic():
        case = _locked(case.pk)
        _check_version(case, version)
        _bump(case, next_step=(text or "").strip()[:200], next_step_on=on)
    return case


def overdue_tasks_remind(today=None) -> int:
    """Remind the advisor (or the relay) of each open task past due, once a day at most.

    A task reminded on a later day than ``today`` is not reminded again: a clock stepped back over
    midnight (or a worker whose clock lags) must not send the day's reminder twice."""
    today = today or timezone.localdate()
    sent = 0
    due = Task.objects.filter(done_at__isnull=True, due_on__lt=today).filter(
        Q(reminded_on__isnull=True) | Q(reminded_on__lt=today)
    )
    for task_id in due.values_list("pk", flat=True)[:5000]:
        with transaction.atomic():
            task = Task.objects.select_for_update().select_related("case").filter(pk=task_id).first()
            if task is None or task.done_at is not None or (task.reminded_on and task.reminded_on >= today):
                continue
            Task.objects.filter(pk=task.pk).update(reminded_on=today)
            recipient = task.case.advisor or task.case.relay
            if recipient is None:
                continue
            notify(
                recipient=recipient,
                kind=NOTIFICATION_KIND,
                subject=task.title,
                url=reverse("accompaniment:case", args=[task.case_id]),
                params={"case": task.case_id, "event": "task", "task": task.pk},
            )
            sent += 1
    return sent
