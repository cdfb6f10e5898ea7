"""Staff endpoints: each list answers what the owning app's permission function allows (the same the
pages ask), paginated, filtered and ordered; every read is in the audit log with who, what and how many."""

import datetime

import pytest

from accompaniment.factories import AdvisorFactory, CaseFactory
from accompaniment.models import Stage
from accompaniment.stages import stages_ensure
from accounts.factories import UserFactory
from accounts.roles import ADMIN, ANALYST, MODERATOR
from api.scopes import READ_CASES, READ_REFERENTIAL, READ_SEGMENTS, READ_WATCH
from core.models import AuditLog
from matching.segmentation.models import Segment
from referential.linkage.factories import SourceFactory, SourceRecordFactory
from referential.linkage.models import GoldenRecord, RecordLink
from watch.models import Article, Link, Mention, Source

from .conftest import bearer, token_for

pytestmark = pytest.mark.django_db

STAFF = [READ_REFERENTIAL, READ_SEGMENTS, READ_CASES, READ_WATCH]


@pytest.fixture
def analyst():
    return UserFactory(roles=[ANALYST], two_factor=True)


@pytest.fixture
def analyst_api(analyst):
    return bearer(token_for(analyst, scopes=STAFF))


def _watch_link(person_name, status=Link.Status.PENDING, score=0.9):
    source, _ = Source.objects.get_or_create(name="News", url="https://news.example/feed")
    article = Article.objects.create(source=source, url=f"https://news.example/{person_name}", title="Prix")
    mention = Mention.objects.create(article=article, surface=person_name, start=0, end=5, paragraph="…")
    return Link.objects.create(
        mention=mention, person_id="g:1", person_name=person_name, score=score, status=status
    )


def test_referential_records_filtered_ordered_paginated_and_audited(analyst, analyst_api):
    paris = SourceFactory(name="Consulat Paris", country="FR")
    madrid = SourceFactory(name="Consulat Madrid", country="ES")
    for name in ("Zahra", "Amal", "Badr"):
        SourceRecordFactory(source=paris, family_name=name, country="FR")
    SourceRecordFactory(source=madrid, family_name="Other", country="ES")
    response = analyst_api.get(
        f"/api/v1/staff/referential/records/?source={paris.pk}&ordering=family_name&page_size=2"
    )
    body = response.json()
    assert response.status_code == 200 and body["count"] == 3
    assert [row["family_name"] for row in body["results"]] == ["Amal", "Badr"]
    entry = AuditLog.objects.get(action="api.staff_read")
    assert entry.actor == analyst and entry.kind == AuditLog.Kind.READ
    assert entry.context["endpoint"] == "referential.records" and entry.context["rows"] == 2
    assert entry.context["token"] and "source=" in entry.detail
    assert analyst_api.get("/api/v1/staff/referential/records/?country=ES").json()["count"] == 1
    bad = analyst_api.get("/api/v1/staff/referential/records/?source=abc", HTTP_ACCEPT_LANGUAGE="en")
    assert bad.status_code == 400 and "source" in bad.json()["errors"]


def test_records_say_their_source_id_partial_date_warnings_and_golden_record(analyst_api):
    """What an analyst needs to check the linkage from outside: each record's own id, how precise its
    date is, what the import doubted, and which golden record it is in (filterable)."""
    linked = SourceRecordFactory(
        family_name="Alaoui",
        external_id="CONS-0042",
        birth_date=datetime.date(1980, 1, 1),
        birth_date_precision="year",
        warning_codes=" phone_not_allocated date_year_kept ",
    )
    SourceRecordFactory(family_name="Bennani")  # not linked yet
    golden = GoldenRecord.objects.create(display_name="Mohamed Alaoui")
    RecordLink.objects.create(key=f"s:{linked.pk}", golden=golden, source_record=linked)
    rows = analyst_api.get("/api/v1/staff/referential/records/?ordering=family_name").json()["results"]
    assert [
        (r["family_name"], r["external_id"], r["birth_date"], r["birth_date_precision"], r["warnings"],
         r["golden_record_id"])
        for r in rows
    ] == [
        ("Alaoui", "CONS-0042", "1980-01-01", "year", ["phone_not_allocated", "date_year_kept"], golden.pk),
        ("Bennani", "", rows[1]["birth_date"], rows[1]["birth_date_precision"], [], None),
    ]  # fmt: skip
    in_golden = analyst_api.get(f"/api/v1/staff/referential/records/?golden={golden.pk}").json()
    assert [r["id"] for r in in_golden["results"]] == [linked.pk]


