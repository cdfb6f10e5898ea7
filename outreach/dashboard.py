"""The outreach panel of the ministry's dashboard: key → a title and a function computing its rows.

The shape (key, title, data(request, filters) → {"columns", "rows"}, visible) is the one the dashboard
reads; see core.registry.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .permissions import may_use_outreach
from .selectors import MEASURES, dashboard_rows


@dataclass(frozen=True)
class Panel:
    key: str
    title: object
    data: Callable
    visible: Callable | None = None
    order: int = 60
    template: str = ""


def _data(request, filters=None) -> dict:
    return {
        "columns": [str(_("Campaign")), *[str(label) for _key, label in MEASURES]],
        "rows": dashboard_rows(),
    }


PANEL = Panel(
    key="outreach.campaigns",
    title=_("Campaigns"),
    data=_data,
    visible=lambda request: may_use_outreach(request.user),
)
