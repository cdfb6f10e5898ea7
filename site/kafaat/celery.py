import os

from celery import Celery, Task
from celery.signals import before_task_publish, task_postrun, task_prerun, worker_ready
from kombu.exceptions import OperationalError

from core import metrics, requestid

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kafaat.settings.dev")



class DeferrableTask(Task):
    """A task that the broker cannot take right now (Redis restarting) is kept in the database and sent
    when it is back, instead of failing the request that queued it."""

    def apply_async(self, args=None, kwargs=None, **options):
        try:
            return super().apply_async(args, kwargs, **options)
        except OperationalError as error:
            if self.app.conf.task_always_eager:
                raise
            # core's models load with Django's apps, after this module.
            from core.tasks import task_defer  # noqa: PLC0415

            task_defer(self.name, args, kwargs, options, error)
            return None


app = Celery("kafaat", task_cls=DeferrableTask)
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


@worker_ready.connect
def _send_deferred_tasks(sender=None, **kwargs):
    app.send_task("deferred_tasks_send")