def test_imports_and_golden_records(analyst_api):
    record = SourceRecordFactory(family_name="Alaoui")
    golden = GoldenRecord.objects.create(display_name="Mohamed Alaoui", email="m@example.org")
    RecordLink.objects.create(key=f"s:{record.pk}", golden=golden, source_record=record)
    GoldenRecord.objects.create(display_name="No records")  # not listed, as on the page
    imports = analyst_api.get("/api/v1/staff/referential/imports/?status=done").json()
    assert [row["id"] for row in imports["results"]] == [record.batch_id]
    goldens = analyst_api.get("/api/v1/staff/referential/golden-records/?q=alaoui").json()["results"]
    assert [(g["display_name"], g["record_count"], g["claimed"]) for g in goldens] == [
        ("Mohamed Alaoui", 1, False)
    ]


def test_segments_and_watch_items(analyst, analyst_api):
    Segment.objects.create(name="Ingénieurs en France", filters={"country": "FR"}, owner=analyst)
    Segment.objects.create(name="Médecins", owner=analyst)
    names = [s["name"] for s in analyst_api.get("/api/v1/staff/segments/?ordering=name").json()["results"]]
    assert names == ["Ingénieurs en France", "Médecins"]
    _watch_link("Youssef", score=0.5)
    _watch_link("Amina", score=0.8)
    _watch_link("Karim", status=Link.Status.ACCEPTED)
    items = analyst_api.get("/api/v1/staff/watch/items/").json()["results"]
    assert [i["person_name"] for i in items] == ["Amina", "Youssef"]
    accepted = analyst_api.get("/api/v1/staff/watch/items/?status=accepted").json()["results"]
    assert [i["person_name"] for i in accepted] == ["Karim"]


def test_cases_follow_the_accompaniment_permissions(analyst_api):
    stages_ensure(Stage)
    advisor = AdvisorFactory()
    mine = CaseFactory(advisor=advisor)
    CaseFactory()  # someone else's
    advisor_api = bearer(token_for(advisor, scopes=[READ_CASES]))
    assert [c["id"] for c in advisor_api.get("/api/v1/staff/cases/").json()["results"]] == [mine.pk]
    admin_api = bearer(token_for(UserFactory(roles=[ADMIN], two_factor=True), scopes=[READ_CASES]))
    assert admin_api.get("/api/v1/staff/cases/?open=true").json()["count"] == 2
    # An analyst reads the funnel's aggregates, never a case: the same answer as the board page.
    assert analyst_api.get("/api/v1/staff/cases/").status_code == 403


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/staff/referential/imports/",
        "/api/v1/staff/referential/records/",
        "/api/v1/staff/referential/golden-records/",
        "/api/v1/staff/segments/",
        "/api/v1/staff/cases/",
        "/api/v1/staff/watch/items/",
    ],
)
def test_members_other_staff_and_sessions_without_second_factor_are_refused(api, member, path):
    assert api.get(path).status_code == 401
    api.force_login(member)
    assert api.get(path).status_code == 403
    moderator = UserFactory(roles=[MODERATOR], two_factor=True)
    assert bearer(token_for(moderator, scopes=STAFF)).get(path).status_code == 403
    analyst_without_totp = UserFactory(roles=[ANALYST, ADMIN])
    api.force_login(analyst_without_totp)
    assert api.get(path).status_code == 403
    assert not AuditLog.objects.filter(action="api.staff_read").exists()
