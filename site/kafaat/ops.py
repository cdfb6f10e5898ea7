"""Operator endpoints: liveness, readiness with each dependency's timing, and Prometheus metrics.

They sit outside the language prefix and the session; none of them shows personal data.
"""

import hmac
import logging
import os
import time
import uuid

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest, multiprocess
from prometheus_client import REGISTRY as DEFAULT_REGISTRY
from prometheus_client.core import GaugeMetricFamily

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.http import HttpResponse, HttpResponseForbidden, JsonResponse
from django.views.decorators.cache import never_cache

from .celery import app as celery_app

log = logging.getLogger(__name__)


def healthz(request):
    """The process answers: nothing else is checked, so a dependency's outage never restarts it."""
    return HttpResponse("ok", content_type="text/plain")


def _database():
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache():
    key = f"readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    if cache.get(key) != "1":
        raise RuntimeError("value not read back")
    cache.delete(key)


def _channel_layer():
    layer = get_channel_layer()
    if layer is None:
        raise RuntimeError("no channel layer configured")

    async def round_trip():
        channel = await layer.new_channel("readyz.")
        await layer.send(channel, {"type": "readyz.ping"})
        message = await layer.receive(channel)
        if message.get("type") != "readyz.ping":
            raise RuntimeError("message not received back")

    async_to_sync(round_trip)()


def _broker():
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "eager: tasks run in the web process"
    with celery_app.connection_for_write() as connection:
        connection.ensure_connection(max_retries=1, timeout=2)
    return None


CHECKS = {"database": _database, "cache": _cache, "channel_layer": _channel_layer, "broker": _broker}


@never_cache
def readyz(request):
    """Ready to serve: every dependency reached, with its time. 503 names the one that failed (the
    exception's class only: messages can carry host names and credentials)."""
    results, ready = {}, True
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            note = check()
            results[name] = {"ok": True, "ms": round((time.perf_counter() - started) * 1000, 1)}
            if note:
                results[name]["note"] = note
        except Exception as error:  # noqa: BLE001 — any failure makes the instance not ready
            ready = False
            results[name] = {
                "ok": False,
                "ms": round((time.perf_counter() - started) * 1000, 1),
                "error": type(error).__name__,
            }
    return JsonResponse({"ready": ready, "checks": results}, status=200 if ready else 503)


class QueueDepthCollector:
    """Tasks waiting in the broker's default queue, read at scrape time (Redis lists)."""

    def collect(self):
        family = GaugeMetricFamily(
            "kafaat_task_queue_depth", "Tasks waiting in the broker queue.", labels=["queue"]
        )
        if not settings.CELERY_TASK_ALWAYS_EAGER:
            try:
                with celery_app.connection_for_read() as connection:
                    client = connection.channel().client
                    family.add_metric(["celery"], client.llen("celery"))
            except Exception:  # noqa: BLE001 — a broker outage shows as a missing sample, not a 500
                log.warning("queue depth not read", exc_info=True)
        yield family


def _registry():
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = DEFAULT_REGISTRY
    scrape = CollectorRegistry()
    scrape.register(_Merged(registry))
    scrape.register(QueueDepthCollector())
    return scrape


class _Merged:
    def __init__(self, registry):
        self.registry = registry

    def collect(self):
        yield from self.registry.collect()


@never_cache
def metrics(request):
    """Prometheus text format. With METRICS_TOKEN set, only a scraper presenting it as a bearer token."""
    token = getattr(settings, "METRICS_TOKEN", "")
    if token:
        given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), token.encode()):
            return HttpResponseForbidden("forbidden", content_type="text/plain")
    return HttpResponse(generate_latest(_registry()), content_type=CONTENT_TYPE_LATEST)
