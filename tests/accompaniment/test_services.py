import pytest

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from accompaniment import services
from accompaniment.factories import AdvisorFactory, CaseFactory, stage
from accompaniment.models import Case, StaffNote, Task, TimelineEntry
from accompaniment.sla import add_working_days
from community.profiles.factories import ProjectFactory

PDF = b"%PDF-1.4\n%test\n"


def test_default_stages_and_their_paths(db):
    received = stage("received")
    assert received.initial and received.sla_days == 5
    assert {s.key for s in received.next_stages.all()} == {"qualified", "not-eligible", "abandoned"}
    assert stage("abandoned").reason_required and stage("abandoned").kind == "exit"


def test_working_days_skip_the_weekend():
    from datetime import datetime

    friday = datetime(2026, 12, 4, 10)
    assert add_working_days(friday, 1).weekday() == 0
    assert add_working_days(friday, 5).day == 11


def test_request_creates_a_case_assigned_by_proposal_with_timeline_and_documents(db, relay):
    expert = AdvisorFactory(expertise=(["agriculture"], ["souss-massa"]))
    AdvisorFactory(expertise=(["digital"], []))
    project = ProjectFactory()
    holder = project.owner.user
    upload = SimpleUploadedFile("plan.pdf", PDF, content_type="application/pdf")
    case = services.case_request(
        holder=holder,
        project=project,
        data={"needs": ["mentoring"], "needs_text": "x"},
        documents=[("business-plan", upload)],
    )
    assert case.stage.key == "received" and case.advisor == expert and case.relay == relay
    assert case.due_at is not None
    assert list(case.timeline.values_list("kind", flat=True)) == ["created", "assignment", "document"]
    assert case.documents.get().versions.get().content_type == "application/pdf"
    assert case.conversation.participants.filter(left_at__isnull=True).count() == 3
    assert Task.objects.filter(case=case).exists()


def test_request_refuses_a_file_that_is_not_what_it_says(db):
    project = ProjectFactory()
    fake = SimpleUploadedFile("plan.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(Exception, match="PDF"):
        services.case_request(
            holder=project.owner.user, project=project, data={}, documents=[("statutes", fake)]
        )
    assert not Case.objects.exists()


def test_only_the_holder_requests(db, advisor):
    project = ProjectFactory()
    with pytest.raises(PermissionDenied):
        services.case_request(holder=advisor, project=project, data={})


def test_transition_records_who_when_why_and_rules(case, advisor):
    with pytest.raises(services.TransitionRefused):
        services.case_transition(actor=advisor, case_id=case.pk, to_stage=stage("launched"))
    moved = services.case_transition(actor=advisor, case_id=case.pk, to_stage=stage("qualified"), reason="ok")
    assert moved.stage.key == "qualified" and moved.first_answer_at and moved.version == 2
    entry = moved.timeline.get(kind=TimelineEntry.Kind.TRANSITION)
    assert (entry.actor, entry.from_stage.key, entry.to_stage.key, entry.reason) == (
        advisor,
        "received",
        "qualified",
        "ok",
    )
    assert entry.first_visit and entry.seconds_in_stage is not None
    with pytest.raises(services.TransitionRefused) as refused:
        services.case_transition(actor=advisor, case_id=case.pk, to_stage=stage("oriented"))
    services.case_transition(
        actor=advisor, case_id=case.pk, to_stage=stage("oriented"), fields={"next_step": "Meet the bank"}
    )
    assert refused.value.code == "required"
    with pytest.raises(services.TransitionRefused) as refused:
        services.case_transition(actor=advisor, case_id=case.pk, to_stage=stage("abandoned"))
    assert refused.value.code == "reason"
    closed = services.case_transition(
        actor=advisor, case_id=case.pk, to_stage=stage("abandoned"), reason="stopped"
    )
    assert closed.closed_at is not None and closed.due_at is None
    with pytest.raises(ValueError, match="append-only"):
        entry.save()


def test_stale_page_and_other_advisor_are_refused(case, advisor, other_advisor):
    with pytest.raises(PermissionDenied):
        services.case_transition(actor=other_advisor, case_id=case.pk, to_stage=stage("qualified"))
    services.case_transition(actor=advisor, case_id=case.pk, to_stage=stage("qualified"), version=1)
    with pytest.raises(services.StaleCase):
        services.case_transition(
            actor=advisor, case_id=case.pk, to_stage=stage("not-eligible"), reason="x", version=1
        )


def test_reassignment_needs_a_handover_note_and_moves_the_conversation(
    case, advisor, other_advisor, admin_user
):
    services._conversation_sync(case)
    with pytest.raises(ValidationError) as refused:
        services.case_assign(actor=admin_user, case_id=case.pk, advisor=other_advisor)
    assert refused.value.code == "handover"
    with pytest.raises(PermissionDenied):
        services.case_assign(actor=advisor, case_id=case.pk, advisor=other_advisor, note="x")
    case = services.case_assign(
        actor=admin_user, case_id=case.pk, advisor=other_advisor, note="Call her Monday"
    )
    assert case.advisor == other_advisor
    assert StaffNote.objects.get(case=case).handover
    assert case.timeline.filter(kind=TimelineEntry.Kind.REASSIGNMENT).exists()
    readers = set(case.conversation.participants.filter(left_at__isnull=True).values_list("user", flat=True))
    assert readers == {case.holder_id, other_advisor.pk}


def test_bulk_assignment(db, advisor, admin_user):
    cases = [CaseFactory() for _ in range(3)]
    assert services.cases_bulk_assign(actor=admin_user, case_ids=[c.pk for c in cases], advisor=advisor) == 3
    assert Case.objects.filter(advisor=advisor).count() == 3
    assert services.cases_bulk_assign(actor=admin_user, case_ids=[c.pk for c in cases], advisor=advisor) == 0


def test_followup_is_sent_once(db, case, advisor, django_capture_on_commit_callbacks):
    from django.utils import timezone

    from accompaniment.tasks import accompaniment_followups_send

    Case.objects.filter(pk=case.pk).update(closed_at=timezone.now() - timezone.timedelta(days=200))
    with django_capture_on_commit_callbacks(execute=True):
        assert accompaniment_followups_send() == 1
    assert accompaniment_followups_send() == 0
    assert case.holder.notifications.filter(kind=services.NOTIFICATION_KIND).count() == 1
