"""Daily aggregates: every panel computed ahead for the unfiltered page, and per value of each filter.

The dashboard at 100,000 members and a million messages reads whole tables (bench/dashboard.py); a beat
task computes once a day what the unfiltered page shows, in each language and period, and keeps it in
the cache; the page says when. It then computes, for every value of each narrowing filter (each country
where members live, each region, sector and label), the panels that apply that filter, so that a page
narrowed by one of them is also served from the cache (the number of values is bounded: about 250
countries at most, 12 regions, the sectors, the labels). A page narrowed by two filters or more, a
relay's page (their countries), a value that appeared since the last run and a panel the task has not
computed yet are computed live. Figures are stored as the panels return them (already through
core.disclosure where the panel applies it); a relay's figures never come from here.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation

from core.registry import registry

from .filters import NARROWING, PERIODS, dimension_values, filters_from

TIMEOUT = 3 * 24 * 3600  # a missed night leaves yesterday's figures rather than a slow page
VERSION = 3  # 2: rows keep their map keys; 3: figures per filter value


def _key(panel_key: str, period: str, language: str, narrowed: tuple[str, str] | None = None) -> str:
    key = f"dashboards:v{VERSION}:{panel_key}:{period}:{language}"
    return f"{key}:{narrowed[0]}={narrowed[1]}" if narrowed else key


def _narrowed(panel, filters):
    """(applies, (name, value)): whether the cache may answer, and the one filter set that this panel
    applies (None when it applies none of those set; a filter it ignores changes nothing)."""
    if filters.get("countries") is not None:
        return False, None
    applied = set(getattr(panel, "supports", ())) & set(NARROWING)
    set_here = [(name, filters[name]) for name in NARROWING if name in applied and filters.get(name)]
    if len(set_here) > 1:
        return False, None
    return True, (set_here[0] if set_here else None)


def is_precomputable(panel, filters) -> bool:
    """Unrestricted reader, and at most one filter set that this panel applies."""
    return _narrowed(panel, filters)[0]


def precomputed(panel, filters):
    """{"columns", "rows", "computed_at"} kept by the last run, or None (then the page computes live)."""
    may, narrowed = _narrowed(panel, filters)
    if not may:
        return None
    language = translation.get_language() or settings.LANGUAGE_CODE
    return cache.get(_key(panel.key, filters["period"], language, narrowed))


def _store(panel, period, language, narrowed, data) -> None:
    cache.set(
        _key(panel.key, period, language, narrowed),
        {
            "columns": [str(c) for c in data["columns"]],
            "rows": [[str(row[0]), *row[1:]] for row in data["rows"]],
            "keys": data.get("keys"),
            "computed_at": timezone.now(),
        },
        TIMEOUT,
    )


def aggregates_compute() -> int:
    """Compute every panel for every period and language, unfiltered; returns how many were stored.

    Idempotent: each run replaces the last one's figures."""
    return _compute(None)


def aggregates_compute_narrowed(name: str, value: str) -> int:
    """Compute, for one value of one filter (e.g. ("country", "FR")), every panel that applies it, in
    every period and language; returns how many were stored. Idempotent."""
    if name not in NARROWING:
        raise ValueError(f"Unknown dashboard filter: {name!r}")
    return _compute((name, value))


def narrowed_values() -> list[tuple[str, str]]:
    """Every (filter, value) the nightly run precomputes."""
    return [(name, value) for name, values in dimension_values().items() for value in values]


def _compute(narrowed) -> int:
    panels = [
        panel
        for panel in registry.dashboard_panels.values()
        if narrowed is None or narrowed[0] in getattr(panel, "supports", ())
    ]
    query = {narrowed[0]: narrowed[1]} if narrowed else {}
    stored = 0
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for period, _label in PERIODS:
                _form, filters = filters_from({"period": period, **query}, None)
                if narrowed and filters.get(narrowed[0]) != narrowed[1]:
                    return 0  # a value the filter form no longer offers (a label removed since)
                for panel in panels:
                    _store(panel, period, language, narrowed, panel.data(None, filters))
                    stored += 1
    return stored
