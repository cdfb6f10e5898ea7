"""What the accompaniment holds about a member, as a section of their data export (privacy/export.py).

The member's cases as they see them on their case page (stages, reasons, referrals, documents with
their files), their unfinished request, and their answers as a mentor. Left out, on purpose: the
internal notes and the staff's task list. The design keeps them internal (staff's working notes,
naming other staff and third parties, never shown on a holder's page); the archive says how many
internal notes exist, and a member who wants them asks the controller, who answers by hand after
taking out what concerns others (law 09-08 art. 7, GDPR art. 15(4)).
"""

from community.profiles.models import Profile

from .models import Case, DocumentVersion, Referral, RequestDraft, TimelineEntry

HOLDER_TIMELINE = (TimelineEntry.Kind.CREATED, TimelineEntry.Kind.TRANSITION)


def _case(case) -> dict:
    timeline = case.timeline.filter(kind__in=HOLDER_TIMELINE).select_related("to_stage").order_by("at", "id")
    return {
        "reference": case.reference,
        "project": case.project.title,
        "stage": case.stage.name,
        "region": case.region,
        "sector": case.sector,
        "country": case.country,
        "needs": case.needs,
        "what_you_need": case.needs_text,
        "funding_sought": case.funding_sought,
        "funding_secured": case.funding_secured,
        "jobs_planned": case.jobs_planned,
        "jobs_created": case.jobs_created,
        "investment": case.investment,
        "next_step": case.next_step,
        "next_step_on": case.next_step_on,
        "requested_at": case.created_at,
        "closed_at": case.closed_at,
        "satisfaction": case.satisfaction,
        "survey_comment": case.survey_comment,
        "launched": case.launched,
        "timeline": [
            {
                "at": e.at,
                "what": e.to_stage.name if e.to_stage else e.get_kind_display(),
                "why": e.reason,
            }
            for e in timeline
        ],
        "referrals": [
            {
                "kind": r.kind,
                "to": r.target_name,
                "message": r.note,
                "outcome": r.outcome,
                "answer": r.outcome_note,
                "at": r.created_at,
            }
            for r in case.referrals.select_related("programme", "mentor").order_by("created_at", "id")
        ],
        "documents": [
            {"kind": v.document.kind, "version": v.number, "file_name": v.filename, "at": v.uploaded_at}
            for v in DocumentVersion.objects.filter(document__case=case).select_related("document")
        ],
        "internal_notes": case.staff_notes.count(),
    }


def accompaniment_export(user):
    cases = Case.objects.filter(holder=user).select_related("project", "stage").order_by("created_at", "id")
    profile = Profile.objects.filter(user=user).first()
    as_mentor = Referral.objects.filter(mentor=profile).order_by("created_at", "id") if profile else []
    data = {
        "cases": [_case(case) for case in cases],
        "request_drafts": [
            {"project": d.project.title, "step": d.step, "answers": d.data, "updated_at": d.updated_at}
            for d in RequestDraft.objects.filter(holder=user).select_related("project")
        ],
        "as_mentor": [
            {"asked_at": r.created_at, "outcome": r.outcome, "answer": r.outcome_note, "at": r.answered_at}
            for r in as_mentor
        ],
    }
    files = [
        v.file
        for v in DocumentVersion.objects.filter(document__case__holder=user).order_by(
            "document__case_id", "id"
        )
    ]
    return data, files
