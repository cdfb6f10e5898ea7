"""A group's name and description in the reader's language (owners add translations; the name as created
is the fallback), and its city named through core.cities, on every page that shows a group."""

import html

import pytest
from bs4 import BeautifulSoup

from django.test import Client

from accounts.factories import UserFactory
from community.groups import services
from community.groups.models import CommunityGroup
from community.spaces.factories import PostFactory

pytestmark = pytest.mark.django_db

NAMES = {"fr": "Marocains de Bruxelles", "ar": "مغاربة بروكسل", "en": "Moroccans in Brussels"}
CITIES = {"fr": "Bruxelles", "ar": "بروكسل", "en": "Brussels"}
DESCRIPTIONS = {"fr": "Le réseau en Belgique.", "ar": "الشبكة في بلجيكا.", "en": "The network in Belgium."}


def _login(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def brussels():
    owner = UserFactory()
    group = services.group_create(
        creator=owner,
        name=NAMES["fr"],
        kind="geographic",
        country="BE",
        city="Bruxelles",
        description=DESCRIPTIONS["fr"],
        join_policy=CommunityGroup.JoinPolicy.ON_REQUEST,
        name_ar=NAMES["ar"],
        name_en=NAMES["en"],
        description_ar=DESCRIPTIONS["ar"],
        description_en=DESCRIPTIONS["en"],
    )
    return group, owner


def _text(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_the_group_page_and_directory_show_name_description_and_city_in_the_reader_language(
    brussels, language
):
    group, _owner = brussels
    page = _text(Client().get(f"/{language}/community/groups/{group.slug}/"))
    assert page.h1.get_text(strip=True) == NAMES[language]
    assert NAMES[language] in page.title.get_text()
    assert DESCRIPTIONS[language] in page.get_text()
    tags = [tag.get_text(" ", strip=True) for tag in page.select(".tag")]
    assert any(CITIES[language] in tag for tag in tags), tags

    directory = _text(Client().get(f"/{language}/community/groups/"))
    titles = [title.get_text(strip=True) for title in directory.select(".card__title")]
    assert NAMES[language] in titles
    assert all(NAMES[other] not in titles for other in NAMES if NAMES[other] != NAMES[language])


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_without_translations_the_name_as_created_and_the_city_as_typed_are_shown(language):
    group = services.group_create(
        creator=UserFactory(),
        name="Réseau de Saint-Denis-en-Val",
        kind="geographic",
        country="FR",
        city="Saint-Denis-en-Val",
    )
    page = _text(Client().get(f"/{language}/community/groups/{group.slug}/"))
    assert page.h1.get_text(strip=True) == "Réseau de Saint-Denis-en-Val"
    assert "Saint-Denis-en-Val" in " ".join(tag.get_text() for tag in page.select(".tag"))


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_site_search_finds_the_group_in_any_language_and_titles_it_in_the_reader_language(brussels, language):
    group, _owner = brussels
    for query in ("بروكسل", "Brussels", "Marocains"):
        response = Client().get(f"/{language}/search/", {"q": query, "kind": "groups"})
        titles = [hit.title for hit in response.context["page_obj"]]
        assert titles == [NAMES[language]], query
    suggest = Client().get(f"/{language}/search/suggest/", {"q": "Bruxel"}).json()["results"]
    assert NAMES[language] in [item.get("title") for item in suggest]


def test_a_notification_names_the_group_in_the_reader_language(brussels):
    group, owner = brussels
    services.group_join(user=UserFactory(), group=group)
    client = _login(owner)
    for language in ("fr", "ar", "en"):
        page = html.unescape(client.get(f"/{language}/community/notifications/").content.decode())
        assert NAMES[language] in page
        assert all(NAMES[other] not in page for other in NAMES if other != language)


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_the_personal_home_and_a_post_page_name_the_group_in_the_reader_language(brussels, language):
    group, owner = brussels
    post = PostFactory(group=group, space=None, author=owner, title="Afterwork jeudi")
    client = _login(owner)
    home = _text(client.get(f"/{language}/community/home/")).get_text()
    assert "Afterwork jeudi" in home and NAMES[language] in home
    thread = _text(client.get(f"/{language}/community/groups/{group.slug}/posts/{post.pk}/"))
    assert NAMES[language] in thread.title.get_text()


def test_owners_add_translations_later_and_others_may_not(brussels):
    group = services.group_create(
        creator=(owner := UserFactory()), name="Santé", kind="thematic", sector="health"
    )
    form = {
        "name": "Santé",
        "kind": "thematic",
        "sector": "health",
        "join_policy": "open",
        "name_ar": "الصحة",
    }
    assert _login(UserFactory()).get(f"/fr/community/groups/{group.slug}/edit/").status_code == 403
    assert _login(UserFactory()).post(f"/fr/community/groups/{group.slug}/edit/", form).status_code == 403
    client = _login(owner)
    assert "Modifier le groupe" in client.get(f"/fr/community/groups/{group.slug}/").content.decode()
    response = client.post(f"/fr/community/groups/{group.slug}/edit/", form)
    assert response.status_code == 302
    assert _text(Client().get(f"/ar/community/groups/{group.slug}/")).h1.get_text(strip=True) == "الصحة"
    assert _text(Client().get(f"/en/community/groups/{group.slug}/")).h1.get_text(strip=True) == "Santé"
