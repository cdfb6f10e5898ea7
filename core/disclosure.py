"""Small counts in published aggregates.

A table of cases by country of residence that shows "Senegal: 1 exit" names a person to anyone who
knows who lives there. Every aggregate the back office publishes (pages, CSV, API, dashboards) goes
through :func:`rows_protected` before it leaves the selector, so that no surface shows a count of
fewer than ``AGGREGATE_MIN_COUNT`` people (5 by default, the usual threshold of statistical offices):

- a row whose total is below the threshold joins one "other" row instead of being shown alone;
- a cell from 1 to threshold − 1 shows as :class:`Below` ("< 5");
- a row with exactly one such cell hides its smallest other non-zero cell too, so that the hidden one
  cannot be found back by subtracting the visible cells from the row's total.
"""

from dataclasses import dataclass

from django.conf import settings


def min_count() -> int:
    return int(getattr(settings, "AGGREGATE_MIN_COUNT", 5))


@dataclass(frozen=True)
class Below:
    """A count hidden because it is small: renders as "< k" in pages and CSV files alike."""

    threshold: int

    def __str__(self) -> str:
        return f"< {self.threshold}"


def count_shown(value: int, threshold: int | None = None):
    """``value`` itself, or :class:`Below` when it counts 1 to threshold − 1 people (0 says nothing)."""
    threshold = min_count() if threshold is None else threshold
    return Below(threshold) if 0 < value < threshold else value


def _cells_protected(counts: list[int], threshold: int) -> list:
    shown = [count_shown(n, threshold) for n in counts]
    hidden = [i for i, value in enumerate(shown) if isinstance(value, Below)]
    if len(hidden) == 1:
        visible = [i for i, n in enumerate(counts) if n and i not in hidden]
        if visible:
            smallest = min(visible, key=lambda i: counts[i])
            shown[smallest] = Below(threshold) if counts[smallest] < threshold else f"≥ {threshold}"
    return shown


def rows_protected(rows: list[dict], *, other_label: str, threshold: int | None = None) -> list[dict]:
    """Rows of ``{"label", "total", "counts": [int, …]}`` (other keys kept), ready to publish.

    Rows under the threshold are summed into one last row labelled ``other_label``; that row is itself
    protected (a total under the threshold shows as "< k")."""
    threshold = min_count() if threshold is None else threshold
    kept, small = [], []
    for row in rows:
        (kept if row["total"] >= threshold else small).append(row)
    if small:
        width = len(small[0]["counts"])
        counts = [sum(row["counts"][i] for row in small) for i in range(width)]
        kept.append(
            {"key": None, "label": other_label, "total": sum(r["total"] for r in small), "counts": counts}
        )
    return [
        {
            **row,
            "total": count_shown(row["total"], threshold),
            "counts": _cells_protected(row["counts"], threshold),
        }
        for row in kept
    ]
