from celery import shared_task

from .aggregates import aggregates_compute


@shared_task(name="dashboard_aggregates_compute")
def dashboard_aggregates_compute_task() -> int:
    """Daily (celery beat): the unfiltered dashboard's figures, in every language and period. Idempotent."""
    return aggregates_compute()
