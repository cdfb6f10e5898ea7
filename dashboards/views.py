"""The ministry's dashboard page and its per-panel CSV downloads (figures only; nobody is named)."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language_bidi
from django.views.decorators.http import require_GET

from accounts.decorators import staff_tool
from core.audit import audit_record
from core.csvfile import csv_response
from core.disclosure import min_count
from core.models import AuditLog

from . import selectors
from .charts import chart
from .filters import filters_from
from .maps import choropleth
from .permissions import may_read_dashboard, reader_countries

readers = staff_tool(may_read_dashboard)


@require_GET
@readers
def index(request):
    countries = reader_countries(request.user)
    form, filters = filters_from(request.GET, countries)
    rtl = get_language_bidi()
    sections = {}
    for panel in selectors.readable_panels(request, countries):
        drawn = selectors.drawn(request, panel, filters)
        if drawn.map:
            drawn.drawn_map = choropleth(
                drawn.map,
                drawn.keys,
                drawn.rows,
                drawn.cells,
                title_id=f"t-{drawn.key}",
                shown=selectors.shown,
                countries=countries,
            )
        else:
            drawn.svg = chart(
                drawn.chart, drawn.columns, drawn.rows, drawn.cells, title_id=f"t-{drawn.key}", rtl=rtl
            )
        sections.setdefault(drawn.section, []).append(drawn)
    kept = [p.computed_at for panels in sections.values() for p in panels if p.computed_at]
    ordered = [(name, sections[name]) for name in (*selectors.SECTIONS, "other") if name in sections]
    return render(
        request,
        "dashboard/index.html",
        {
            "form": form,
            "sections": ordered,
            "query": request.GET.urlencode(),
            "restricted": countries is not None,
            "countries": sorted(countries or ()),
            "min_count": min_count(),
            "computed_at": timezone.now(),
            "oldest": min(kept) if kept else None,
        },
    )


@require_GET
@readers
def panel_csv(request, key):
    countries = reader_countries(request.user)
    panel = selectors.readable_panel(request, key, countries)
    if panel is None:
        raise Http404
    _form, filters = filters_from(request.GET, countries)
    columns, rows = selectors.panel_rows(request, panel, filters)
    audit_record(
        request.user,
        "dashboard.export",
        kind=AuditLog.Kind.EXPORT,
        detail=f"{key} {request.GET.urlencode()}".strip(),
    )
    return csv_response(f"dashboard-{key}.csv", columns, selectors.csv_rows(rows))
