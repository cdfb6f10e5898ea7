"""gunicorn for Kafaat's production web processes, sized from the CPU count.

Two roles from one image, chosen by KAFAAT_WEB_ROLE:
- "http" (default): kafaat.wsgi with threaded workers for pages, files and JSON;
- "websocket": kafaat.asgi with uvicorn workers for /ws/ (the proxy routes that prefix there).
On SIGTERM workers finish their requests within graceful_timeout; uvicorn closes websockets with
1012 (service restart), and the chat page reconnects to another process and syncs what it missed.
"""

import os
import shutil
from pathlib import Path

from prometheus_client import multiprocess

# One BLAS thread per worker: there is a worker per core already, and matching's matrix products (a
# 100,000-row candidate matrix per project page) slow down when each worker's threads spin against the
# others' (bench/README.md, Matching). Set before the workers import numpy.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

role = os.environ.get("KAFAAT_WEB_ROLE", "http")
cpus = os.cpu_count() or 1
bind = os.environ.get("BIND", "0.0.0.0:8000")
if role == "websocket":
    wsgi_app = "kafaat.asgi:application"
    worker_class = "uvicorn_worker.UvicornWorker"
    workers = int(os.environ.get("WEB_CONCURRENCY", cpus))
else:
    wsgi_app = "kafaat.wsgi:application"
    worker_class = "gthread"
    workers = int(os.environ.get("WEB_CONCURRENCY", cpus))
    threads = int(os.environ.get("WEB_THREADS", 4))
graceful_timeout = int(os.environ.get("WEB_GRACEFUL_TIMEOUT", 30))
timeout = 60
keepalive = 5
# A worker is replaced after many requests, at a jittered moment, so slow leaks never add up.
max_requests = 5000
max_requests_jitter = 500
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = None  # the proxy logs requests; the app logs what happened, with the request id


def on_starting(server):
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if folder:  # metrics of a previous run would be summed with this one's
        shutil.rmtree(folder, ignore_errors=True)
        Path(folder).mkdir(parents=True, exist_ok=True)


def child_exit(server, worker):
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.mark_process_dead(worker.pid)
