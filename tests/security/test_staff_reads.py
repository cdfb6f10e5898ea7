"""Staff reads and exports of personal data go to the shared audit log; exports show an email only
where the member's contact visibility allows it (finding 4)."""

import pytest

from django.core.files.base import ContentFile
from django.test import Client

from accounts.factories import UserFactory
from accounts.roles import MODERATOR
from community.groups.factories import MembershipFactory
from community.labels.factories import LabelApplicationFactory
from community.labels.models import EvidenceFile
from community.profiles.factories import ProfileFactory, RelayCoverageFactory
from core.models import AuditLog
from events import services
from events.factories import EventFactory
from events.models import Event
from events.occurrences import session_key

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_group_event_export_gives_only_the_emails_members_show():
    membership = MembershipFactory(role="owner")
    event = EventFactory(
        organiser_kind=Event.OrganiserKind.GROUP, group=membership.group, created_by=membership.user
    )
    hidden = ProfileFactory(vis_contact=3).user
    shown = ProfileFactory(vis_contact=1).user
    for person in (hidden, shown):
        services.rsvp_set(user=person, event=event, original_start=event.start, status="going", answers={})
    response = _client(membership.user).get(
        f"/fr/events/{event.pk}/s/{session_key(event.start)}/attendees.csv"
    )
    body = response.content.decode("utf-8-sig")
    assert shown.email in body and hidden.email not in body
    assert AuditLog.objects.filter(action="events.attendees_export", actor=membership.user).exists()


def test_relay_list_profile_reads_and_evidence_downloads_are_audited():
    relay = RelayCoverageFactory(countries=["FR"]).relay
    profile = ProfileFactory(country="FR")
    client = _client(relay)
    assert client.get("/fr/community/members/relay/").status_code == 200
    assert client.get(f"/fr/community/members/{profile.pk}/").status_code == 200
    actions = set(AuditLog.objects.filter(actor=relay).values_list("action", flat=True))
    assert {"profiles.relay_list", "profiles.staff_read"} <= actions

    moderator = UserFactory(roles=[MODERATOR], two_factor=True)
    application = LabelApplicationFactory()
    evidence = EvidenceFile(
        application=application, original_name="cv.pdf", content_type="application/pdf", size=8
    )
    evidence.file.save("cv.pdf", ContentFile(b"%PDF-1.4"), save=True)
    response = _client(moderator).get(f"/fr/community/labels/evidence/{evidence.pk}/")
    assert response.status_code == 200
    entry = AuditLog.objects.get(action="labels.evidence_download")
    assert entry.actor == moderator and entry.subject == application.applicant and entry.kind == "export"


def test_a_member_reading_a_profile_leaves_no_audit_entry():
    profile = ProfileFactory(vis_name=0, directory=True)
    assert _client(UserFactory()).get(f"/fr/community/members/{profile.pk}/").status_code == 200
    assert not AuditLog.objects.exists()


def test_a_moderator_reading_a_report_is_audited():
    from community.moderation.factories import ReportFactory

    moderator = UserFactory(roles=[MODERATOR], two_factor=True)
    report = ReportFactory()
    response = _client(moderator).get(
        f"/fr/community/moderation/review/{report.content_type_id}/{report.object_id}/"
    )
    assert response.status_code == 200
    entry = AuditLog.objects.get(action="moderation.review")
    assert entry.actor == moderator and entry.target_id == report.object_id
    assert entry.subject_id == int(report.object_id)  # the reported account is whose data was read


def test_administrators_read_filter_and_export_the_audit_log_and_the_export_is_logged():
    from accounts.roles import ADMIN
    from core.audit import audit_record

    relay, subject = UserFactory(email="relay.audit@example.org"), UserFactory(email="whose@example.org")
    audit_record(relay, "profiles.staff_read", subject, subject=subject, detail="=HYPERLINK(1)")
    audit_record(UserFactory(), "events.attendees_export", kind=AuditLog.Kind.EXPORT)
    admin = UserFactory(roles=[ADMIN], two_factor=True)
    client = _client(admin)

    page = client.get("/fr/account/audit/", {"who": "relay.audit"}).content.decode()
    assert "relay.audit@example.org" in page and "whose@example.org" in page
    assert "events.attendees_export" not in page  # filtered out
    assert "/account/audit/audit-log.csv?who=relay.audit" in page
    assert 'href="/fr/account/audit/"' in client.get("/fr/account/").content.decode()  # staff tools

    response = client.get("/fr/account/audit/audit-log.csv", {"who": "relay.audit"})
    body = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert "relay.audit@example.org" in body and "whose@example.org" in body
    assert "'=HYPERLINK(1)" in body  # formula-safe
    exported = AuditLog.objects.get(action="privacy.audit_export")
    assert exported.actor == admin and exported.kind == "export" and exported.detail == "who=relay.audit"

    for someone in (UserFactory(roles=[MODERATOR], two_factor=True), UserFactory()):
        assert _client(someone).get("/fr/account/audit/").status_code == 403
    without_second_factor = UserFactory(roles=[ADMIN])
    assert _client(without_second_factor).get("/fr/account/audit/audit-log.csv").status_code == 302
