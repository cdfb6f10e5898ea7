"""The validation queue and the timeline: second factor, accept/reject/relink/new person, every timeline
read audited, one alert per story whatever the number of copies, candidates into the directory."""

import pytest

from django.urls import reverse

from accounts.factories import UserFactory
from accounts.roles import ANALYST
from community.notifications.models import Notification
from core.models import AuditLog
from watch.models import Article, Candidate, Link, Mention, Source, StoryGroup, Subscription

pytestmark = pytest.mark.django_db


def _link(person_id="g:1", url="https://news.example/a", story=None, paragraph=None):
    source, _ = Source.objects.get_or_create(name="News", url="https://news.example/feed")
    paragraph = paragraph or "Youssef El Amrani, ingénieur chez Airbus à Toulouse, a reçu le prix."
    article = Article.objects.create(
        source=source,
        url=url,
        title="Un talent primé",
        body=paragraph,
        language="fr",
        story=story or StoryGroup.objects.create(),
    )
    mention = Mention.objects.create(
        article=article, surface="Youssef El Amrani", start=0, end=17, paragraph=paragraph, form="exact"
    )
    return Link.objects.create(
        mention=mention,
        person_id=person_id,
        person_name="Youssef El Amrani",
        score=0.9,
        reasons=[{"evidence": "name"}, {"evidence": "city", "value": "Toulouse"}],
        distinction="award",
    )


def test_staff_without_second_factor_and_members_are_kept_out(client, directory):
    link = _link()
    client.force_login(UserFactory(roles=[ANALYST]))  # no TOTP yet
    assert client.get(reverse("watch:queue")).status_code == 302
    client.force_login(UserFactory())
    assert client.get(reverse("watch:queue")).status_code == 403
    assert client.get(reverse("watch:link", args=[link.pk])).status_code == 403
    assert client.get(reverse("watch:timeline", args=["g:1"])).status_code == 403


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_the_queue_shows_the_mention_highlighted_with_evidence(client, directory, analyst, language):
    link = _link()
    client.force_login(analyst)
    queue = client.get(reverse("watch:queue"), HTTP_ACCEPT_LANGUAGE=language)
    assert queue.status_code == 200 and link in queue.context["page_obj"]
    page = client.get(reverse("watch:link", args=[link.pk]))
    html = page.content.decode()
    assert "<mark>Youssef El Amrani</mark>" in html and "Toulouse" in html and "Airbus" in html


def test_accepting_puts_the_item_on_the_timeline_alerts_once_per_story_and_audits_reads(
    client, directory, analyst, relay, django_capture_on_commit_callbacks
):
    Subscription.objects.create(user=relay, countries=["FR"], mode=Subscription.Mode.IMMEDIATE)
    Subscription.objects.create(user=analyst, countries=["CA"])  # Salma's country: not this story
    story = StoryGroup.objects.create()
    first = _link(story=story)
    copy = _link(url="https://other.example/copy", story=story)
    client.force_login(analyst)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("watch:link", args=[first.pk]), {"action": "accept", "distinction": "award"}
        )
        client.post(reverse("watch:link", args=[copy.pk]), {"action": "accept"})
    assert response.status_code == 302 and response["Location"] == reverse("watch:timeline", args=["g:1"])
    alerts = Notification.objects.filter(kind="watch.alert")
    assert [n.recipient for n in alerts] == [
        relay
    ]  # one story, one alert; the analyst's filter did not match
    timeline = client.get(reverse("watch:timeline", args=["g:1"]))
    assert [item.pk for item in timeline.context["items"]] == [first.pk]  # one item per story
    assert "Un talent primé" in timeline.content.decode()
    read = AuditLog.objects.filter(action="watch.timeline_read", actor=analyst)
    assert read.count() == 1 and read.get().reason == "g:1"
    assert AuditLog.objects.filter(action="watch.link_decide").count() == 2


def test_reject_relink_and_new_person(client, directory, analyst, django_capture_on_commit_callbacks):
    rejected, relinked, unknown = _link(), _link(url="https://n.example/2"), _link(url="https://n.example/3")
    client.force_login(analyst)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("watch:link", args=[rejected.pk]), {"action": "reject"})
        client.post(reverse("watch:link", args=[relinked.pk]), {"action": "relink", "person_id": "g:2"})
        client.post(reverse("watch:link", args=[unknown.pk]), {"action": "new_person"})
    assert Link.objects.get(pk=rejected.pk).status == "rejected"
    assert Link.objects.get(pk=relinked.pk).status == "relinked"
    assert Link.objects.get(mention=relinked.mention, person_id="g:2").status == "accepted"
    assert Link.objects.get(pk=unknown.pk).status == "new_person"
    candidate = Candidate.objects.get(mention=unknown.mention)
    response = client.post(
        reverse("watch:candidates"),
        {"candidate": candidate.pk, "action": "add", "city": "Toulouse", "country": "FR", "occupation": "x"},
    )
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.status == "added" and candidate.person_id.startswith("x:")
    assert directory.added[0]["provenance"] == "https://n.example/3"
    assert client.get(reverse("watch:timeline", args=["g:2"])).context["items"][0].mention == relinked.mention


def test_a_digest_subscriber_gets_one_notification_for_the_day(
    directory, analyst, django_capture_on_commit_callbacks
):
    from watch import alerts, services

    Subscription.objects.create(user=analyst, distinctions=["award"], mode=Subscription.Mode.DIGEST)
    first, second = _link(), _link(url="https://n.example/other")
    with django_capture_on_commit_callbacks(execute=True):
        services.link_decide(link=first, action="accept", actor=analyst)
        services.link_decide(link=second, action="accept", actor=analyst)
    assert not Notification.objects.filter(recipient=analyst).exists()  # nothing immediate
    with django_capture_on_commit_callbacks(execute=True):
        assert alerts.digests_send() == 1
    digest = Notification.objects.get(recipient=analyst, kind="watch.digest")
    assert digest.params["count"] == 2
    assert alerts.digests_send() == 0
