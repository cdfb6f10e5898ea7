"""The consent panel of the ministry's dashboard: how many members agree to each purpose."""

from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.registry import DashboardPanel

from .models import ConsentCurrent, ConsentPurpose


def consent_data(request, filters) -> dict:
    """The decision in force is each member's latest record for the purpose, kept in ConsentCurrent by the
    service that appends records (one row per member and purpose); the rate is over every active account.
    One pass over that table with a count per purpose, whatever the number of records."""
    members = get_user_model().objects.filter(is_active=True)
    in_force = ConsentCurrent.objects.filter(user__is_active=True)
    if filters.get("label_holders") is not None:  # members holding the label
        members = members.filter(pk__in=filters["label_holders"])
        in_force = in_force.filter(user__in=filters["label_holders"])
    members = members.count()
    counts = {
        row["purpose"]: row
        for row in in_force.values("purpose")
        .annotate(agreed=Count("user", filter=Q(granted=True)), decided=Count("user"))
        .order_by()
    }
    rows = []
    for purpose, label in ConsentPurpose.choices:
        row = counts.get(purpose, {"agreed": 0, "decided": 0})
        rate = round(100.0 * row["agreed"] / members, 1) if members else None
        rows.append([str(label), row["agreed"], row["decided"], rate])
    return {
        "columns": [
            _("Purpose"),
            _("Members who agree"),
            _("Members who decided"),
            _("Agree (% of members)"),
        ],
        "rows": rows,
    }


PANEL = DashboardPanel(
    key="privacy.consents",
    title=gettext_lazy("Consent rates per purpose"),
    data=consent_data,
    supports=frozenset({"label"}),
    section="glance",
    order=18,
)
