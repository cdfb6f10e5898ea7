"""How long each kind of data is kept: one schedule, enforced by a daily beat task, shown to admins.

Apps register their rules from AppConfig.ready() (``retention_register``): this floor names no model
of the floors above. A rule deletes the rows of ``model`` whose ``date_field`` is older than ``days``,
narrowed by ``filters``; files stored on the deleted rows are deleted with them. A rule with ``purge``
keeps the rows and hands the due ones to ``purge(rows) -> int`` instead (e.g. delete a file, keep the
row that other rows point to); its ``filters`` must leave out what was already purged (idempotence).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps
from django.utils import timezone

_RULES: dict = {}


@dataclass(frozen=True)
class RetentionRule:
    key: str
    label: object  # a lazy translation
    model: str  # "app_label.ModelName"
    date_field: str
    days: int
    filters: dict = field(default_factory=dict)
    purge: Callable | None = None

    def due(self, now=None):
        now = now or timezone.now()
        model = apps.get_model(self.model)
        cutoff = now - datetime.timedelta(days=self.days)
        return model._default_manager.filter(**{f"{self.date_field}__lt": cutoff}, **self.filters)


def retention_register(rule: RetentionRule) -> None:
    _RULES[rule.key] = rule


def retention_rules() -> list[RetentionRule]:
    return sorted(_RULES.values(), key=lambda rule: rule.key)


def retention_enforce(now=None) -> dict[str, int]:
    """Delete what is past its time; returns the number of rows deleted per rule (idempotent).

    A queryset delete, on purpose: append-only models (the audit log) refuse a row's delete() and
    are purged only here. Files stored on the rows are deleted first.
    """
    deleted = {}
    for rule in retention_rules():
        rows = rule.due(now)
        if rule.purge is not None:
            deleted[rule.key] = rule.purge(rows)
            continue
        model = rows.model
        file_fields = [f.name for f in model._meta.concrete_fields if hasattr(f, "storage")]
        if file_fields:
            for row in rows.only("pk", *file_fields).iterator():
                for name in file_fields:
                    stored = getattr(row, name)
                    if stored:
                        stored.delete(save=False)
        _total, per_model = rows.delete()
        deleted[rule.key] = per_model.get(model._meta.label, 0)
    return deleted
