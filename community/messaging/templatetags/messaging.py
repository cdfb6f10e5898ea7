import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from core.names import display_name

from .. import selectors
from ..models import Conversation

register = template.Library()

# Only web addresses become links; the text is escaped BEFORE anything is turned into markup.
_URL = re.compile(r"https?://[^\s]+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}'\""


@register.filter
def message_html(text):
    """Escape the message, then make http(s) addresses clickable and keep line breaks."""
    escaped = escape(text or "")

    def link(match):
        url = match.group(0)
        tail = ""
        while url and url[-1] in _TRAILING:
            url, tail = url[:-1], url[-1] + tail
        for entity in ("&quot;", "&#x27;", "&gt;", "&lt;"):
            if url.endswith(entity):
                url, tail = url[: -len(entity)], entity + tail
        return f'<a href="{url}" rel="nofollow noopener noreferrer">{url}</a>{tail}'

    return mark_safe(_URL.sub(link, escaped).replace("\n", "<br>"))  # noqa: S308 (escaped above)


@register.simple_tag
def conversation_title(conversation, viewer):
    """A group's or space's name, the title of a multi conversation, or the other member's name."""
    if conversation.kind in (Conversation.Kind.GROUP, Conversation.Kind.SPACE) or conversation.title:
        return selectors.title_as_seen(conversation, [])
    others = [
        p.user
        for p in selectors.active_participants(conversation)
        if viewer is None or p.user_id != viewer.pk
    ]
    return selectors.title_as_seen(conversation, others)


@register.inclusion_tag("messaging/_badge.html", takes_context=True)
def messages_badge(context):
    """The header link to the conversations with the number of unread messages."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if not getattr(user, "is_authenticated", False):
        return {"show": False}
    return {"show": True, "count": selectors.unread_total_for_request(request)}


@register.filter
def join_members(users):
    return ", ".join(str(display_name(u)) for u in users)


@register.inclusion_tag("messaging/_home_section.html", takes_context=True)
def home_messages(context):
    """The personal home's section: unread messages and the latest conversations."""
    request = context.get("request")
    if not getattr(getattr(request, "user", None), "is_authenticated", False):
        return {"show": False}
    return {"show": True, "viewer": request.user, **selectors.home_conversations(request)}


@register.simple_tag
def conversation_name(row, viewer):
    """conversation_title for a home row whose other participants are already loaded."""
    return selectors.title_as_seen(row["conversation"], row["others"])
