"""Alerts to subscribers: once per story group (however many outlets copied it), in-app and by email,
immediately or in a daily digest. Worded at read time in the reader's language (core.registry)."""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from community.notifications.services import notify
from core.registry import person_directory

from .models import Alert, Distinction, Link, Subscription

KIND = "watch.alert"
DIGEST_KIND = "watch.digest"


def _matches(subscription: Subscription, person, distinction: str) -> bool:
    wanted = []
    if subscription.people:
        wanted.append(person.id in subscription.people)
    if subscription.countries:
        wanted.append(person.country in subscription.countries)
    if subscription.sectors:
        wanted.append(bool(set(person.sectors) & set(subscription.sectors)))
    if subscription.distinctions:
        wanted.append(distinction in subscription.distinctions)
    return all(wanted)


def link_alert(link_id: int) -> int:
    """Alert the subscribers this accepted link concerns; returns how many alerts were created."""
    link = (
        Link.objects.select_related("mention__article")
        .filter(pk=link_id, status=Link.Status.ACCEPTED)
        .first()
    )
    if link is None or link.mention.article.story_id is None:
        return 0
    person = person_directory().person(link.person_id)
    if person is None:
        return 0
    created = 0
    for subscription in Subscription.objects.select_related("user").filter(user__is_active=True):
        if not _matches(subscription, person, link.distinction):
            continue
        try:
            with transaction.atomic():
                alert = Alert.objects.create(
                    subscription=subscription, story_id=link.mention.article.story_id, link=link
                )
        except IntegrityError:
            continue  # this story was already told to this subscriber (another copy, another person)
        created += 1
        if subscription.mode == Subscription.Mode.IMMEDIATE:
            _send(alert)
    return created


def _send(alert: Alert) -> None:
    link = alert.link
    notify(
        recipient=alert.subscription.user,
        kind=KIND,
        subject=link.person_name,
        body=link.mention.article.title,
        url=reverse("watch:timeline", kwargs={"person_id": link.person_id}),
        params={
            "link": link.pk,
            "person": link.person_name,
            "title": link.mention.article.title,
            "distinction": link.distinction,
        },
    )
    alert.sent_at = timezone.now()
    alert.save(update_fields=["sent_at"])


def alert_words(notification) -> dict:
    params = notification.params or {}
    distinction = Distinction(params.get("distinction") or Distinction.NONE).label
    return {
        "subject": _("In the news: %(person)s (%(distinction)s)")
        % {"person": params.get("person", ""), "distinction": distinction},
        "body": params.get("title", ""),
        "url": notification.url,
    }


def digest_words(notification) -> dict:
    count = (notification.params or {}).get("count", 0)
    return {
        "subject": _("Information watch: %(count)s new stories") % {"count": count},
        "body": "\n".join((notification.params or {}).get("titles", [])),
        "url": notification.url,
    }


def digests_send() -> int:
    """One notification per digest subscriber with the stories not yet told."""
    sent = 0
    pending = Alert.objects.filter(sent_at__isnull=True, subscription__mode=Subscription.Mode.DIGEST)
    users = {}
    for alert in pending.select_related("subscription__user", "link__mention__article"):
        users.setdefault(alert.subscription.user, []).append(alert)
    for user, alerts in users.items():
        notify(
            recipient=user,
            kind=DIGEST_KIND,
            subject=str(len(alerts)),
            url=reverse("watch:queue"),
            params={"count": len(alerts), "titles": [a.link.mention.article.title for a in alerts][:50]},
        )
        Alert.objects.filter(pk__in=[a.pk for a in alerts]).update(sent_at=timezone.now())
        sent += 1
    return sent
