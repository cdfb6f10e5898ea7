"""Pages of record linkage: analysts only (with a second factor) on every surface; members see only
their own claimed record; views, exports, decisions, merges are logged."""

import datetime

import pytest

from django.urls import reverse
from django.utils import translation

from accounts.factories import UserFactory
from accounts.roles import ADMIN, ANALYST, EDITOR, MEMBER, MODERATOR, RELAY
from core.models import AuditLog
from referential.linkage import selectors
from referential.linkage.factories import SourceFactory, SourceRecordFactory
from referential.linkage.models import CandidatePair, GoldenRecord, LinkageAction, LinkageRun, RecordLink
from referential.linkage.tasks import linkage_run_task

pytestmark = pytest.mark.django_db


@pytest.fixture
def linked():
    """Two records of one person (one pair, waiting for review) and the golden records of a run."""
    source = SourceFactory(name="Consulate in Brussels", trust=4)
    first = SourceRecordFactory(
        source=source,
        given_name="Khadija",
        family_name="Bennani",
        birth_date=datetime.date(1990, 7, 1),
        email="k.bennani@example.org",
        city="Bruxelles",
        country="BE",
    )
    second = SourceRecordFactory(
        source=SourceFactory(name="Alumni network", trust=2),
        given_name="Khadidja",
        family_name="Benani",
        name_arabic="خديجة بناني",
        country="BE",
        city="Bruxelles",
    )
    run = LinkageRun.objects.create()
    linkage_run_task(run.pk)
    left, right = sorted((f"s:{first.pk}", f"s:{second.pk}"))
    pair, _ = CandidatePair.objects.update_or_create(
        left_key=left,
        right_key=right,
        defaults={
            "status": CandidatePair.Status.PENDING,
            "match_probability": 0.8,
            "match_weight": 2.0,
            "reasons": [
                {"comparison": "name", "level": "variant", "weight": 7.9},
                {"comparison": "email", "level": "missing", "weight": 0.0},
                {"comparison": "city", "level": "exact", "weight": 3.4},
            ],
        },
    )
    golden = RecordLink.objects.get(key=f"s:{first.pk}").golden
    return {"pair": pair, "golden": golden, "first": first, "second": second}


