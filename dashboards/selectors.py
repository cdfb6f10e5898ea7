"""What the dashboard shows a reader: the registered panels they may see, computed with their filters.

The dashboard imports no app that owns figures: panels come from core.registry. For a reader restricted
to some countries (a relay) every count goes through core.disclosure here as well, whatever the panel
did, so that no figure a relay sees counts fewer than AGGREGATE_MIN_COUNT people.
"""

from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext as _

from core.disclosure import Below, count_shown
from core.registry import registry

from .aggregates import precomputed
from .filters import FILTER_LABELS, active_filters
from .permissions import may_read_panel

SECTIONS = ("glance", "activity", "referential")


@dataclass
class DrawnPanel:
    key: str
    title: str
    section: str
    chart: str
    columns: list
    rows: list  # values as computed (numbers, Below, None, text)
    cells: list  # the same, as shown (formatted for the reader's language)
    unsupported: list  # labels of the filters the reader set that this panel does not apply
    note: str = ""
    computed_at: object = None  # when the daily aggregates computed it; None: computed for this page
    keys: list | None = None  # a map panel's place per row (None for an "others" row)
    map: str = ""  # "world" or "morocco": drawn as a map (dashboards.maps) rather than a chart


def readable_panels(request, countries) -> list:
    panels = [p for p in registry.dashboard_panels.values() if may_read_panel(request, p, countries)]

    def place(panel):
        section = getattr(panel, "section", "other")
        rank = SECTIONS.index(section) if section in SECTIONS else len(SECTIONS)
        return (rank, getattr(panel, "order", 50), panel.key)

    return sorted(panels, key=place)


def readable_panel(request, key, countries):
    panel = registry.dashboard_panels.get(key)
    if panel is None or not may_read_panel(request, panel, countries):
        return None
    return panel


def shown(value) -> str:
    """A figure as the reader's language writes it; hidden small counts as "< 5"; nothing as a dash."""
    if value is None:
        return "—"
    if isinstance(value, Below | str):
        return str(value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, int):
        return formats.number_format(value, force_grouping=True)
    if isinstance(value, float):
        return formats.number_format(round(value, 1), 1, force_grouping=True)
    return str(value)


def _protected(value):
    if isinstance(value, int) and not isinstance(value, bool):
        return count_shown(value)
    return value


def panel_data(request, panel, filters) -> dict:
    """The panel's figures: last night's for the unfiltered page when kept, else computed now."""
    kept = precomputed(panel, filters)
    if kept is not None:
        return kept
    return {**panel.data(request, filters), "computed_at": None}


def panel_rows(request, panel, filters) -> tuple[list, list]:
    """Columns and rows as the reader may see them (small counts hidden for restricted readers)."""
    columns, rows, _computed_at, _keys = _panel_rows(request, panel, filters)
    return columns, rows


def _panel_rows(request, panel, filters):
    data = panel_data(request, panel, filters)
    columns = [str(c) for c in data["columns"]]
    rows = [list(row) for row in data["rows"]]
    if filters.get("countries") is not None:
        rows = [[row[0], *[_protected(v) for v in row[1:]]] for row in rows]
    keys = data.get("keys")
    return columns, rows, data["computed_at"], list(keys) if keys is not None else None


def drawn(request, panel, filters) -> DrawnPanel:
    columns, rows, computed_at, keys = _panel_rows(request, panel, filters)
    supports = set(getattr(panel, "supports", ()))
    return DrawnPanel(
        key=panel.key,
        title=str(panel.title),
        section=getattr(panel, "section", "other"),
        chart=getattr(panel, "chart", "bar"),
        columns=columns,
        rows=rows,
        cells=[[str(row[0]), *[shown(v) for v in row[1:]]] for row in rows],
        unsupported=[str(FILTER_LABELS[name]) for name in sorted(active_filters(filters) - supports)],
        note=str(getattr(panel, "note", "") or ""),
        computed_at=computed_at,
        keys=keys,
        map=getattr(panel, "map", "") if keys is not None else "",
    )


def csv_rows(rows) -> list:
    """Rows for the CSV file: plain numbers (no grouping, dot decimals), "< 5" for hidden counts."""
    return [["" if value is None else value for value in row] for row in rows]
