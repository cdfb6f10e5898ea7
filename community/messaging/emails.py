"""Unread messages by email: after a delay, one email per recipient listing every conversation waiting.

Follows the member's notification preference: "immediate" members get the email once messages have
waited MESSAGING_EMAIL_DELAY; "daily" members at most one such email a day; "never", none. Each
participation remembers up to which message it was mailed (``emailed_through_seq``), claimed before
sending, so a message is never mailed twice even if the task runs again or twice at once.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Greatest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from community.notifications.emails import absolute_url
from community.notifications.models import NotificationPreference
from community.notifications.selectors import email_mode_of
from community.notifications.services import language_of
from core.names import display_name

from . import permissions
from .models import Message, Participant, UnreadEmail
from .templatetags.messaging import conversation_title

PREVIEWS_PER_CONVERSATION = 3


def email_delay() -> timedelta:
    return timedelta(seconds=getattr(settings, "MESSAGING_EMAIL_DELAY", 15 * 60))


def _waiting():
    """Participations with messages neither read nor mailed yet."""
    return Participant.objects.filter(left_at__isnull=True, user__is_active=True).filter(
        conversation__last_seq__gt=Greatest(F("last_read_seq"), F("emailed_through_seq"))
    )


def recipient_ids() -> list[int]:
    return sorted(set(_waiting().values_list("user_id", flat=True)))


def unread_email_send_for(user_id: int, *, now=None) -> int:
    """Mail one member what waits for them; returns how many messages the email listed (0: none sent)."""
    now = now or timezone.now()
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return 0
    mode = email_mode_of(user)
    if mode == NotificationPreference.EmailMode.NEVER:
        return 0
    if (
        mode == NotificationPreference.EmailMode.DAILY
        and UnreadEmail.objects.filter(user=user, sent_at__gt=now - timedelta(days=1)).exists()
    ):
        return 0
    cutoff = now - email_delay()
    sections = []
    with transaction.atomic():
        rows = list(
            _waiting()
            .filter(user=user)
            .select_for_update(of=("self",))
            .select_related("conversation__group", "conversation__space")
        )
        for row in rows:
            conversation = row.conversation
            if not permissions.can_read(user, conversation):
                continue
            start = max(row.last_read_seq, row.emailed_through_seq)
            waiting = list(
                Message.objects.filter(conversation=conversation, seq__gt=start, created_at__lte=cutoff)
                .filter(deleted_at__isnull=True, hidden_at__isnull=True)
                .filter(~Q(sender=user))
                .select_related("sender__profile")
                .order_by("seq")
            )
            if not waiting:
                continue
            through = max(m.seq for m in waiting)
            claimed = Participant.objects.filter(
                pk=row.pk, emailed_through_seq=row.emailed_through_seq
            ).update(emailed_through_seq=through)
            if claimed:
                sections.append((conversation, waiting))
        count = sum(len(messages) for _conversation, messages in sections)
        if count:
            UnreadEmail.objects.create(user=user, sent_at=now, message_count=count)
    if not sections:
        return 0


    with translation.override(language_of(user)):
        context = {
            "count": count,
            "conversations": [
                {
                    "title": conversation_title(conversation, user),
                    "count": len(messages),
                    "url": absolute_url(conversation.get_absolute_url()),
                    "previews": [
                        {"sender": str(display_name(m.sender)), "text": m.body[:200] or "…"}
                        for m in messages[-PREVIEWS_PER_CONVERSATION:]
                    ],
                }
                for conversation, messages in sections
            ],
            "list_url": absolute_url(reverse("messaging:list")),
            "preferences_url": absolute_url(reverse("notifications:preferences")),
        }
        subject = render_to_string("messaging/email/unread_subject.txt", context).strip()
        body = render_to_string("messaging/email/unread_body.txt", context)
    send_mail(subject, body, None, [user.email])
    return count
