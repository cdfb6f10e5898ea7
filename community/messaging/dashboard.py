"""The messaging panel of the ministry's dashboard: counts only, never a word of what was written."""

import datetime

from django.db.models import Count
from django.db.models.functions import TruncWeek
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.registry import DashboardPanel

from .models import Conversation, Message

MAX_WEEKS = 52


def weekly_data(request, filters) -> dict:
    since = filters.get("since") or filters["until"] - datetime.timedelta(weeks=MAX_WEEKS)

    def per_week(queryset):
        rows = (
            queryset.filter(created_at__gte=since, created_at__lt=filters["until"])
            .annotate(week=TruncWeek("created_at"))
            .values_list("week")
            .annotate(n=Count("id"))
            .order_by()
        )
        return {week.date(): n for week, n in rows}

    messages, conversations = Message.objects.all(), Conversation.objects.all()
    if filters.get("label_holders") is not None:  # sent, or started, by a member holding the label
        messages = messages.filter(sender__in=filters["label_holders"])
        conversations = conversations.filter(created_by__in=filters["label_holders"])
    messages, conversations = per_week(messages), per_week(conversations)
    start = (since - datetime.timedelta(days=since.weekday())).date()
    end = timezone.localdate(filters["until"])
    rows, week = [], start
    while week <= end:
        rows.append(
            [
                formats.date_format(week, "SHORT_DATE_FORMAT"),
                messages.get(week, 0),
                conversations.get(week, 0),
            ]
        )
        week += datetime.timedelta(weeks=1)
    return {"columns": [_("Week of"), _("Messages sent"), _("Conversations started")], "rows": rows}


PANEL = DashboardPanel(
    key="messaging.weekly",
    title=gettext_lazy("Messages per week"),
    data=weekly_data,
    supports=frozenset({"period", "label"}),
    chart="line",
    section="activity",
    order=20,
    note=gettext_lazy(
        "Counts only: no message is read. All time shows the last 52 weeks. "
        "Label: messages sent and conversations started by members holding it."
    ),
)
