"""Public lists: live public pages of one language, public events only, pages, order, filters, errors."""

import re

from wagtail.models import PageViewRestriction

from cms import factories


def titles(response):
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["results"]]


def test_programmes_per_language(api, tree):
    assert titles(api.get("/api/v1/programmes/?lang=fr")) == [
        "Appui à la création d'entreprise",
        "Mentorat pour jeunes diplômés",
    ]
    assert titles(api.get("/api/v1/programmes/?lang=en")) == ["Business creation en", "Mentoring en"]
    assert titles(api.get("/api/v1/programmes/", HTTP_ACCEPT_LANGUAGE="ar")) == [
        "Business creation ar",
        "Mentoring ar",
    ]


def test_programmes_filters_order_and_pages(api, tree):
    assert titles(api.get("/api/v1/programmes/?lang=fr&sector=education")) == [
        "Mentorat pour jeunes diplômés"
    ]
    assert titles(api.get("/api/v1/programmes/?lang=fr&country=be")) == ["Appui à la création d'entreprise"]
    assert (
        titles(api.get("/api/v1/programmes/?lang=fr&ordering=-title"))[0] == "Mentorat pour jeunes diplômés"
    )
    first = api.get("/api/v1/programmes/?lang=fr&page_size=1").json()
    assert first["count"] == 2 and len(first["results"]) == 1 and first["next"]
    item = first["results"][0]
    assert item["language"] == "fr" and item["sectors"] == ["agriculture", "digital"]
    assert item["countries"] == ["BE", "FR"] and item["url"].endswith("/fr/programmes/creation-entreprise/")


def test_draft_and_private_pages_are_never_listed(api, tree):
    tree.fr.other_programme.unpublish()
    factories.ProgrammePageFactory(parent=tree.fr.programmes, title="Brouillon", slug="brouillon", live=False)
    private = factories.ProgrammePageFactory(parent=tree.fr.programmes, title="Réservé", slug="reserve")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    assert titles(api.get("/api/v1/programmes/?lang=fr")) == ["Appui à la création d'entreprise"]


def test_services_and_news(api, tree):
    assert titles(api.get("/api/v1/services/?lang=fr")) == ["Renouvellement du passeport"]
    assert titles(api.get("/api/v1/news/?lang=fr")) == ["Lancement de Kafaat", "Rencontre à Bruxelles"]
    assert titles(api.get("/api/v1/news/?lang=fr&ordering=date")) == [
        "Rencontre à Bruxelles",
        "Lancement de Kafaat",
    ]
    # The English side has no translation of the second article: it is not listed there.
    assert titles(api.get("/api/v1/news/?lang=en")) == ["Launch en"]


def test_events_list_public_ones_only_with_their_ical_link(api, world, client):
    listed = titles(api.get("/api/v1/events/?lang=fr"))
    assert listed == ["Apéro public"]
    # Even for a member who may see every other event, the public list stays public.
    api.force_authenticate(world["organiser"])
    assert titles(api.get("/api/v1/events/?lang=fr")) == ["Apéro public"]
    item = api.get("/api/v1/events/?lang=fr").json()["results"][0]
    ics = client.get(item["ical_url"].replace("http://testserver", ""))
    assert ics.status_code == 200 and ics["Content-Type"].startswith("text/calendar")
    assert b"Ap\xc3\xa9ro public" in ics.content


def test_events_filters(api, world):
    assert titles(api.get("/api/v1/events/?country=FR")) == ["Apéro public"]
    assert titles(api.get("/api/v1/events/?country=MA")) == []
    assert titles(api.get("/api/v1/events/?online=true")) == []


def test_errors_share_one_body_in_the_callers_language(api, db):
    body = api.get("/api/v1/programmes/?lang=xx", HTTP_ACCEPT_LANGUAGE="en").json()
    assert body["status"] == 400 and body["code"] == "invalid" and "lang" in body["errors"]
    en = api.get("/api/v1/me/", HTTP_ACCEPT_LANGUAGE="en")
    fr = api.get("/api/v1/me/", HTTP_ACCEPT_LANGUAGE="fr")
    ar = api.get("/api/v1/me/", HTTP_ACCEPT_LANGUAGE="ar")
    assert en.status_code == fr.status_code == ar.status_code == 401
    assert en.json()["code"] == fr.json()["code"] == "not_authenticated"
    assert en.json()["detail"] == "Authentication credentials were not provided."
    assert fr.json()["detail"] != en.json()["detail"] and ar.json()["detail"] not in (
        en.json()["detail"],
        fr.json()["detail"],
    )
    assert api.get("/api/v1/nowhere/").status_code == 404


def test_schema_and_docs_page(api, client, db):
    schema = api.get("/api/v1/schema/?format=json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert {"/api/v1/programmes/", "/api/v1/events/", "/api/v1/me/rsvps/"} <= set(paths)
    assert not any(path.startswith("/admin") for path in paths)
    docs = client.get("/api/v1/docs/")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "<script>" not in html  # the CSP allows no inline script: the start-up script is a file
    assert "script-src 'self'" in docs["Content-Security-Policy"]
    for src in re.findall(r'<script src="([^"]+)"', html):
        assert not src.startswith("http"), src
        assert client.get(src).status_code == 200, src


def test_a_nul_character_in_a_filter_is_a_400_not_a_server_error(api, world):
    # Found by schemathesis on PostgreSQL, which refuses NUL in text.
    response = api.get("/api/v1/events/", {"q": "a\x00b"}, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 400
    assert response.json()["errors"] == {"q": ["Le caractère nul n’est pas autorisé."]}
