import os

from celery import Celery
from celery.signals import before_task_publish, task_postrun, task_prerun

from core import metrics, requestid

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kafaat.settings.dev")

app = Celery("kafaat")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


# Tasks log under the request that queued them and report their duration and failures as metrics.
@before_task_publish.connect
def _carry_request_id(headers=None, **kwargs):
    if headers is not None:
        requestid.task_headers_add(headers)


@task_prerun.connect
def _task_begins(task_id=None, task=None, **kwargs):
    task._kafaat_request_token = requestid.task_started(task)
    metrics.task_prerun(task_id)


@task_postrun.connect
def _task_ends(task_id=None, task=None, state=None, **kwargs):
    metrics.task_postrun(task_id, task.name, failed=state == "FAILURE")
    token = getattr(task, "_kafaat_request_token", None)
    if token is not None:
        requestid.current.reset(token)
        task._kafaat_request_token = None
