"""The production web processes start from docker/gunicorn.conf.py as the image runs them: several
workers for pages (WSGI) and for websockets (ASGI), readiness through them, metrics summed over the
workers, and a clean stop on SIGTERM."""

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).parent / "gunicorn"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(port, path):
    # Generous: on a loaded CI machine a fresh worker's first readiness check (database, Redis) is slow.
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:  # noqa: S310
        return response.status, response.read().decode()


@pytest.fixture
def production_server(tmp_path):
    started = []

    def start(role, workers=2):
        port = _free_port()
        env = {
            **os.environ,
            "PYTHONPATH": f"{ROOT}:{ROOT / 'site'}",
            "DJANGO_SETTINGS_MODULE": "kafaat.settings.production",
            "DJANGO_SECRET_KEY": "test-production-server-" + "k" * 40,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            # A database of its own (readiness runs SELECT 1): the scaled pass's DATABASE_URL names a
            # database the test run never creates. Redis, when set, is the real one.
            "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
            "STATIC_ROOT": str(tmp_path / "static"),
            "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / f"metrics-{role}"),
            "KAFAAT_WEB_ROLE": role,
            "WEB_CONCURRENCY": str(workers),
            "BIND": f"127.0.0.1:{port}",
        }
        process = subprocess.Popen(  # noqa: S603 — our own server with our own configuration
            [str(GUNICORN), "-c", str(ROOT / "docker" / "gunicorn.conf.py")],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: the teardown stops the workers with it
        )
        started.append(process)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                _get(port, "/healthz")
                return process, port
            except OSError:
                if process.poll() is not None:
                    raise AssertionError(process.stdout.read().decode()) from None
                time.sleep(0.3)
        raise AssertionError("the server did not answer within 120 s")

    yield start
    for process in started:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def _children(pid):
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True)  # noqa: S607
    return [int(line) for line in out.stdout.split()]


@pytest.mark.parametrize("role", ["http", "websocket"])
def test_each_role_runs_several_workers_reports_ready_and_stops_cleanly(production_server, role):
    process, port = production_server(role, workers=2)
    assert len(_children(process.pid)) == 2
    status, body = _get(port, "/readyz")
    assert status == 200 and '"ready": true' in body

    for _ in range(12):
        _get(port, "/healthz")
    status, metrics = _get(port, "/metrics")
    counts = re.findall(
        r'kafaat_http_request_duration_seconds_count\{method="GET",status="2xx",view="healthz"\} ([\d.]+)',
        metrics,
    )
    # Twelve requests, whichever worker answered each: the multiprocess registry sums them.
    assert counts and float(counts[0]) >= 12

    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=40) == 0