def en(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def analyst():
    return UserFactory(roles=[ANALYST], two_factor=True)


def surfaces(linked):
    return [
        reverse("linkage:home"),
        reverse("linkage:review"),
        reverse("linkage:pair", args=[linked["pair"].pk]),
        reverse("linkage:golden_list"),
        reverse("linkage:golden", args=[linked["golden"].pk]),
        reverse("linkage:golden_export", args=[linked["golden"].pk]),
        reverse("linkage:golden_records_csv"),
    ]


def test_anonymous_visitors_are_sent_to_log_in_everywhere(client, linked):
    for url in [*surfaces(linked), reverse("linkage:mine")]:
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"], url


@pytest.mark.parametrize("role", [MEMBER, RELAY, MODERATOR, EDITOR])
def test_other_roles_are_refused_every_analyst_surface(client, linked, role):
    client.force_login(UserFactory(roles=[role], two_factor=True))
    for url in surfaces(linked):
        assert client.get(url).status_code == 403, url
    assert (
        client.post(reverse("linkage:pair", args=[linked["pair"].pk]), {"decision": "match"}).status_code
        == 403
    )
    assert (
        client.post(
            reverse("linkage:golden", args=[linked["golden"].pk]),
            {"action": "override", "field": "city", "value": "x"},
        ).status_code
        == 403
    )
    assert client.post(reverse("linkage:home")).status_code == 403
    assert not AuditLog.objects.filter(action=f"linkage.{LinkageAction.VIEW_GOLDEN}").exists()


def test_analysts_without_a_second_factor_are_sent_to_set_one_up(client, linked):
    client.force_login(UserFactory(roles=[ANALYST]))
    for url in surfaces(linked):
        response = client.get(url)
        assert response.status_code == 302 and "totp" in response["Location"], url


@pytest.mark.parametrize("role", [ANALYST, ADMIN])
def test_analysts_and_admins_use_every_surface(client, linked, role):
    client.force_login(UserFactory(roles=[role], two_factor=True))
    for url in surfaces(linked):
        assert client.get(url).status_code == 200, url


def test_the_review_page_shows_both_records_side_by_side_with_reasons(client, linked):
    user = analyst()
    client.force_login(user)
    response = client.get(reverse("linkage:review"))
    assert "Khadija" in response.content.decode()
    page = client.get(en("linkage:pair", linked["pair"].pk)).content.decode()
    for text in (
        "Khadija",
        "Khadidja",
        "خديجة بناني",
        "Consulate in Brussels",
        "Alumni network",
        "Same name in another spelling or script",
        "Same city",
        "7.9",
    ):
        assert text in page, text
    assert AuditLog.objects.filter(actor=user, action=f"linkage.{LinkageAction.VIEW_PAIR}").exists()


def test_deciding_through_the_page_records_the_analyst_and_empties_the_queue(client, linked):
    user = analyst()
    client.force_login(user)
    response = client.post(reverse("linkage:pair", args=[linked["pair"].pk]), {"decision": "non_match"})
    assert response.status_code == 302
    pair = CandidatePair.objects.get(pk=linked["pair"].pk)
    assert pair.status == CandidatePair.Status.NON_MATCH and pair.decided_by == user
    first, second = (RecordLink.objects.get(key=f"s:{linked[k].pk}").golden for k in ("first", "second"))
    assert first != second
    assert AuditLog.objects.filter(
        actor=user, action=f"linkage.{LinkageAction.DECIDE}", context__pair=pair.pk
    ).exists()
    response = client.post(reverse("linkage:pair", args=[linked["pair"].pk]), {"decision": "maybe"})
    assert CandidatePair.objects.get(pk=linked["pair"].pk).status == CandidatePair.Status.NON_MATCH


def test_every_view_export_and_change_of_a_golden_record_is_logged(client, linked):
    user = analyst()
    client.force_login(user)
    golden = linked["golden"]
    page = client.get(en("linkage:golden", golden.pk)).content.decode()
    assert "Consulate in Brussels" in page
    assert any(
        reason in page
        for reason in ("From the most trusted source", "All sources agree", "Only one source gives it")
    )
    data = client.get(reverse("linkage:golden_export", args=[golden.pk])).json()
    assert data["id"] == golden.pk and data["fields"]["given_name"]["value"]
    client.post(
        reverse("linkage:golden", args=[golden.pk]), {"action": "override", "field": "city", "value": "Liège"}
    )
    golden.refresh_from_db()
    assert golden.fields["city"] == {**golden.fields["city"], "value": "Liège", "reason": "override"}
    other = GoldenRecord.objects.exclude(pk=golden.pk).filter(merged_into=None, links__isnull=False).first()
    if other:
        client.post(reverse("linkage:golden", args=[golden.pk]), {"action": "merge", "other": other.pk})
    actions = {
        a.split(".", 1)[1] for a in AuditLog.objects.filter(actor=user).values_list("action", flat=True)
    }
    assert {
        LinkageAction.VIEW_GOLDEN,
        LinkageAction.EXPORT_GOLDEN,
        LinkageAction.OVERRIDE,
    } <= actions
    if other:
        assert LinkageAction.MERGE in actions


def test_every_record_is_exported_beside_its_golden_record(client, linked):
    """One row per source record: the golden record it is in, its source, its own record id, the date
    as precise as the source gave it; the download is in the audit log."""
    unlinked = SourceRecordFactory(
        given_name="Omar", family_name="Tazi", birth_date=datetime.date(1979, 1, 1),
        birth_date_precision="year", external_id="ALU-77",
    )  # fmt: skip
    user = analyst()
    client.force_login(user)
    page = client.get(en("linkage:golden_list")).content.decode()
    assert reverse("linkage:golden_records_csv") in page
    response = client.get(en("linkage:golden_records_csv"))
    assert response["Content-Type"].startswith("text/csv") and response.streaming  # never whole in memory
    assert response["Cache-Control"] == "private, no-store"
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Golden record,Source,Record,Record id in the source,Row,Given name")
    rows = {line.split(",")[2]: line.split(",") for line in lines[1:]}
    for key in ("first", "second"):
        record = linked[key]
        golden = RecordLink.objects.get(source_record=record).golden_id
        assert rows[str(record.pk)][:2] == [str(golden), record.source.name]
    assert rows[str(unlinked.pk)][0] == "" and rows[str(unlinked.pk)][3] == "ALU-77"
    assert rows[str(unlinked.pk)][8] == "1979"  # a year alone, not 1979-01-01
    assert lines[-1].split(",")[2] == str(unlinked.pk)  # records no run has linked come last
    assert AuditLog.objects.filter(
        actor=user, action=f"linkage.{LinkageAction.EXPORT_LINKS}", kind=AuditLog.Kind.EXPORT
    ).exists()


def test_starting_a_run_from_the_page(client, linked, django_capture_on_commit_callbacks, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    client.force_login(analyst())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("linkage:home"))
    assert response.status_code == 302
    assert LinkageRun.objects.order_by("-pk").first().status == LinkageRun.Status.DONE


def test_a_member_claims_their_record_and_sees_only_it(client, linked):
    member = UserFactory(email="k.bennani@example.org")
    client.force_login(member)
    page = client.get(en("linkage:mine")).content.decode()
    assert "Link it to your account" in page and "Bennani" not in page  # nothing shown before the claim
    client.post(reverse("linkage:claim"))
    page = client.get(en("linkage:mine")).content.decode()
    assert "Bennani" in page and "Consulate in Brussels" in page
    assert AuditLog.objects.filter(actor=member, action=f"linkage.{LinkageAction.MEMBER_VIEW}").exists()
    # Even with their record claimed, members never reach the analyst pages or someone else's record.
    assert client.get(reverse("linkage:golden", args=[linked["golden"].pk])).status_code == 403
    assert client.get(reverse("linkage:golden_export", args=[linked["golden"].pk])).status_code == 403

    stranger = UserFactory(email="someone@example.org")
    client.force_login(stranger)
    page = client.get(en("linkage:mine")).content.decode()
    assert "Bennani" not in page and "holds no record" in page
    client.post(reverse("linkage:claim"))
    assert GoldenRecord.objects.get(pk=linked["golden"].pk).claimed_by == member


def test_a_relay_with_an_unverified_matching_email_cannot_claim(client, linked):
    relay = UserFactory(email="k.bennani@example.org", roles=[RELAY], two_factor=True, verified_email=False)
    client.force_login(relay)
    client.post(reverse("linkage:claim"))
    assert GoldenRecord.objects.get(pk=linked["golden"].pk).claimed_by is None
    assert selectors.claimable_golden_for(relay) is None


@pytest.mark.parametrize(
    "language, year_only, warning",
    [
        ("fr", "1979 (année seule)", "Pays inconnu"),
        ("ar", "1979 (السنة فقط)", "بلد غير معروف"),
        ("en", "1979 (year only)", "Unknown country"),
    ],
)
def test_a_golden_record_shows_partial_dates_record_ids_and_import_warnings(
    client, language, year_only, warning
):
    record = SourceRecordFactory(
        source=SourceFactory(name="Alumni directory"),
        given_name="Fatima Zahra",
        family_name="Kettani",
        birth_date=datetime.date(1979, 1, 1),
        birth_date_precision="year",
        external_id="ALU-1234",
        warnings=[{"code": "unknown_country", "field": "country", "value": "Atlantide"}],
    )
    golden = GoldenRecord.objects.create()
    RecordLink.objects.create(key=f"s:{record.pk}", golden=golden, source_record=record)
    from referential.linkage.services import golden_consolidate

    golden_consolidate(golden)
    client.force_login(UserFactory(roles=[ANALYST], two_factor=True))
    with translation.override(language):
        url = reverse("linkage:golden", args=[golden.pk])
    page = client.get(url).content.decode()
    assert year_only in page and "ALU-1234" in page and warning in page
    assert "1979-01-01" not in page  # a year alone is not shown as 1 January
