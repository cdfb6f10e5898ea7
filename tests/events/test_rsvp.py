"""RSVPs per session: capacity, waiting list, promotion with a notice, deadline, questions."""

from datetime import timedelta

import pytest

from django.test import Client
from django.utils import timezone

from accounts.factories import UserFactory
from community.notifications.models import Notification
from events import services
from events.factories import EventFactory
from events.models import RSVP
from events.occurrences import session_key

from .conftest import next_weekday_at, weekly

pytestmark = pytest.mark.django_db


def _answer(user, event, status="going", start=None, **kwargs):
    return services.rsvp_set(
        user=user, event=event, original_start=start or event.start, status=status, **kwargs
    )


def test_beyond_capacity_members_wait_and_the_first_waiting_is_promoted_and_told():
    event = EventFactory(capacity=2)
    first, second, third, fourth = (UserFactory(preferred_language=lang) for lang in ("fr", "fr", "ar", "en"))
    assert _answer(first, event).status == "going"
    assert _answer(second, event).status == "going"
    assert _answer(third, event).status == "waitlisted"
    assert _answer(fourth, event).status == "waitlisted"

    _answer(first, event, "not_going")

    assert RSVP.objects.get(user=third).status == "going"
    assert RSVP.objects.get(user=fourth).status == "waitlisted"
    notice = Notification.objects.get(recipient=third, kind="event_waitlist_promoted")
    assert "Rencontre" not in notice.subject or "لقاء" in notice.subject  # worded in Arabic, the title too
    assert "لقاء" in notice.subject
    assert not Notification.objects.filter(recipient=fourth).exists()
    assert RSVP.objects.filter(occurrence__event=event, status="going").count() == 2


def test_answering_going_twice_keeps_the_place_and_the_queue_order():
    event = EventFactory(capacity=1)
    first, second = UserFactory(), UserFactory()
    _answer(first, event)
    waiting = _answer(second, event)
    again = _answer(second, event)
    assert again.status == "waitlisted" and again.waitlisted_at == waiting.waitlisted_at
    assert _answer(first, event).status == "going"


def test_raising_the_capacity_promotes_waiting_members():
    event = EventFactory(capacity=1)
    organiser = event.created_by
    first, second = UserFactory(), UserFactory()
    _answer(first, event)
    _answer(second, event)
    services.event_update(by=organiser, event=event, capacity=2)
    assert RSVP.objects.get(user=second).status == "going"


def test_answers_close_before_the_session_but_leaving_stays_possible():
    start = timezone.now() + timedelta(hours=5)
    event = EventFactory(start=start, end=start + timedelta(hours=1), rsvp_closes_hours=6)
    member = UserFactory()
    with pytest.raises(services.EventError):
        _answer(member, event)
    RSVP.objects.create(
        occurrence=services._occurrence_locked(event, _session(event)), user=member, status="going"
    )
    assert _answer(member, event, "not_going").status == "not_going"


def _session(event):
    from events.occurrences import session_of

    return session_of(event, event.start)


def test_a_session_that_started_or_is_cancelled_takes_no_answer():
    start = next_weekday_at(19)
    event = EventFactory(start=start, end=start + timedelta(hours=2), recurrence=weekly(start))
    services.session_cancel(by=event.created_by, event=event, original_start=start)
    with pytest.raises(services.EventError):
        _answer(UserFactory(), event)
    past = EventFactory(start=timezone.now() - timedelta(hours=1), end=timezone.now() + timedelta(hours=1))
    with pytest.raises(services.EventError):
        _answer(UserFactory(), past)


def test_a_date_the_rule_does_not_produce_is_refused():
    event = EventFactory()
    with pytest.raises(services.EventError):
        _answer(UserFactory(), event, start=event.start + timedelta(minutes=5))


def test_each_session_of_a_recurring_event_has_its_own_places():
    start = next_weekday_at(19)
    event = EventFactory(start=start, end=start + timedelta(hours=2), recurrence=weekly(start), capacity=1)
    member, other = UserFactory(), UserFactory()
    _answer(member, event, start=start)
    assert _answer(other, event, start=start).status == "waitlisted"
    assert _answer(other, event, start=start + timedelta(days=7)).status == "going"


def test_registration_questions_are_kept_and_unknown_ones_dropped():
    event = EventFactory(questions=["Votre secteur ?", "Régime alimentaire ?"])
    member = UserFactory()
    client = Client()
    client.force_login(member)
    response = client.post(
        f"/fr/events/{event.id}/s/{session_key(event.start)}/rsvp/",
        {"status": "going", "q0": "Numérique", "q1": "", "q9": "intrus"},
    )
    assert response.status_code == 302
    assert RSVP.objects.get(user=member).answers == {"Votre secteur ?": "Numérique"}


def test_the_page_says_how_many_places_are_left_and_the_waiting_list_answer():
    event = EventFactory(capacity=1)
    first, second = UserFactory(), UserFactory()
    _answer(first, event)
    client = Client()
    client.force_login(second)
    response = client.post(
        f"/fr/events/{event.id}/s/{session_key(event.start)}/rsvp/", {"status": "going"}, follow=True
    )
    html = response.content.decode()
    assert "liste d’attente" in html or "liste d'attente" in html  # the message, in French
    assert "0 place restante" in html
    assert 'data-status="waitlisted"' in html


def test_a_visitor_must_sign_in_to_answer():
    event = EventFactory()
    response = Client().post(f"/fr/events/{event.id}/s/{session_key(event.start)}/rsvp/", {"status": "going"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not RSVP.objects.exists()


def test_the_online_link_shows_only_to_members_who_are_going():
    event = EventFactory(mode="online", online_url="https://meet.example.org/secret-room", capacity=1)
    going, waiting, stranger = UserFactory(), UserFactory(), UserFactory()
    _answer(going, event)
    _answer(waiting, event)
    url = f"/fr/events/{event.id}/"
    for user, sees in ((going, True), (waiting, False), (stranger, False), (None, False)):
        client = Client()
        if user:
            client.force_login(user)
        assert ("secret-room" in client.get(url).content.decode()) is sees
        assert ("secret-room" in client.get(f"/fr/events/{event.id}/event.ics").content.decode()) is sees
        assert "secret-room" not in client.get("/fr/events/feed.ics").content.decode()
    token = services.feed_token_renew(user=waiting)
    assert "secret-room" not in Client().get(f"/fr/events/my/{token}.ics").content.decode()
    token = services.feed_token_renew(user=going)
    assert "secret-room" in Client().get(f"/fr/events/my/{token}.ics").content.decode()
