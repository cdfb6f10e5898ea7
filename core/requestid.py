"""One id per request, in every log line it causes and in the tasks it queues.

The id comes from the proxy's ``X-Request-ID`` when it looks like one (so a trace crosses the load
balancer), else a new one; the response carries it back. Celery tasks queued during the request get it
in their headers and log under it while they run.
"""

import contextvars
import logging
import re
import uuid

HEADER = "X-Request-ID"
_ACCEPTED = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
current = contextvars.ContextVar("request_id", default="")


def new_id() -> str:
    return uuid.uuid4().hex


def accepted(value: str | None) -> str:
    """The caller's id if it is safe to log and echo (no spaces, no markup, bounded), else a new one."""
    return value if value and _ACCEPTED.match(value) else new_id()


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = accepted(request.headers.get(HEADER))
        token = current.set(request_id)
        request.request_id = request_id
        try:
            response = self.get_response(request)
        finally:
            current.reset(token)
        response[HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record (empty outside a request or task)."""

    def filter(self, record):
        # Django logs 4xx answers after the middleware returned: the request it attaches still knows.
        attached = getattr(getattr(record, "request", None), "request_id", "")
        record.request_id = current.get() or attached
        return True


def task_headers_add(headers: dict) -> None:
    """For Celery's ``before_task_publish``: the queuing request's id travels with the task."""
    request_id = current.get()
    if request_id and "request_id" not in headers:
        headers["request_id"] = request_id


def task_started(task) -> contextvars.Token:
    """For Celery's ``task_prerun``: log the task under the request that queued it, or its own id."""
    request_id = getattr(task.request, "request_id", None) or (task.request.id or "")
    return current.set(str(request_id))
