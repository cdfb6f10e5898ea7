"""Labels: members apply with evidence, moderators decide, every decision is kept and the member told."""

import datetime
import io

import pytest
from PIL import Image

from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone, translation

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from accounts.roles import MODERATOR
from community.labels import services
from community.labels.factories import LabelApplicationFactory, LabelFactory, LabelGrantFactory
from community.labels.models import EvidenceFile, LabelApplication, LabelDecision
from community.labels.selectors import active_label_ids
from community.notifications.models import Notification

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "green").save(buffer, "PNG")
    return buffer.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture
def moderator():
    return UserFactory(roles=[MODERATOR], two_factor=True)


def test_factories_build():
    application = LabelApplicationFactory()
    grant = LabelGrantFactory()
    assert application.status == "pending" and application.label.name
    assert grant.label_id in active_label_ids(grant.user)


def test_a_member_applies_with_a_pdf_and_a_png_checked_by_content(client):
    member, label = UserFactory(), LabelFactory()
    client.force_login(member)
    response = client.post(
        reverse("labels:apply", args=[label.slug]),
        {
            "statement": "Ingénieure depuis 2010",
            # A PDF named .png and a PNG named .txt: types are read from the content.
            "evidence": [upload("diplome.png", PDF), upload("photo.txt", png_bytes())],
        },
    )
    assert response.status_code == 302
    application = LabelApplication.objects.get(applicant=member)
    assert application.statement == "Ingénieure depuis 2010" and application.status == "pending"
    files = list(application.evidence.order_by("id"))
    assert [(f.original_name, f.content_type) for f in files] == [
        ("diplome.png", "application/pdf"),
        ("photo.txt", "image/png"),
    ]
    assert files[0].size == len(PDF)
    # Stored outside MEDIA_ROOT, with no public URL and without the member's file name.
    from django.conf import settings

    assert not files[0].file.path.startswith(str(settings.MEDIA_ROOT))
    assert "diplome" not in files[0].file.name
    with pytest.raises(ValueError):
        files[0].file.url  # noqa: B018


def test_a_bad_file_is_refused_with_a_clear_error_and_the_text_is_kept(client):
    member, label = UserFactory(), LabelFactory()
    client.force_login(member)
    with translation.override("en"):
        response = client.post(
            reverse("labels:apply", args=[label.slug]),
            {"statement": "Mon texte précieux", "evidence": [upload("cv.pdf", b"MZ\x90\x00 not a pdf")]},
        )
    assert response.status_code == 400
    content = response.content.decode()
    assert "is not a PDF, JPEG or PNG file" in content and "cv.pdf" in content
    assert "Mon texte précieux" in content
    assert not LabelApplication.objects.exists() and not EvidenceFile.objects.exists()


def test_too_many_or_too_large_files_are_refused(client, settings):
    member, label = UserFactory(), LabelFactory()
    client.force_login(member)
    url = reverse("labels:apply", args=[label.slug])
    four = [upload(f"f{i}.pdf", PDF) for i in range(4)]
    response = client.post(url, {"statement": "x", "evidence": four})
    assert response.status_code == 400 and not LabelApplication.objects.exists()
    big = upload("big.pdf", PDF + b"0" * (5 * 1024 * 1024))
    response = client.post(url, {"statement": "x", "evidence": [big]})
    assert response.status_code == 400 and not LabelApplication.objects.exists()


def test_no_second_application_while_pending_or_while_holding_the_label():
    member, label = UserFactory(), LabelFactory()
    services.label_apply(applicant=member, label=label, statement="one")
    with pytest.raises(ValidationError):
        services.label_apply(applicant=member, label=label, statement="two")
    LabelApplication.objects.update(status="refused")
    LabelGrantFactory(user=member, label=label)
    with pytest.raises(ValidationError):
        services.label_apply(applicant=member, label=label, statement="three")


def test_grant_sets_expiry_records_decision_and_tells_the_member_in_arabic(
    moderator, django_capture_on_commit_callbacks
):
    member = UserFactory(preferred_language="ar")
    label = LabelFactory(validity_days=30)
    application = services.label_apply(applicant=member, label=label, statement="...")
    with django_capture_on_commit_callbacks(execute=True):
        grant = services.label_application_grant(application=application, moderator=moderator)
    assert grant.expires_at - grant.granted_at == datetime.timedelta(days=30)
    assert grant.granted_by == moderator
    application.refresh_from_db()
    assert application.status == "granted"
    decision = LabelDecision.objects.get(application=application)
    assert (decision.action, decision.actor, decision.grant) == ("granted", moderator, grant)
    notification = Notification.objects.get(recipient=member)
    assert notification.kind == "label_granted"
    assert notification.subject.startswith("تم منحكم شارة")
    assert label.name_ar in notification.subject
    assert notification.url.startswith("/ar/")
    assert [m.subject for m in mail.outbox] == [notification.subject]


def test_refuse_and_revoke_need_a_reason_that_is_kept(moderator):
    member = UserFactory()
    application = LabelApplicationFactory(applicant=member)
    with pytest.raises(ValidationError):
        services.label_application_refuse(application=application, moderator=moderator, reason="  ")
    services.label_application_refuse(
        application=application, moderator=moderator, reason="Diplôme illisible"
    )
    application.refresh_from_db()
    assert application.status == "refused"

    grant = LabelGrantFactory(user=member)
    with pytest.raises(ValidationError):
        services.label_grant_revoke(grant=grant, moderator=moderator, reason="")
    services.label_grant_revoke(grant=grant, moderator=moderator, reason="Fraude")
    grant.refresh_from_db()
    assert grant.end_reason == "revoked" and grant.ended_at is not None
    assert active_label_ids(member) == set()
    history = list(LabelDecision.objects.filter(member=member).values_list("action", "reason", "actor"))
    assert sorted(history) == [
        ("refused", "Diplôme illisible", moderator.pk),
        ("revoked", "Fraude", moderator.pk),
    ]
    assert set(Notification.objects.filter(recipient=member).values_list("kind", flat=True)) == {
        "label_refused",
        "label_revoked",
    }
    assert "Fraude" in Notification.objects.get(kind="label_revoked").body


