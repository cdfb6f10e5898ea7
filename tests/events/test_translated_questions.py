"""An event's registration questions in the reader's language: the organiser writes translations (one per
line, in the same order); attendees see theirs, the question as written when there is none, and their
answer is kept under the question as written whatever language they answered in."""

import csv
import io

import pytest
from bs4 import BeautifulSoup

from django.test import Client

from accounts.factories import UserFactory
from accounts.roles import MEMBER
from community.groups.factories import CommunityGroupFactory, MembershipFactory
from events.factories import EventFactory
from events.models import RSVP, Event
from events.occurrences import session_key

from .test_organiser import _form

pytestmark = pytest.mark.django_db

ASKED = {"fr": "Votre spécialité ?", "ar": "ما هو تخصصك؟", "en": "What is your field?"}
LEGEND = {"fr": "Questions des organisateurs", "ar": "أسئلة المنظمين", "en": "Questions from the organisers"}
HELP = {
    "fr": "Facultatif. Seuls les organisateurs voient votre réponse.",
    "ar": "اختياري. لا يطّلع على جوابك إلا المنظمون.",
    "en": "Optional. Only the organisers see your answer.",
}


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _rsvp_form(client, language, event):
    response = client.get(f"/{language}/events/{event.pk}/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one("form.rsvp-form")


@pytest.fixture
def organiser_and_group():
    owner = UserFactory(roles=[MEMBER])
    group = CommunityGroupFactory(slug="ingenieurs")
    MembershipFactory(user=owner, group=group, role="owner")
    return owner, group


def test_the_organiser_writes_the_question_in_three_languages_and_each_reader_sees_theirs(
    organiser_and_group,
):
    owner, group = organiser_and_group
    response = _client(owner).post(
        "/fr/events/new/",
        _form(group=group.id, questions_text_ar=ASKED["ar"], questions_text_en=ASKED["en"]),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    event = Event.objects.get()
    assert event.questions == [ASKED["fr"]]
    assert (event.questions_ar, event.questions_en) == ([ASKED["ar"]], [ASKED["en"]])

    member = _client(UserFactory())
    for language in ("fr", "ar", "en"):
        form = _rsvp_form(member, language, event)
        assert (
            form.select_one("fieldset.rsvp-form__questions legend").get_text(strip=True) == LEGEND[language]
        )
        label = form.select_one("label[for=id_q0]")
        assert label.get_text(strip=True) == ASKED[language]
        assert HELP[language] in form.get_text()
        others = [ASKED[other] for other in ASKED if other != language]
        assert not any(text in form.get_text() for text in others)

    # Edit form gives the translations back to the organiser.
    edit = BeautifulSoup(_client(owner).get(f"/fr/events/{event.pk}/edit/").content, "html.parser")
    assert edit.select_one("#id_questions_text_ar").get_text(strip=True) == ASKED["ar"]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_question_without_translation_is_shown_as_written(language):
    event = EventFactory(questions=["Régime alimentaire ?"])
    form = _rsvp_form(_client(UserFactory()), language, event)
    assert form.select_one("label[for=id_q0]").get_text(strip=True) == "Régime alimentaire ?"
    assert form.select_one("label[for=id_q0] bdi") is not None  # isolated from the Arabic page's direction
    assert form.select_one("fieldset.rsvp-form__questions legend").get_text(strip=True) == LEGEND[language]


def test_an_answer_given_on_the_arabic_page_is_kept_under_the_question_and_shown_to_the_organiser():
    event = EventFactory(questions=[ASKED["fr"]], questions_ar=[ASKED["ar"]], questions_en=[ASKED["en"]])
    member = UserFactory()
    key = session_key(event.start)
    response = _client(member).post(f"/ar/events/{event.pk}/s/{key}/rsvp/", {"status": "going", "q0": "طب"})
    assert response.status_code == 302
    assert RSVP.objects.get(user=member).answers == {ASKED["fr"]: "طب"}

    organiser = _client(event.created_by)
    page = BeautifulSoup(organiser.get(f"/en/events/{event.pk}/s/{key}/attendees/").content, "html.parser")
    headers = [th.get_text(strip=True) for th in page.select("table.attendees thead th")]
    assert ASKED["en"] in headers
    assert "طب" in page.select_one("table.attendees tbody").get_text()
    export = organiser.get(f"/ar/events/{event.pk}/s/{key}/attendees.csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(export)))
    assert ASKED["ar"] in rows[0] and "طب" in rows[1]


def test_a_translation_must_give_one_line_per_question(organiser_and_group):
    owner, group = organiser_and_group
    response = _client(owner).post(
        "/fr/events/new/",
        _form(group=group.id, questions_text="Q1 ?\nQ2 ?", questions_text_en="Only one?"),
    )
    assert response.status_code == 400
    assert "Donnez une ligne par question" in response.content.decode()
    assert not Event.objects.exists()
