"""Pages per role and surface: the holder's request and case page, the staff board, case, funnel, files."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accompaniment import services
from accompaniment.factories import AdvisorFactory, CaseFactory, stage
from accompaniment.models import Case, RequestDraft
from accounts.factories import UserFactory
from accounts.roles import ADVISOR
from community.profiles.factories import ProfileFactory, ProjectFactory
from core.models import AuditLog

PDF = b"%PDF-1.4\n%test\n"


def test_holder_request_in_three_steps_with_a_draft_between_them(client, db, advisor):
    project = ProjectFactory()
    client.force_login(project.owner.user)
    first = reverse("accompaniment:request", args=[project.pk])
    assert client.get(first).status_code == 200
    # A later step is not reachable before the earlier ones are saved.
    step3 = reverse("accompaniment:request_step", args=[project.pk, 3])
    assert client.get(step3).url == reverse("accompaniment:request_step", args=[project.pk, 1])
    response = client.post(
        first, {"needs": ["mentoring", "investment"], "needs_text": "Un mentor", "region": "oriental"}
    )
    assert response.status_code == 302
    assert RequestDraft.objects.get(project=project).data["region"] == "oriental"
    step2 = reverse("accompaniment:request_step", args=[project.pk, 2])
    client.post(step2, {"funding_sought": "300000", "funding_secured": "", "jobs_planned": "3"})
    # Back to step 1: the saved answers are there.
    assert "Un mentor" in client.get(first).content.decode()
    upload = SimpleUploadedFile("plan.pdf", PDF, content_type="application/pdf")
    response = client.post(step3, {"business_plan": upload, "confirm": "on"})
    case = Case.objects.get(project=project)
    assert response.url == reverse("accompaniment:my_case", args=[case.pk])
    assert (case.region, case.funding_sought, case.jobs_planned) == ("oriental", 300000, 3)
    assert not RequestDraft.objects.exists()
    page = client.get(response.url).content.decode()
    assert case.stage.name in page


def test_holder_page_shows_referrals_never_internal_notes(client, case, advisor):
    services.staff_note_add(actor=advisor, case=case, body="Internal: weak financials")
    client.force_login(case.holder)
    page = client.get(reverse("accompaniment:my_case", args=[case.pk])).content.decode()
    assert "weak financials" not in page
    other = ProfileFactory().user
    client.force_login(other)
    assert client.get(reverse("accompaniment:my_case", args=[case.pk])).status_code == 404


STAFF_PAGES = ["accompaniment:board", "accompaniment:overdue"]


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_board_pages_by_role(client, name, advisor, relay, admin_user, analyst, moderator, editor):
    url = reverse(name)
    for user, status in (
        (advisor, 200),
        (relay, 200),
        (admin_user, 200),
        (analyst, 403),
        (moderator, 403),
        (editor, 403),
    ):
        client.force_login(user)
        assert client.get(url).status_code == status, user.email


def test_staff_without_second_factor_is_sent_to_set_it_up(client, db):
    user = UserFactory(roles=[ADVISOR])
    client.force_login(user)
    for name in ("accompaniment:board", "accompaniment:funnel"):
        assert client.get(reverse(name)).url == reverse("mfa_activate_totp")


def test_case_page_advisor_relay_admin_only(
    client, case, advisor, other_advisor, relay, admin_user, analyst, moderator
):
    url = reverse("accompaniment:case", args=[case.pk])
    # The case's holder lives in France (ProfileFactory), covered by the relay.
    for user, status in (
        (advisor, 200),
        (relay, 200),
        (admin_user, 200),
        (other_advisor, 404),
        (analyst, 403),
        (moderator, 403),
    ):
        client.force_login(user)
        assert client.get(url).status_code == status, user.email
    elsewhere = CaseFactory(project=ProjectFactory(owner=ProfileFactory(country="DE")), advisor=advisor)
    client.force_login(relay)
    assert client.get(reverse("accompaniment:case", args=[elsewhere.pk])).status_code == 404


def test_board_lists_only_own_cases_with_filters(client, case, advisor, other_advisor):
    mine_late = CaseFactory(advisor=advisor)
    Case.objects.filter(pk=mine_late.pk).update(due_at="2020-01-01T00:00:00Z")
    theirs = CaseFactory(advisor=other_advisor)
    client.force_login(advisor)
    page = client.get(reverse("accompaniment:board")).content.decode()
    assert case.project.title in page and theirs.project.title not in page
    page = client.get(reverse("accompaniment:board"), {"view": "list", "overdue": "on"}).content.decode()
    assert mine_late.project.title in page and case.project.title not in page


def test_funnel_aggregates_for_analysts_and_csv(client, case, advisor, analyst, moderator):
    services.case_transition(actor=advisor, case_id=case.pk, to_stage=stage("qualified"))
    client.force_login(analyst)
    page = client.get(reverse("accompaniment:funnel")).content.decode()
    assert case.project.title not in page and str(case.holder.first_name) not in page
    response = client.get(reverse("accompaniment:funnel_csv"), {"start": "2020-01-01"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert AuditLog.objects.filter(action="accompaniment.export", actor=analyst).exists()
    client.force_login(moderator)
    assert client.get(reverse("accompaniment:funnel")).status_code == 403


def test_move_from_the_case_page_and_a_stale_form(client, case, advisor):
    client.force_login(advisor)
    url = reverse("accompaniment:case_move", args=[case.pk])
    client.post(url, {"to_stage": stage("qualified").pk, "version": 1})
    case.refresh_from_db()
    assert case.stage.key == "qualified"
    response = client.post(
        url, {"to_stage": stage("not-eligible").pk, "reason": "x", "version": 1}, follow=True
    )
    case.refresh_from_db()
    assert case.stage.key == "qualified"
    assert "Quelqu’un d’autre a modifié ce dossier" in response.content.decode()


def test_documents_downloaded_by_holder_and_staff_in_charge_audited(
    client, case, advisor, other_advisor, analyst
):
    version = services.document_upload(
        actor=case.holder,
        case=case,
        kind="statutes",
        upload=SimpleUploadedFile("s.pdf", PDF, content_type="application/pdf"),
    )
    url = reverse("accompaniment:download", args=[version.pk])
    for user, status in ((case.holder, 200), (advisor, 200), (other_advisor, 404), (analyst, 404)):
        client.force_login(user)
        assert client.get(url).status_code == status, user.email
    assert AuditLog.objects.filter(action="accompaniment.download").count() == 2


def test_bulk_assignment_by_admin_only(client, advisor, admin_user):
    cases = [CaseFactory() for _ in range(2)]
    url = reverse("accompaniment:bulk_assign")
    client.force_login(advisor)
    assert client.post(url, {"advisor": advisor.pk, "cases": [c.pk for c in cases]}).status_code == 403
    client.force_login(admin_user)
    client.post(url, {"advisor": advisor.pk, "cases": [c.pk for c in cases]})
    assert Case.objects.filter(advisor=advisor).count() == 2


def test_mentor_consents_to_a_referral(client, case, advisor):
    mentor = ProfileFactory()
    referral = services.referral_create(actor=advisor, case=case, mentor=mentor, note="Would you?")
    url = reverse("accompaniment:mentor_answer", args=[referral.pk])
    client.force_login(case.holder)
    assert client.get(url).status_code == 404
    client.force_login(mentor.user)
    client.post(url, {"accept": "yes"})
    referral.refresh_from_db()
    assert referral.outcome == "accepted"


def test_advisor_proposal_prefers_expertise_then_load(db):
    from accompaniment.assignment import advisor_proposals

    busy = AdvisorFactory(expertise=(["agriculture"], []))
    free = AdvisorFactory(expertise=(["agriculture"], []))
    for _ in range(5):
        CaseFactory(advisor=busy)
    assert advisor_proposals(sector="farming", region="oriental")[0].user == free
