"""The analyst of the load scenario, started by bench/load/run.py next to locust.

    python bench/load/analyst.py SCENARIO.json OUT.json DELAY DEADLINE

After DELAY seconds (the members' load is up), uploads a generated referential file of the scenario's
row count (bench/referential_import.py's generator), keeps the proposed mapping, commits it, which
queues the import on the Celery worker through Redis, and follows the batch as the progress page
does; then starts a linkage run (also on the worker) and follows it, until the unix time DEADLINE.
Writes what it saw to OUT.json. The analyst is a staff account (second factor required for the staff
pages), so it acts through the same services the upload, commit and linkage views call.
"""

import json
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "site"), str(ROOT / "bench")]


def main() -> None:
    scenario, out, delay, deadline = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
    import django

    django.setup()
    from referential_import import _csv

    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile

    from referential import services
    from referential.linkage.models import LinkageRun
    from referential.linkage.services import linkage_run_start
    from referential.models import ImportBatch, Source

    plan = json.loads(Path(scenario).read_text())
    user = get_user_model().objects.filter(pk=plan["analyst"]).first()
    source = Source.objects.get(pk=plan["source"])
    data = _csv(plan["rows"], random.Random(plan["source"]))  # noqa: S311 (bench data)
    result = {"rows": plan["rows"], "bytes": len(data)}
    time.sleep(delay)

    def save():
        Path(out).write_text(json.dumps(result, indent=2))

    started = time.time()
    batch = services.batch_upload(source=source, upload=SimpleUploadedFile("load.csv", data), user=user)
    services.batch_map(batch=batch, mapping=batch.mapping, user=user)
    result["upload_s"] = time.time() - started
    committed = time.time()
    services.batch_commit(batch=batch, user=user)
    running_at = None
    while time.time() < deadline:
        batch.refresh_from_db()
        if running_at is None and batch.status != ImportBatch.Status.QUEUED:
            running_at = time.time()
        if batch.status in (ImportBatch.Status.DONE, ImportBatch.Status.FAILED):
            break
        time.sleep(1)
    finished = time.time()
    result["import"] = {
        "status": batch.status,
        "processed": batch.processed_rows,
        "accepted": batch.accepted_rows,
        "rejected": batch.rejected_rows,
        "duplicates": batch.duplicate_rows,
        "queued_s": (running_at or finished) - committed,
        "seconds": finished - committed,
        "started_at": committed,
        "finished_at": finished,
    }
    save()
    if batch.status != ImportBatch.Status.DONE:
        return
    run = linkage_run_start(user)
    linked = time.time()
    while time.time() < deadline:
        run.refresh_from_db()
        if run.status in (LinkageRun.Status.DONE, LinkageRun.Status.FAILED):
            break
        time.sleep(1)
    result["linkage"] = {
        "status": run.status,
        "records": run.records,
        "pairs_scored": run.pairs_scored,
        "golden_records": run.golden_records,
        "seconds": time.time() - linked,
        "error": getattr(run, "error", "")[:300],
    }
    save()


if __name__ == "__main__":
    main()
