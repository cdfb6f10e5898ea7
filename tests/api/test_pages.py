"""Wagtail's pages API at /api/v1/pages/: live, public pages of each language, linked by translation key;
never a draft nor a page behind a view restriction (listed or by id), whoever asks."""

import pytest

from wagtail.models import PageViewRestriction

from accounts.factories import UserFactory
from accounts.roles import ADMIN
from cms import factories

from .conftest import token_for

URL = "/api/v1/pages/"


def _items(response):
    assert response.status_code == 200, response.content
    return response.json()["items"]


@pytest.fixture
def programme(tree):
    """One programme page in French and its Arabic version."""
    return tree.fr.programme, tree.ar.programme


def test_each_language_lists_its_own_version_of_a_programme(api, programme):
    french, arabic = programme
    fr = _items(api.get(f"{URL}?type=cms.ProgrammePage&locale=fr&order=title"))
    ar = _items(api.get(f"{URL}?type=cms.ProgrammePage&locale=ar&order=title"))
    assert [item["title"] for item in fr] == [
        "Appui à la création d'entreprise",
        "Mentorat pour jeunes diplômés",
    ]
    assert {item["meta"]["locale"] for item in ar} == {"ar"}
    assert arabic.id in [item["id"] for item in ar] and french.id not in [item["id"] for item in ar]
    by_id = {item["id"]: item for item in fr + ar}
    assert by_id[french.id]["meta"]["translation_key"] == by_id[arabic.id]["meta"]["translation_key"]
    assert by_id[arabic.id]["meta"]["html_url"].endswith("/ar/programmes/creation-entreprise/")
    assert by_id[arabic.id]["meta"]["detail_url"].endswith(f"/api/v1/pages/{arabic.id}/")


def test_from_the_french_page_to_its_arabic_version(api, programme):
    french, arabic = programme
    key = api.get(f"{URL}{french.id}/").json()["meta"]["translation_key"]
    assert key == str(french.translation_key)
    by_key = _items(api.get(f"{URL}?translation_key={key}&locale=ar"))
    assert [item["id"] for item in by_key] == [arabic.id]
    by_translation = _items(api.get(f"{URL}?translation_of={french.id}&locale=ar"))
    assert [item["id"] for item in by_translation] == [arabic.id]
    every_language = _items(api.get(f"{URL}?translation_key={key}"))
    assert sorted(item["meta"]["locale"] for item in every_language) == ["ar", "en", "fr"]


def test_the_detail_gives_the_page_types_own_fields(api, programme):
    _french, arabic = programme
    body = api.get(f"{URL}{arabic.id}/").json()
    assert body["title"] == "Business creation ar" and body["meta"]["type"] == "cms.ProgrammePage"
    assert body["meta"]["locale"] == "ar"
    assert body["summary"] == arabic.summary and body["partner_name"] == "Maroc PME"
    assert "contact_email" not in body  # only the fields named in the page type's api_fields
    listed = _items(api.get(f"{URL}?type=cms.ProgrammePage&locale=ar&fields=summary"))
    assert {item["summary"] for item in listed} >= {arabic.summary}


def _draft_and_restricted(tree):
    draft = factories.ProgrammePageFactory(
        parent=tree.fr.programmes, title="Brouillon", slug="brouillon", live=False
    )
    members_only = factories.ProgrammePageFactory(parent=tree.fr.programmes, title="Réservé", slug="reserve")
    PageViewRestriction.objects.create(page=members_only, restriction_type=PageViewRestriction.LOGIN)
    # A password-protected section: the page itself and the public-looking page under it are both hidden.
    section = factories.ProgrammePageFactory(
        parent=tree.fr.programmes, title="Partenaires", slug="partenaires"
    )
    PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.PASSWORD, password="sesame"
    )
    below = factories.StandardPageFactory(parent=section, title="Sous la section", slug="sous")
    return [draft, members_only, section, below]


def _every_id(client, **filters):
    ids, offset = [], 0
    while True:
        body = client.get(URL, {"limit": 100, "offset": offset, **filters}).json()
        ids += [item["id"] for item in body["items"]]
        offset += 100
        if offset >= body["meta"]["total_count"]:
            return ids


def _clients(api):
    member = api  # a visitor
    signed_in = type(api)()
    signed_in.force_login(UserFactory())
    staff = type(api)()
    staff.credentials(HTTP_AUTHORIZATION=f"Bearer {token_for(UserFactory(roles=[ADMIN], two_factor=True))}")
    return {"visitor": member, "signed-in member": signed_in, "staff token": staff}


def test_drafts_and_restricted_pages_are_never_listed_nor_retrievable(api, tree):
    hidden = _draft_and_restricted(tree)
    for who, client in _clients(api).items():
        listed = _every_id(client)
        assert tree.fr.programme.id in listed, who
        assert not {page.id for page in hidden} & set(listed), who
        assert not {page.id for page in hidden} & set(
            _every_id(client, locale="fr", type="cms.ProgrammePage")
        )
        for page in hidden:
            response = client.get(f"{URL}{page.id}/", HTTP_ACCEPT_LANGUAGE="fr")
            assert response.status_code == 404, (who, page.title)
            assert response.json()["code"] == "not_found" and page.title not in response.content.decode()
        # Nor through Wagtail's tree filters.
        for param in ("child_of", "descendant_of", "translation_of"):
            response = client.get(URL, {param: hidden[2].id})
            assert response.status_code == 400, (who, param)
            assert "Sous la section" not in response.content.decode()


def test_errors_are_the_common_body_in_the_callers_language(api, tree):
    en = api.get(f"{URL}?locale=xx", HTTP_ACCEPT_LANGUAGE="en").json()
    ar = api.get(f"{URL}?locale=xx", HTTP_ACCEPT_LANGUAGE="ar").json()
    assert en["status"] == 400 and en["code"] == "invalid" and "locale" in en["errors"]
    assert en["detail"] == "Invalid input." and ar["detail"] != en["detail"]
    assert ar["errors"]["locale"] != en["errors"]["locale"]
    unknown = api.get(f"{URL}?colour=blue", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert unknown["status"] == 400 and "colour" in unknown["errors"]["query"][0]
    missing = api.get(f"{URL}999999/", HTTP_ACCEPT_LANGUAGE="fr")
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"
    assert api.get(f"{URL}?limit=101").status_code == 400
    # An offset no database integer holds (schemathesis found a server error on PostgreSQL).
    huge = api.get(f"{URL}?offset=448423794358780396830720&order=-id", HTTP_ACCEPT_LANGUAGE="fr")
    assert huge.status_code == 400 and "offset" in huge.json()["errors"]
    assert api.get(f"{URL}?offset={2**63 - 1}").status_code == 200
    assert api.get(f"{URL}?offset=²").status_code == 400


def test_the_pages_api_is_in_the_schema(api, db):
    paths = api.get("/api/v1/schema/?format=json").json()["paths"]
    assert {"/api/v1/pages/", "/api/v1/pages/{id}/"} <= set(paths)
    listing = {parameter["name"] for parameter in paths["/api/v1/pages/"]["get"]["parameters"]}
    assert {"locale", "translation_of", "translation_key", "type"} <= listing
