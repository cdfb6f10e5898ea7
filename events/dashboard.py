"""The events panel of the ministry's dashboard: sessions, answers and attendance per month.

"Country" is where the session takes place (online sessions have none); see core.registry.DashboardPanel.
"""

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.registry import DashboardPanel

from .models import RSVP, Occurrence


def _sessions(filters):
    sessions = Occurrence.objects.filter(cancelled=False, start__lt=filters["until"])
    if filters.get("since"):
        sessions = sessions.filter(start__gte=filters["since"])
    if filters.get("countries") is not None:
        sessions = sessions.filter(event__country__in=sorted(filters["countries"]))
    if filters.get("country"):
        sessions = sessions.filter(event__country=filters["country"])
    if filters.get("sector"):
        sessions = sessions.filter(event__theme=filters["sector"])
    return sessions


def attendance_data(request, filters) -> dict:
    """Per month: sessions held, members going, members checked in, attendance (checked in / going)."""
    sessions = _sessions(filters)
    per_month = dict(
        sessions.annotate(month=TruncMonth("start")).values_list("month").annotate(n=Count("id")).order_by()
    )
    rsvps = RSVP.objects.filter(occurrence__in=sessions)
    if filters.get("label_holders") is not None:  # answers of members holding the label
        rsvps = rsvps.filter(user__in=filters["label_holders"])
    answers = (
        rsvps.annotate(month=TruncMonth("occurrence__start"))
        .values("month")
        .annotate(
            going=Count("id", filter=Q(status=RSVP.Status.GOING)),
            present=Count("id", filter=Q(checked_in_at__isnull=False)),
        )
        .order_by()
    )
    by_month = {row["month"]: row for row in answers}
    rows = []
    for month in sorted(per_month):
        row = by_month.get(month, {"going": 0, "present": 0})
        rate = round(100.0 * row["present"] / row["going"], 1) if row["going"] else None
        rows.append(
            [
                formats.date_format(month, "YEAR_MONTH_FORMAT"),
                per_month[month],
                row["going"],
                row["present"],
                rate,
            ]
        )
    return {
        "columns": [_("Month"), _("Sessions"), _("Members going"), _("Checked in"), _("Attendance (%)")],
        "rows": rows,
    }


PANEL = DashboardPanel(
    key="events.attendance",
    title=gettext_lazy("Events and attendance"),
    data=attendance_data,
    supports=frozenset({"period", "country", "sector", "label"}),
    section="activity",
    order=30,
    note=gettext_lazy(
        "Country: where the session takes place; sector: the event's theme; label: answers of members "
        "holding it (sessions are counted all the same)."
    ),
)
