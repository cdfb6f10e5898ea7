"""One search across the site: members, projects, groups, events, pages and (staff) golden records.

Each kind comes from its app's provider, which applies that app's own visibility rules; the tests run on
the embedded engine (SQLite FTS5) by default and on PostgreSQL full text with DATABASE_URL set.
"""

import json

import pytest

from django.test import Client
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.roles import ADMIN, ANALYST, MODERATOR, RELAY
from community.groups.factories import CommunityGroupFactory
from community.profiles.choices import Visibility
from community.profiles.factories import ProfileFactory, ProjectFactory
from community.spaces.factories import LabelFactory, PostFactory, SpaceFactory
from core.models import SearchDocument
from core.search import documents_matching, terms
from events.factories import EventFactory
from events.models import Event
from privacy.factories import ConsentRecordFactory
from referential.linkage.models import GoldenRecord

pytestmark = pytest.mark.django_db

VIEWERS = ("visitor", "member", "staff_without_second_factor")


def client_for(who) -> Client:
    client = Client()
    if who == "member":
        client.force_login(UserFactory())
    elif who == "staff_without_second_factor":
        client.force_login(UserFactory(roles=[MODERATOR, ANALYST, ADMIN, RELAY]))
    elif who == "analyst":
        client.force_login(UserFactory(roles=[ANALYST], two_factor=True))
    return client


def page(client, query, language="fr", **params):
    return client.get(f"/{language}/search/", {"q": query, **params})


def suggestions(client, query, language="fr"):
    response = client.get(f"/{language}/search/suggest/", {"q": query})
    assert response.status_code == 200
    return json.loads(response.content)["results"]


def facet_counts(response) -> dict:
    return {facet.kind: facet.count for facet in response.context["facets"]}


def assert_never_shown(marker: str, query: str):
    """The marker (a word of something hidden) is in neither the page nor the suggestions, for anyone
    who may not see it. The query is the marker's first letters: the page repeats the query itself."""
    assert query.lower() != marker.lower()
    for who in VIEWERS:
        client = client_for(who)
        response = page(client, query)
        assert response.status_code == 200
        assert marker.lower() not in response.content.decode().lower(), who
        assert sum(facet_counts(response).values()) == 0, (who, facet_counts(response))
        assert marker.lower() not in json.dumps(suggestions(client, query), ensure_ascii=False).lower(), who


# --- The engine ---------------------------------------------------------------------------------------


def test_query_words_are_folded_and_stripped_of_engine_syntax():
    assert terms('Aḥmed "OR" * NEAR(x) -y ÉCOLE') == ["ahmed", "or", "near", "x", "y", "ecole"]
    assert terms("مُحَمَّـد الإدريسي") == ["محمد", "الادريسي"]
    assert terms("") == [] and terms(" -*() ") == []


@pytest.mark.parametrize(
    ("indexed", "query"),
    [
        ("Hélène Benjelloun", "helene"),
        ("Hélène Benjelloun", "BENJ"),  # prefix: found as one types
        ("مُحَمَّـد الإدريسي", "محمد الادريسي"),  # harakat, tatweel, hamza under alef
        ("فاطمة الزهراء", "فاطمه"),  # ta marbuta
        ("آمنة", "امنه"),  # alef madda
        ("مصطفى", "مصطفي"),  # alef maqsura
    ],
)
def test_both_engines_fold_latin_accents_and_arabic_variants(indexed, query):
    ProfileFactory(directory=True, display_name=indexed)
    assert documents_matching("members", query).exists()


def test_every_word_must_match_and_the_index_follows_changes():
    profile = ProfileFactory(directory=True, display_name="Karim Tazi")
    assert documents_matching("members", "karim tazi").exists()
    assert not documents_matching("members", "karim alaoui").exists()

    profile.display_name = "Karim Alaoui"
    profile.save()
    assert documents_matching("members", "karim alaoui").exists()
    assert not documents_matching("members", "tazi").exists()

    profile.delete()
    assert not SearchDocument.objects.filter(kind="members", object_id=profile.pk).exists()


