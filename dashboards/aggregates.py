"""Daily aggregates: every panel computed ahead for the unfiltered page, in each language and period.

The dashboard at 100,000 members and a million messages reads whole tables (bench/dashboard.py); a beat
task computes what the unfiltered page shows once a day and keeps it in the cache, and the page says
when. A filtered page, a relay's page (their countries) or a panel the task has not computed yet are
computed live. Figures are stored as the panels return them (already through core.disclosure where the
panel applies it); a relay's figures never come from here.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation

from core.registry import registry

from .filters import NARROWING, PERIODS, filters_from

TIMEOUT = 3 * 24 * 3600  # a missed night leaves yesterday's figures rather than a slow page
VERSION = 2  # 2: rows keep their map keys


def _key(panel_key: str, period: str, language: str) -> str:
    return f"dashboards:v{VERSION}:{panel_key}:{period}:{language}"


def is_precomputable(panel, filters) -> bool:
    """Unrestricted reader, and no filter set that this panel applies (one it ignores changes nothing)."""
    if filters.get("countries") is not None:
        return False
    applied = set(getattr(panel, "supports", ())) & set(NARROWING)
    return not any(filters.get(name) for name in applied)


def precomputed(panel, filters):
    """{"columns", "rows", "computed_at"} kept by the last run, or None (then the page computes live)."""
    if not is_precomputable(panel, filters):
        return None
    language = translation.get_language() or settings.LANGUAGE_CODE
    return cache.get(_key(panel.key, filters["period"], language))


def aggregates_compute() -> int:
    """Compute every panel for every period and language, unfiltered; returns how many were stored.

    Idempotent: each run replaces the last one's figures."""
    stored = 0
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for period, _label in PERIODS:
                _form, filters = filters_from({"period": period}, None)
                for key, panel in registry.dashboard_panels.items():
                    data = panel.data(None, filters)
                    cache.set(
                        _key(key, period, language),
                        {
                            "columns": [str(c) for c in data["columns"]],
                            "rows": [[str(row[0]), *row[1:]] for row in data["rows"]],
                            "keys": data.get("keys"),
                            "computed_at": timezone.now(),
                        },
                        TIMEOUT,
                    )
                    stored += 1
    return stored
