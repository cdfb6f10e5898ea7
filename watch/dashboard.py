"""The watch panel of the ministry's dashboard: accepted stories per distinction type (see core.registry)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .permissions import may_use_watch
from .selectors import dashboard_rows


@dataclass(frozen=True)
class Panel:
    key: str
    title: object
    data: Callable
    visible: Callable | None = None
    order: int = 65
    template: str = ""


def _data(request, filters=None) -> dict:
    return {"columns": [str(_("Distinction")), str(_("Stories")), str(_("People"))], "rows": dashboard_rows()}


PANEL = Panel(
    key="watch.distinctions",
    title=_("Information watch"),
    data=_data,
    visible=lambda request: may_use_watch(request.user),
)