def test_a_member_cannot_decide_on_labels():
    member = UserFactory()
    application = LabelApplicationFactory()
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.label_application_grant(application=application, moderator=member)


def test_moderator_refuses_through_the_page_and_a_missing_reason_shows_an_error(client, moderator):
    application = LabelApplicationFactory()
    client.force_login(moderator)
    url = reverse("labels:review", args=[application.pk])
    response = client.post(url, {"action": "refuse", "refuse-reason": ""})
    assert response.status_code == 400
    assert 'id="id_refuse-reason_error"' in response.content.decode()
    response = client.post(url, {"action": "refuse", "refuse-reason": "Pas de preuve"})
    assert response.status_code == 302
    assert LabelDecision.objects.get().reason == "Pas de preuve"


def test_queue_lists_pending_applications_oldest_first_for_moderators_only(client, moderator):
    now = timezone.now()
    newer = LabelApplicationFactory(created_at=now)
    older = LabelApplicationFactory(created_at=now - datetime.timedelta(days=2))
    LabelApplicationFactory(status="refused")
    client.force_login(moderator)
    response = client.get(reverse("labels:moderation"))
    assert [a.pk for a in response.context["pending"]] == [older.pk, newer.pk]
    client.force_login(UserFactory())
    assert client.get(reverse("labels:moderation")).status_code == 403


def test_expiry_ends_lapsed_grants_once_and_tells_the_member(django_capture_on_commit_callbacks):
    now = timezone.now()
    member = UserFactory(preferred_language="en")
    lapsed = LabelGrantFactory(user=member, expires_at=now - datetime.timedelta(minutes=1))
    current = LabelGrantFactory(expires_at=now + datetime.timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.labels_expire() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert services.labels_expire() == 0
    lapsed.refresh_from_db()
    current.refresh_from_db()
    assert lapsed.end_reason == "expired" and current.ended_at is None
    assert LabelDecision.objects.filter(grant=lapsed, action="expired", actor=None).count() == 1
    assert Notification.objects.filter(recipient=member, kind="label_expired").count() == 1
    assert len(mail.outbox) == 1 and "expired" in mail.outbox[0].subject


def test_expiry_task_is_registered_for_beat(settings):
    from community.labels.tasks import labels_expire_task
    from kafaat.celery import app

    names = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert labels_expire_task.name in names
    assert labels_expire_task.name in app.tasks


@pytest.fixture
def evidence():
    application = services.label_apply(
        applicant=UserFactory(), label=LabelFactory(), statement="s", files=[upload("d.pdf", PDF)]
    )
    return application.evidence.get()


def test_evidence_is_downloadable_by_the_applicant_and_moderators_only(client, evidence, moderator):
    url = reverse("labels:evidence", args=[evidence.pk])
    assert client.get(url).status_code == 302  # visitor: to the login page
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    for allowed in (evidence.application.applicant, moderator):
        client.force_login(allowed)
        response = client.get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Type"] == "application/pdf"
        assert 'filename="d.pdf"' in response["Content-Disposition"]


def test_badges_tag_shows_labels_held_now_as_text():
    member = UserFactory()
    held = LabelGrantFactory(user=member, label=LabelFactory(name_fr="Relais consulaire"))
    LabelGrantFactory(user=member, label=LabelFactory(name_fr="Ancien"), ended_at=timezone.now())
    with translation.override("fr"):
        html = Template("{% load labels %}{% label_badges member %}").render(Context({"member": member}))
    assert "Relais consulaire" in html and "Ancien" not in html
    assert 'aria-hidden="true">' + held.label.badge in html
    assert (
        Template("{% load labels %}{% label_badges m %}").render(Context({"m": UserFactory()})).strip() == ""
    )


def test_labels_page_lists_open_labels_and_my_page_shows_decisions(client, moderator):
    open_label = LabelFactory(name_fr="Porteur accompagné", evidence_fr="Convention d'accompagnement")
    LabelFactory(name_fr="Fermé", is_active=False)
    response = client.get(reverse("labels:list"))
    content = response.content.decode()
    assert "Porteur accompagné" in content and "Convention d&#x27;accompagnement" in content
    assert "Fermé" not in content
    member = UserFactory()
    application = LabelApplicationFactory(applicant=member, label=open_label)
    services.label_application_refuse(application=application, moderator=moderator, reason="Incomplet")
    client.force_login(member)
    content = client.get(reverse("labels:mine")).content.decode()
    assert "Incomplet" in content and "Refusée" in content


def test_moderators_manage_labels_in_the_wagtail_admin(client):
    from accounts.services import roles_sync

    roles_sync()
    moderator = UserFactory(roles=[MODERATOR], two_factor=True)
    assert client.login(email=moderator.email, password=DEFAULT_PASSWORD)
    response = client.get("/admin/snippets/labels/label/")
    assert response.status_code == 200
    response = client.get("/admin/snippets/labels/label/add/")
    assert response.status_code == 200


def test_a_moderator_without_a_second_factor_is_sent_to_set_one_up(client):
    moderator = UserFactory(roles=[MODERATOR])
    client.force_login(moderator)
    for path in ("/fr/community/labels/moderation/", "/fr/community/moderation/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == "/fr/accounts/2fa/totp/activate/", path
