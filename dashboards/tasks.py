from celery import shared_task

from .aggregates import aggregates_compute, aggregates_compute_narrowed, narrowed_values


@shared_task(name="dashboard_aggregates_compute")
def dashboard_aggregates_compute_task() -> int:
    """Daily (celery beat): the unfiltered dashboard's figures, in every language and period; then one
    task per value of each filter (country, region, sector, label). Idempotent."""
    stored = aggregates_compute()
    for name, value in narrowed_values():
        dashboard_aggregates_narrowed_task.delay(name, value)
    return stored


@shared_task(name="dashboard_aggregates_narrowed")
def dashboard_aggregates_narrowed_task(name: str, value: str) -> int:
    """The panels applying one filter value, in every language and period. Idempotent."""
    return aggregates_compute_narrowed(name, value)
