"""Saved segments: refresh, reuse as an audience, CSV exports and their log, charts, demo."""

import csv
import io

import pytest

from django.test import Client

from accounts.demo import seed_role_accounts
from community.labels.factories import LabelFactory, LabelGrantFactory
from core.csvfile import safe_cell
from matching.segmentation import services
from matching.segmentation.demo import DEMO_SEGMENTS, seed_segments
from matching.segmentation.models import Segment, SegmentExport
from matching.segmentation.selectors import segment_composition, segment_members
from matching.segmentation.tasks import segment_refresh_task
from privacy.factories import ConsentRecordFactory, PrivacyNoticeFactory

from .conftest import member

pytestmark = pytest.mark.django_db


def _rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # Excel reads Arabic names right
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def test_refresh_counts_again_and_the_task_does_the_same(analyst):
    member(country="FR")
    segment = services.segment_create(owner=analyst, name="France", filters={"country": ["FR"]})
    assert segment.member_count == 1
    member(country="FR")
    assert services.segment_refresh(segment).member_count == 2
    member(country="FR")
    assert segment_refresh_task.delay(segment.pk).get() == 3
    segment.refresh_from_db()
    assert segment.member_count == 3 and segment.refreshed_at is not None
    assert segment_refresh_task(0) is None  # deleted meanwhile: skipped

    client = Client()
    client.force_login(analyst)
    member(country="FR")
    response = client.post(f"/fr/matching/segments/{segment.pk}/refresh/", follow=True)
    assert "Le segment est recompté : 4 membres." in response.content.decode()


def test_a_segment_is_reused_as_a_campaign_audience(analyst):
    both = member(display_name="Both", country="FR")
    ConsentRecordFactory(user=both.user, purpose="newsletter", granted=True)
    only_matching = member(display_name="Matching only", country="FR")
    member(display_name="Elsewhere", country="BE")
    segment = services.segment_create(owner=analyst, name="France", filters={"country": ["FR"]})
    assert list(segment_members(segment)) == sorted([both.user, only_matching.user], key=lambda u: u.pk)
    assert list(segment_members(segment, also_consented_to="newsletter")) == [both.user]


def test_the_member_export_holds_what_outreach_needs_and_is_logged(analyst):
    label = LabelFactory(name_fr="Compétence vérifiée")
    profile = member(
        display_name='=HYPERLINK("http://evil")',
        country="FR",
        city="Lyon",
        sectors=["digital"],
        contributions=["mentoring"],
        projects=[{"title": "+Coopérative d'argan", "stage": "prototype"}],
    )
    LabelGrantFactory(user=profile.user, label=label)
    segment = services.segment_create(owner=analyst, name="France", filters={"country": ["FR"]})
    client = Client()
    client.force_login(analyst)

    response = client.post(f"/fr/matching/segments/{segment.pk}/export/members/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(f'attachment; filename="segment-{segment.pk}-members-')
    header, row = _rows(response)
    assert header[:4] == ["Numéro de membre", "Nom affiché", "Pays de résidence", "Secteurs"]
    assert row[0] == str(profile.pk)
    assert row[1] == '\'=HYPERLINK("http://evil")'  # never read as a formula
    assert row[2] == "France" and row[5] == "'+Coopérative d'argan" and row[6] == "Prototype"
    assert row[7] == "Compétence vérifiée"
    text = response.content.decode()
    assert profile.user.email not in text and "Lyon" not in text  # contact and city stay out

    log = SegmentExport.objects.get()
    assert (log.segment, log.segment_name, log.exported_by, log.row_count, log.kind) == (
        segment,
        "France",
        analyst,
        1,
        "members",
    )
    with pytest.raises(ValueError):
        log.save()  # append-only


def test_the_ranked_projects_export_is_logged_too(analyst):
    member(
        country="FR", projects=[{"title": "Small", "stage": "idea"}, {"title": "Big", "stage": "prototype"}]
    )
    segment = services.segment_create(owner=analyst, name="France", filters={"country": ["FR"]})
    client = Client()
    client.force_login(analyst)
    rows = _rows(client.post(f"/ar/matching/segments/{segment.pk}/export/targets/"))
    assert [row[1] for row in rows[1:]] == ["Big", "Small"] and rows[0][0] == "الترتيب"
    assert SegmentExport.objects.get().kind == "targets"
    assert client.post(f"/fr/matching/segments/{segment.pk}/export/everything/").status_code == 404


def test_the_log_survives_the_deletion_of_its_segment(analyst):
    segment = services.segment_create(owner=analyst, name="Gone", filters={})
    services.segment_export(segment=segment, by=analyst)
    services.segment_delete(segment)
    log = SegmentExport.objects.get()
    assert log.segment is None and log.segment_name == "Gone"


@pytest.mark.parametrize("value", ["=1+1", "+33 6", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_cells_a_spreadsheet_would_run_are_neutralised(value):
    assert safe_cell(value) == "'" + value
    assert safe_cell("Salma") == "Salma" and safe_cell(None) == "" and safe_cell(3) == "3"


def test_the_segment_page_shows_its_composition_as_charts_with_a_table(analyst):
    member(country="FR", sectors=["digital"], projects=[{"sector": "agriculture", "stage": "idea"}])
    member(country="FR", sectors=["digital"])
    member(country="BE", sectors=["health"], projects=[{"sector": "health", "stage": "idea"}])
    segment = services.segment_create(owner=analyst, name="All", filters={})
    composition = segment_composition(segment.filters)
    assert composition["total"] == 3
    assert [(row["key"], row["count"], row["share"]) for row in composition["country"]] == [
        ("FR", 2, 67),
        ("BE", 1, 33),
    ]
    assert {row["key"]: row["count"] for row in composition["sector"]} == {
        "digital": 2,
        "health": 1,
        "agriculture": 1,
    }
    assert {row["key"]: row["count"] for row in composition["stage"]} == {"idea": 2}

    client = Client()
    client.force_login(analyst)
    html = client.get(f"/ar/matching/segments/{segment.pk}/").content.decode()
    assert html.count('class="bar-chart"') == 3 and 'aria-hidden="true"' in html
    assert html.count("<table>") == 3 and "الأعضاء حسب بلد الإقامة" in html
    assert 'style="inline-size: 67%"' in html


def test_saved_filters_mention_what_they_mean_in_the_page(analyst):
    segment = services.segment_create(owner=analyst, name="x", filters={"stage": ["idea"], "activity": "90"})
    client = Client()
    client.force_login(analyst)
    html = client.get(f"/fr/matching/segments/{segment.pk}/").content.decode()
    assert "<dt>Stade du projet</dt><dd>Idée</dd>" in html and "Actifs ces 90 derniers jours" in html
    assert "stage=idea" in html and "activity=90" in html  # back to the builder


def test_the_demo_gives_the_analyst_two_segments_once(db):
    PrivacyNoticeFactory(version="1.0")
    seed_role_accounts()
    first = seed_segments()
    assert len(first) == 2 and [s.name for s in first] == [name for name, _filters in DEMO_SEGMENTS]
    seed_segments()
    assert Segment.objects.count() == 2
    assert all(segment.owner.email == "analyst@kafaat.localhost" for segment in first)
