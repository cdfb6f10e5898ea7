from celery import shared_task


@shared_task(name="referential_batch_import")
def batch_import(batch_id: int) -> None:
    """Import one batch (see services.batch_import_run): idempotent, resumes after a crash."""
    from .services import batch_import_run  # services queue this task

    batch_import_run(batch_id)


@shared_task(name="referential_imports_resume")
def imports_resume() -> list[int]:
    """Beat: imports whose worker died or whose queued task was lost go on (services.imports_resume)."""
    from .services import imports_resume as resume  # services queue this module's tasks

    return resume()
