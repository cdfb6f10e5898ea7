"""What an operator relies on: liveness and readiness with each dependency, Prometheus metrics, a request
id in every log line and in the tasks a request queues, and logs without personal data."""

import copy
import json
import logging
import logging.config

import pytest

from django.conf import settings as django_settings
from django.test import override_settings

from core import requestid
from kafaat.celery import _carry_request_id, _task_begins, _task_ends

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_touching_any_dependency(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok"


def test_readyz_reports_each_dependency_with_its_time(client):
    response = client.get("/readyz")
    body = response.json()
    assert response.status_code == 200 and body["ready"] is True
    assert set(body["checks"]) == {"database", "cache", "channel_layer", "broker"}
    for check in body["checks"].values():
        assert check["ok"] is True and check["ms"] >= 0
    if django_settings.CELERY_TASK_ALWAYS_EAGER:
        assert "eager" in body["checks"]["broker"]["note"]
    assert response["Cache-Control"].startswith("max-age=0")


def test_readyz_names_the_dependency_that_is_down_and_not_its_address(client):
    unreachable = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }
    with override_settings(CACHES=unreachable):
        response = client.get("/readyz")
    body = response.json()
    assert response.status_code == 503 and body["ready"] is False
    assert body["checks"]["cache"]["ok"] is False
    assert body["checks"]["database"]["ok"] is True
    assert "127.0.0.1" not in response.content.decode()


def test_metrics_count_requests_by_route_name_never_by_path(client):
    client.get("/fr/community/members/")
    client.get("/healthz")
    text = client.get("/metrics").content.decode()
    assert 'kafaat_http_request_duration_seconds_count{method="GET",status="2xx",view="healthz"}' in text
    assert "kafaat_websocket_connections" in text and "kafaat_task_queue_depth" in text
    assert "/fr/community" not in text


def test_metrics_with_a_token_answer_only_the_scraper(client, settings):
    settings.METRICS_TOKEN = "scrape-secret-123"
    assert client.get("/metrics").status_code == 403
    assert client.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 403
    assert client.get("/metrics", headers={"Authorization": "Bearer scrape-secret-123"}).status_code == 200


def test_every_response_carries_a_request_id_and_a_safe_one_is_kept(client):
    fresh = client.get("/healthz")["X-Request-ID"]
    assert len(fresh) == 32
    assert client.get("/healthz", headers={"X-Request-ID": "lb-4f2a9c1e"})["X-Request-ID"] == "lb-4f2a9c1e"
    forged = client.get("/healthz", headers={"X-Request-ID": "<script>alert(1)</script>"})["X-Request-ID"]
    assert "<" not in forged and len(forged) == 32


def test_log_lines_of_a_request_carry_its_id(client, caplog):
    # The console handler of settings.LOGGING applies the same filter; here it runs on the logger so that
    # caplog's own handler sees the result.
    logger, stamp = logging.getLogger("django.request"), requestid.RequestIdFilter()
    logger.addFilter(stamp)
    try:
        with caplog.at_level(logging.WARNING, logger="django.request"):
            response = client.get("/fr/community/this-page-does-not-exist/")
    finally:
        logger.removeFilter(stamp)
    assert response.status_code == 404
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    assert record.request_id == response["X-Request-ID"]
    assert "request_id" in django_settings.LOGGING["handlers"]["console"]["filters"]


def test_a_task_queued_by_a_request_logs_under_the_request_id():
    token = requestid.current.set("req-1234abcd")
    headers = {}
    try:
        _carry_request_id(headers=headers)
    finally:
        requestid.current.reset(token)
    assert headers == {"request_id": "req-1234abcd"}

    class Request:
        id = "task-id"
        request_id = "req-1234abcd"

    class Task:
        name = "demo"
        request = Request()

    task = Task()
    _task_begins(task_id="task-id", task=task)
    assert requestid.current.get() == "req-1234abcd"
    _task_ends(task_id="task-id", task=task, state="SUCCESS")
    assert requestid.current.get() == ""


def test_json_logs_hold_no_address_nor_phone_number(capsys):
    config = copy.deepcopy(django_settings.LOGGING)
    config["handlers"]["console"]["formatter"] = "json"
    config["handlers"]["console"]["stream"] = "ext://sys.stderr"
    logging.config.dictConfig(config)
    try:
        token = requestid.current.set("req-99887766")
        try:
            logging.getLogger("kafaat.test").warning(
                "invitation to %s (+212 6 61 23 45 67) failed at 2026-12-06 07:44:08", "amina@example.org"
            )
        finally:
            requestid.current.reset(token)
        line = capsys.readouterr().err.strip().splitlines()[-1]
    finally:
        logging.config.dictConfig(django_settings.LOGGING)
    record = json.loads(line)
    assert record["level"] == "WARNING" and record["request_id"] == "req-99887766"
    assert "amina@example.org" not in line and "61 23 45" not in line
    assert record["message"] == "invitation to [email] ([phone]) failed at 2026-12-06 07:44:08"
