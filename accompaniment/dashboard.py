"""The accompaniment panel of the ministry's dashboard (shape: see outreach/dashboard.py, core.registry)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .permissions import may_read_funnel
from .selectors import funnel


@dataclass(frozen=True)
class Panel:
    key: str
    title: object
    data: Callable
    visible: Callable | None = None
    order: int = 55
    template: str = ""


def _data(request, filters=None) -> dict:

    rows = funnel()["rows"]
    return {
        "columns": [
            str(_("Stage")),
            str(_("Cases now")),
            str(_("Reached")),
            str(_("Service-level breaches")),
        ],
        "rows": [[row.stage.name, row.current, row.reached, row.breaches] for row in rows],
    }


PANEL = Panel(
    key="accompaniment.funnel",
    title=_("Project accompaniment"),
    data=_data,
    visible=lambda request: may_read_funnel(request.user),
)
