"""The referential-health panels of the ministry's dashboard (see core.registry.DashboardPanel).

Analysts and administrators only (can_use_referential); no panel keeps to a relay's countries.
"""

from collections import Counter

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.registry import DashboardPanel

from .linkage.models import CandidatePair, GoldenRecord
from .models import ImportBatch, RejectedRow, SourceRecord
from .permissions import can_use_referential
from .validation import REASONS

REJECTION_ROWS_READ = 50_000  # the reasons of the latest rejected rows; older files rarely matter


def sources_data(request, filters) -> dict:
    """Records per source and the share already linked to a golden record."""
    rows = (
        SourceRecord.objects.values("source__name")
        .annotate(records=Count("id"), linked=Count("id", filter=Q(golden_link__isnull=False)))
        .order_by("-records", "source__name")
    )
    return {
        "columns": [_("Source"), _("Records"), _("Linked to a golden record"), _("Share linked (%)")],
        "rows": [
            [r["source__name"], r["records"], r["linked"], round(100.0 * r["linked"] / r["records"], 1)]
            for r in rows
            if r["records"]
        ],
    }


def health_data(request, filters) -> dict:
    golden = GoldenRecord.objects.filter(merged_into__isnull=True).count()
    backlog = CandidatePair.objects.filter(status=CandidatePair.Status.PENDING).count()
    batches = ImportBatch.objects.all()
    if filters.get("since"):
        batches = batches.filter(created_at__gte=filters["since"])
    totals = batches.aggregate(
        accepted=Count("id", filter=Q(status=ImportBatch.Status.DONE)),
        failed=Count("id", filter=Q(status=ImportBatch.Status.FAILED)),
    )
    return {
        "columns": [_("Measure"), _("Value")],
        "rows": [
            [_("Golden records"), golden],
            [_("Candidate pairs waiting for review"), backlog],
            [_("Files imported in the period"), totals["accepted"]],
            [_("Files failed in the period"), totals["failed"]],
        ],
    }


def rejections_data(request, filters) -> dict:
    """Why rows were rejected, over the period's files (one row may have several reasons)."""
    rejected = RejectedRow.objects.all()
    if filters.get("since"):
        rejected = rejected.filter(batch__created_at__gte=filters["since"])
    counts = Counter()
    for reasons in rejected.order_by("-id").values_list("reasons", flat=True)[:REJECTION_ROWS_READ]:
        for code in {reason.get("code", "") for reason in reasons or () if isinstance(reason, dict)}:
            counts[code] += 1
    return {
        "columns": [_("Reason"), _("Rejected rows")],
        "rows": [[str(REASONS.get(code, code)), n] for code, n in counts.most_common()],
    }


def _visible(request):
    return can_use_referential(request.user)


PANELS = [
    DashboardPanel(
        key="referential.sources",
        title=gettext_lazy("Records per source"),
        data=sources_data,
        visible=_visible,
        section="referential",
        order=10,
    ),
    DashboardPanel(
        key="referential.health",
        title=gettext_lazy("Golden records, review backlog and imports"),
        data=health_data,
        visible=_visible,
        supports=frozenset({"period"}),
        section="referential",
        order=11,
        note=gettext_lazy("Golden records and the backlog are counted today; imports in the period."),
    ),
    DashboardPanel(
        key="referential.rejections",
        title=gettext_lazy("Import rejection reasons"),
        data=rejections_data,
        visible=_visible,
        supports=frozenset({"period"}),
        section="referential",
        order=12,
    ),
]
