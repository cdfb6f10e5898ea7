"""Read queries about notifications."""

from django.urls import Resolver404, resolve, translate_url
from django.utils import translation

from core.registry import registry

from .models import Notification, NotificationPreference

_REQUEST_CACHE_ATTRIBUTE = "_unread_notification_count"


def notifications_of(user):
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-id")


def worded(notifications):
    """The notifications with subject, body and link worded now, in the active language, where their kind
    has a renderer (core.registry); the others keep the words they were stored with. Every link leads to
    the page in the active language (stored links carry the language they were written in)."""
    language = translation.get_language()
    for notification in notifications:
        render = registry.notification_renderer(notification.kind) if notification.params else None
        if render is not None:
            words = render(notification) or {}
            notification.subject = words.get("subject", notification.subject)
            notification.body = words.get("body", notification.body)
            notification.url = words.get("url", notification.url)
        if language:
            notification.url = _in_language(notification.url, language)
    return notifications


def _in_language(url: str, language: str) -> str:
    """The same page under the active language's prefix. CMS pages are left as they are: a translated
    page has its own slug, which only its link knows."""
    if not url.startswith("/"):
        return url
    try:
        if resolve(url.split("?", 1)[0]).url_name == "wagtail_serve":
            return url
    except Resolver404:
        return url
    return translate_url(url, language)


def unread_count(user) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def unread_count_for_request(request) -> int:
    """One COUNT query per request, however many times the header asks."""
    if request is None:
        return 0
    if not hasattr(request, _REQUEST_CACHE_ATTRIBUTE):
        setattr(request, _REQUEST_CACHE_ATTRIBUTE, unread_count(getattr(request, "user", None)))
    return getattr(request, _REQUEST_CACHE_ATTRIBUTE)


def email_mode_of(user) -> str:
    preference = NotificationPreference.objects.filter(user=user).first()
    return preference.email_mode if preference else NotificationPreference.EmailMode.IMMEDIATE


def digest_recipient_ids():
    """Active members who chose the daily digest and have notifications not yet emailed."""
    return list(
        Notification.objects.filter(
            emailed_at__isnull=True,
            recipient__is_active=True,
            recipient__notification_preference__email_mode=NotificationPreference.EmailMode.DAILY,
        )
        .values_list("recipient_id", flat=True)
        .distinct()
        .order_by("recipient_id")
    )
