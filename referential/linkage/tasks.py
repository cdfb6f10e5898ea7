from celery import shared_task


@shared_task(name="linkage_run")
def linkage_run_task(run_id: int) -> str:
    """Run a linkage over every source record and member account. Idempotent (a finished run stays)."""
    from .services import linkage_run_execute  # services queue this task

    return linkage_run_execute(run_id).status


@shared_task(name="linkage_runs_resume")
def linkage_runs_resume() -> list[int]:
    """Beat: runs whose worker died or whose task was lost start again (services.linkage_runs_resume)."""
    from .services import linkage_runs_resume as resume  # services queue this module's tasks

    return resume()
