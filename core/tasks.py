"""Tasks of the bottom floor."""

import logging

from celery import current_app, shared_task

from django.db import transaction

from .models import DeferredTask

log = logging.getLogger(__name__)

# Options that survive a trip through JSON and mean the same later; the rest (callbacks, connections)
# are dropped rather than guessed.
KEPT_OPTIONS = ("queue", "priority", "countdown", "expires", "eta")


def task_defer(name: str, args, kwargs, options: dict, error: Exception) -> DeferredTask:
    kept = {key: options[key] for key in KEPT_OPTIONS if options.get(key) is not None}
    if "eta" in kept and hasattr(kept["eta"], "isoformat"):
        kept["eta"] = kept["eta"].isoformat()
    return DeferredTask.objects.create(
        name=name,
        args=list(args or []),
        kwargs=dict(kwargs or {}),
        options=kept,
        error=type(error).__name__,
    )


@shared_task(name="deferred_tasks_send")
def deferred_tasks_send(limit: int = 1000) -> int:
    """Send again what the broker refused, oldest first; stop at the first refusal (still down)."""
    sent = 0
    with transaction.atomic():
        waiting = list(DeferredTask.objects.select_for_update(skip_locked=True).order_by("id")[:limit])
        for deferred in waiting:
            try:
                current_app.send_task(deferred.name, deferred.args, deferred.kwargs, **deferred.options)
            except Exception:  # noqa: BLE001 — the broker is still away: keep the rest for the next run
                log.warning("broker still unreachable; %s tasks wait", len(waiting) - sent)
                break
            deferred.delete()
            sent += 1
    return sent
