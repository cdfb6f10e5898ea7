"""What the information watch holds about a member, as a section of their data export.

The news items the watch linked to the member (to their account or to a golden record that is theirs,
through the person directory: the watch never names the referential), with the paragraph that names
them, and the member's own alert subscriptions. Only links a staff member confirmed, or the watch
accepted, are listed: a link still waiting for validation is a guess that may be a namesake.
"""

from core.registry import person_directory

from .models import Alert, Link, Subscription


def watch_export(user):
    directory = person_directory()
    ids = directory.person_ids_of_user(user.pk) if directory is not None else [f"m:{user.pk}"]
    links = (
        Link.objects.filter(person_id__in=ids, status=Link.Status.ACCEPTED)
        .select_related("mention__article__source")
        .order_by("created_at", "id")
    )
    data = {
        "news_about_me": [
            {
                "title": link.mention.article.title,
                "address": link.mention.article.url,
                "outlet": link.mention.article.source.name,
                "published_at": link.mention.article.published_at,
                "name_as_written": link.mention.surface,
                "paragraph": link.mention.paragraph,
                "distinction": link.distinction,
                "linked_at": link.decided_at or link.created_at,
            }
            for link in links
        ],
        "subscriptions": [
            {
                "countries": s.countries,
                "sectors": s.sectors,
                "people": s.people,
                "distinctions": s.distinctions,
                "delivery": s.mode,
                "since": s.created_at,
            }
            for s in Subscription.objects.filter(user=user).order_by("id")
        ],
        "alerts_received": [
            {"story": a.story_id, "at": a.sent_at or a.created_at}
            for a in Alert.objects.filter(subscription__user=user).order_by("created_at", "id")
        ],
    }
    return data, []