def test_reindex_command_rebuilds_rows_written_behind_the_signals():
    from django.core.management import call_command

    profile = ProfileFactory(directory=True, display_name="Samira Ouazzani")
    SearchDocument.objects.all().delete()
    assert not documents_matching("members", "ouazzani").exists()
    call_command("search_reindex", "members", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert documents_matching("members", "ouazzani").values_list("object_id", flat=True)[0] == profile.pk


# --- The page and the suggestions ---------------------------------------------------------------------


def test_one_query_finds_every_kind_with_facets_and_kind_pages():
    ProfileFactory(directory=True, vis_name=Visibility.PUBLIC, display_name="Nadia Argane")
    ProjectFactory(
        title="Coopérative d'argane solaire",
        owner=ProfileFactory(directory=True),
        visibility=Visibility.PUBLIC,
    )
    CommunityGroupFactory(name="Réseau de l'argane", description="Producteurs et chercheurs.")
    EventFactory(title_fr="Journée de l'argane", visibility=Event.Visibility.PUBLIC)

    client = Client()
    response = page(client, "argane")
    assert response.status_code == 200
    counts = facet_counts(response)
    assert counts["members"] == 1 and counts["projects"] == 1
    assert counts["groups"] == 1 and counts["events"] == 1
    assert "golden" not in counts  # staff records are not even a kind for visitors
    html = response.content.decode()
    for title in ("Nadia Argane", "Coopérative d&#x27;argane solaire", "Réseau de l&#x27;argane"):
        assert title in html
    assert 'dir="auto">Nadia Argane</a>' in html
    assert response.context["result_count"] == 4

    events_only = page(client, "argane", kind="events")
    assert [hit.title for hit in events_only.context["page_obj"]] == ["Journée de l'argane"]
    assert 'aria-current="page">Événements' in events_only.content.decode()


def test_a_kind_is_paginated():
    for number in range(13):
        ProfileFactory(
            directory=True, vis_name=Visibility.PUBLIC, display_name=f"Youssef Lamrani {number:02d}"
        )
    client = Client()
    first = page(client, "lamrani", kind="members")
    second = page(client, "lamrani", kind="members", page=2)
    assert first.context["result_count"] == 13
    assert len(first.context["page_obj"]) == 10 and len(second.context["page_obj"]) == 3
    all_kinds = page(client, "lamrani")
    assert len(all_kinds.context["sections"][0][1]) == 3
    assert "?q=lamrani&amp;kind=members" in all_kinds.content.decode()


def test_suggestions_are_json_of_what_the_page_would_show_and_the_page_works_without_script():
    ProfileFactory(directory=True, vis_name=Visibility.PUBLIC, display_name="Rachid Bennani")
    client = Client()
    found = suggestions(client, "benn")
    assert [(s["kind"], s["title"]) for s in found] == [("members", "Rachid Bennani")]
    assert found[0]["label"] == "Membres" and found[0]["url"].startswith("/fr/community/members/")
    assert suggestions(client, "") == []
    html = page(client, "").content.decode()
    assert 'action="/fr/search/"' in html and 'name="q"' in html
    assert 'data-search-suggest="/fr/search/suggest/"' in html


def test_arabic_page_is_translated_and_isolates_user_text():
    ProfileFactory(directory=True, vis_name=Visibility.PUBLIC, display_name="Amine Chraibi")
    html = page(Client(), "chraibi", language="ar").content.decode()
    assert 'dir="rtl"' in html
    assert "الأعضاء" in html or "أعضاء" in html
    assert 'dir="auto">Amine Chraibi</a>' in html


def test_analysts_with_their_second_factor_find_golden_records():
    GoldenRecord.objects.create(display_name="Mehdi Quarzazi", email="mehdi@example.org")
    merged = GoldenRecord.objects.create(display_name="Mehdi Quarzazi bis")
    merged.merged_into = GoldenRecord.objects.first()
    merged.save()
    client = client_for("analyst")
    response = page(client, "quarzazi")
    assert facet_counts(response)["golden"] == 1
    assert [s["title"] for s in suggestions(client, "quarz")] == ["Mehdi Quarzazi"]


# --- Nothing hidden leaks, kind by kind ---------------------------------------------------------------


def test_members_hidden_from_the_viewer_are_never_found():
    ProfileFactory(display_name="Zorblaxone Idrissi", vis_name=Visibility.PUBLIC)  # no directory consent
    withdrawn = ProfileFactory(directory=True, display_name="Zorblaxtwo Idrissi", vis_name=Visibility.PUBLIC)
    ConsentRecordFactory(user=withdrawn.user, purpose="directory", granted=False)
    hidden = ProfileFactory(directory=True, display_name="Zorblaxthree Idrissi", vis_name=Visibility.PUBLIC)
    hidden.hidden_at = timezone.now()  # hidden by moderation
    hidden.save()
    # Listed, but the bio is for staff only: its words must not find her for anyone below staff.
    ProfileFactory(
        directory=True,
        display_name="Salma Idrissi",
        vis_name=Visibility.PUBLIC,
        bio="Zorblaxfour consultant",
        vis_about=Visibility.STAFF,
    )
    for marker in ("Zorblaxone", "Zorblaxtwo", "Zorblaxthree"):
        assert_never_shown(marker, "zorbla")
    for who in VIEWERS:
        assert facet_counts(page(client_for(who), "zorblaxfou")).get("members") == 0
        assert suggestions(client_for(who), "zorblaxfou") == []


def test_projects_hidden_from_the_viewer_are_never_found():
    ProjectFactory(
        title="Zorblaxproj staff only", visibility=Visibility.STAFF, owner=ProfileFactory(directory=True)
    )
    ProjectFactory(title="Zorblaxproj unlisted owner", visibility=Visibility.PUBLIC)  # owner without consent
    assert_never_shown("Zorblaxproj", "zorbla")


def test_members_only_group_content_is_never_found():
    group = CommunityGroupFactory(name="Cercle fermé", join_policy="invitation")
    PostFactory(space=None, group=group, title="Zorblaxpost", body="Zorblaxpost confidentiel")
    assert_never_shown("Zorblaxpost", "zorbla")


def test_gated_events_are_never_found():
    group = CommunityGroupFactory()
    EventFactory(title_fr="Zorblaxgroup atelier", visibility=Event.Visibility.GROUP, group=group)
    gated_space = SpaceFactory(labels=[LabelFactory()])  # a label nobody here holds
    EventFactory(title_fr="Zorblaxspace table ronde", visibility=Event.Visibility.SPACE, space=gated_space)
    assert_never_shown("Zorblaxgroup", "zorbla")
    assert_never_shown("Zorblaxspace", "zorbla")
    # A members' event is found by members, never by visitors.
    EventFactory(title_fr="Zorblaxmembers soirée", visibility=Event.Visibility.MEMBERS)
    assert "Zorblaxmembers" not in page(Client(), "zorbla").content.decode()
    assert "Zorblaxmembers" in page(client_for("member"), "zorbla").content.decode()


def test_golden_records_are_never_found_without_the_second_factor():
    GoldenRecord.objects.create(display_name="Zorblaxgold Bensaid", email="zorblaxgold@example.org")
    assert_never_shown("Zorblaxgold", "zorbla")
    for who in VIEWERS:
        kinds = {facet.kind for facet in page(client_for(who), "bensaid").context["facets"]}
        assert "golden" not in kinds


def test_a_broad_query_says_more_than_the_cap_and_the_cap_counts_only_visible_members(monkeypatch):
    from community.profiles import search as member_search

    monkeypatch.setattr(member_search, "SHOWN_CAP", 3)
    for number in range(5):  # not listed: no directory consent
        ProfileFactory(display_name=f"Omar Berrada {number}", vis_name=Visibility.PUBLIC)
    for number in range(2):
        ProfileFactory(directory=True, display_name=f"Omar Berrada {number}b", vis_name=Visibility.PUBLIC)
    response = page(Client(), "berrada", kind="members")
    assert response.context["result_count"] == 2 and not response.context["capped"]

    for number in range(3):
        ProfileFactory(directory=True, display_name=f"Omar Berrada {number}c", vis_name=Visibility.PUBLIC)
    response = page(Client(), "berrada", kind="members")
    assert response.context["result_count"] == 3 and response.context["capped"]
    html = response.content.decode()
    assert "Plus de 3 résultats pour « berrada »" in html
    assert '<span class="search-facets__count">3+</span>' in html


@pytest.mark.parametrize("who", ["visitor", "member", "analyst"])
def test_every_result_opens_for_the_person_it_was_shown_to(who):
    """A result is a promise: its link leads to the thing found (a project's own page, not its
    holder's profile), and the page answers 200 to the same person."""
    owner = ProfileFactory(directory=True, vis_name=Visibility.PUBLIC, display_name="Zorbalink Idrissi")
    ProjectFactory(title="Zorbalink coopérative", owner=owner, visibility=Visibility.PUBLIC)
    CommunityGroupFactory(name="Zorbalink réseau")
    EventFactory(title_fr="Zorbalink journée", visibility=Event.Visibility.PUBLIC)
    client = client_for(who)
    found = suggestions(client, "zorbalink")
    assert {hit["kind"] for hit in found} >= {"members", "projects", "groups", "events"}, found
    for hit in found:
        response = client.get(hit["url"])
        assert response.status_code == 200, (who, hit)
        if hit["kind"] == "projects":
            assert "/community/projects/" in hit["url"]


@pytest.mark.parametrize("part", ["l0", "l1", "l2", "l3"])
def test_postgresql_reads_a_member_search_through_its_part_index(part):
    """The query's expression and conditions match the partial GIN index of the viewer's part, and the
    planner prefers it to walking rows: if they drift apart, PostgreSQL computes the words of every row
    it walks (seconds at scale)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL: runs with DATABASE_URL set (make test's second pass); the embedded engine "
            "searches its FTS5 table, which has no planner choice to check"
        )
    names = {True: "nadia", False: "karim"}  # six members called Nadia among 3,000
    words = ["ingenieur", "python", "energie", "agriculture", "finance", "sante", "logistique", "design"]
    SearchDocument.objects.bulk_create(
        SearchDocument(
            kind="members",
            object_id=number,
            part=f"l{level}",
            text=f"{names[number % 500 == 0]} {words[number % 8]} {words[number // 8 % 8]}",
        )
        for number in range(3000)
        for level in range(4)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE core_searchdocument")
        rows = documents_matching("members", "nad", [part]).values_list("object_id", flat=True)[:60]
        sql, params = rows.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(line for (line,) in cursor.fetchall())
    assert f"search_members_{part}" in plan, plan
    assert sorted(rows) == [0, 500, 1000, 1500, 2000, 2500]
