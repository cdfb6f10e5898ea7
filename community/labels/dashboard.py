"""The labels panel of the ministry's dashboard: holders today and grants in the period, per label."""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.registry import DashboardPanel

from .models import Label


def labels_data(request, filters) -> dict:
    now = timezone.now()
    active = Q(grants__ended_at__isnull=True) & (
        Q(grants__expires_at__isnull=True) | Q(grants__expires_at__gt=now)
    )
    granted = Q(grants__granted_at__lt=filters["until"])
    if filters.get("since"):
        granted &= Q(grants__granted_at__gte=filters["since"])
    labels = Label.objects.all()
    if filters.get("label"):  # that label's row only
        labels = labels.filter(slug=filters["label"])
    labels = labels.annotate(
        holders=Count("grants", filter=active), granted=Count("grants", filter=granted)
    ).order_by("-holders", "pk")
    return {
        "columns": [_("Label"), _("Holders today"), _("Granted in the period")],
        "rows": [
            [str(label), label.holders, label.granted] for label in labels if label.holders or label.granted
        ],
    }


PANEL = DashboardPanel(
    key="labels.granted",
    title=gettext_lazy("Labels granted"),
    data=labels_data,
    supports=frozenset({"period", "label"}),
    section="glance",
    order=17,
)
