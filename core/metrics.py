"""What the platform counts for Prometheus. Apps import the metric they feed; the wiring serves them.

Under several worker processes, prometheus_client's multiprocess mode (PROMETHEUS_MULTIPROC_DIR set
before start) sums the processes' files at scrape time.
"""

import time

from prometheus_client import Counter, Gauge, Histogram

REQUEST_LATENCY = Histogram(
    "kafaat_http_request_duration_seconds",
    "Time to answer an HTTP request, by view (route name, never the path with its ids).",
    ["view", "method", "status"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
TASK_DURATION = Histogram(
    "kafaat_task_duration_seconds",
    "Time a Celery task ran.",
    ["task"],
    buckets=(0.05, 0.25, 1, 5, 30, 120, 600, 3600),
)
TASK_FAILURES = Counter("kafaat_task_failures_total", "Celery tasks that raised.", ["task"])
WEBSOCKET_CONNECTIONS = Gauge(
    "kafaat_websocket_connections", "Open websocket connections.", multiprocess_mode="livesum"
)
MESSAGES_DELIVERED = Counter(
    "kafaat_messages_delivered_total", "Chat messages stored and sent to their conversation."
)


def _view_label(request) -> str:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "unresolved"
    return match.view_name or getattr(match.func, "__name__", "view")


class RequestMetricsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        REQUEST_LATENCY.labels(
            view=_view_label(request), method=request.method, status=f"{response.status_code // 100}xx"
        ).observe(time.perf_counter() - started)
        return response


_task_started: dict[str, float] = {}


def task_prerun(task_id: str) -> None:
    _task_started[task_id] = time.perf_counter()


def task_postrun(task_id: str, name: str, failed: bool) -> None:
    started = _task_started.pop(task_id, None)
    if started is not None:
        TASK_DURATION.labels(task=name).observe(time.perf_counter() - started)
    if failed:
        TASK_FAILURES.labels(task=name).inc()
