from celery import shared_task


@shared_task(name="referential_batch_import")
def batch_import(batch_id: int) -> None:
    """Import one batch (see services.batch_import_run): idempotent, resumes after a crash."""
    from .services import batch_import_run  # services queue this task

    batch_import_run(batch_id)
