"""Page serving benchmark: ordinary pages per server and worker count, on the demo data.

    .venv/bin/python bench/pages.py [--servers wsgi,uvicorn,daphne] [--workers 1,2] [--duration 20]
                                    [--connections 8] [--postgres] [--reuse]

Seeds the demo content (``seed_demo``) into a throwaway database (SQLite under var/bench/, or with
--postgres the database kafaat_pages_bench), collects the static files, then for each server and worker
count starts the production settings (DEBUG off) on a free port and drives the French home page, a
programme page, the member directory and an event page with wrk (Debian's package, installed if
missing): requests per second, p50 and p99 latency at ``--connections`` concurrent connections.

Servers: "wsgi" is gunicorn with threaded workers on kafaat.wsgi (the production page servers);
"uvicorn" is gunicorn with uvicorn workers on kafaat.asgi (the production websocket servers, also able
to serve pages); "daphne" is one daphne process (``make serve``).
Targets (issue 20): >= 40 requests/s per worker for a programme page, p99 <= 4x p50 at 8 connections.
"""

import argparse
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from benchdb import fresh_database, sqlite_url  # noqa: E402

BIN = Path(sys.executable).parent
PG_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/kafaat_pages_bench")
STATIC = ROOT / "var" / "bench" / "pages-static"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _env(database_url):
    return {
        **os.environ,
        "PYTHONPATH": f"{ROOT}:{ROOT / 'site'}",
        "DJANGO_SETTINGS_MODULE": "kafaat.settings.production",
        "DJANGO_SECRET_KEY": "bench-pages-not-secret-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "False",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(STATIC),
        "MEDIA_ROOT": str(ROOT / "var" / "bench" / "pages-media"),
        "LOG_LEVEL": "ERROR",
    }


def _manage(env, *args, capture=False):
    return subprocess.run(  # noqa: S603 — our own manage.py with our own arguments
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        check=True,
        text=True,
        capture_output=capture,
    )


def prepare(database_url, reuse):
    env = _env(database_url)
    _manage(env, "migrate", "--no-input", "-v0")  # a reused database still gets the new migrations
    if not reuse:
        started = time.perf_counter()
        _manage(env, "seed_demo", capture=True)
        print(f"  demo seeded in {time.perf_counter() - started:.0f} s")
    _manage(env, "collectstatic", "--no-input", "-v0")
    probe = (
        "from cms.models import ProgrammePage; from events.models import Event; "
        "p = ProgrammePage.objects.live().filter(locale__language_code='fr').first(); "
        "e = Event.objects.filter(visibility='public').first(); "
        "print('PAGE', p.url); print('PAGE', f'/fr/events/{e.pk}/' if e else '')"
    )
    lines = _manage(env, "shell", "-c", probe, capture=True).stdout.splitlines()
    out = [line.split()[1] for line in lines if line.startswith("PAGE ") and len(line.split()) > 1]
    pages = {"home": "/fr/", "programme": out[0], "directory": "/fr/community/members/"}
    if len(out) > 1:
        pages["event"] = out[1]
    return env, pages


def _command(server, workers, port):
    bind = f"127.0.0.1:{port}"
    if server == "daphne":
        return [str(BIN / "daphne"), "-b", "127.0.0.1", "-p", str(port), "kafaat.asgi:application"]
    role = "websocket" if server == "uvicorn" else "http"
    return [
        str(BIN / "gunicorn"),
        "-c",
        str(ROOT / "docker" / "gunicorn.conf.py"),
        "--bind",
        bind,
        "--workers",
        str(workers),
    ], role


def _wait(port, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):  # noqa: S310
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("server did not start")


def _wrk(url, duration, connections):
    out = subprocess.run(  # noqa: S603
        ["/usr/bin/wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", url],
        check=True,
        text=True,
        capture_output=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def percentile(p):
        value, unit = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rate, percentile(50), percentile(99), int(errors.group(1)) if errors else 0


def measure(env, pages, server, workers, duration, connections):
    port = _free_port()
    command = _command(server, workers, port)
    run_env = dict(env)
    if isinstance(command, tuple):
        command, role = command
        run_env["KAFAAT_WEB_ROLE"] = role
    process = subprocess.Popen(  # noqa: S603 — our own server command
        command, env=run_env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        _wait(port)
        for path in pages.values():  # warm caches and imports; each worker gets a few
            for _ in range(4 * workers):
                urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30).read()  # noqa: S310
        for name, path in pages.items():
            rate, p50, p99, errors = _wrk(f"http://127.0.0.1:{port}{path}", duration, connections)
            ratio = p99 / p50 if p50 else 0
            print(
                f"  {server:7} {workers} worker(s)  {name:10} {rate:7.1f} req/s"
                f"  ({rate / workers:5.1f} per worker)"
                f"  p50 {p50:7.1f} ms  p99 {p99:7.1f} ms  p99/p50 {ratio:4.1f}"
                + (f"  NON-2xx: {errors}" if errors else ""),
                flush=True,
            )
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            process.kill()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--servers", default="wsgi,uvicorn,daphne")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--duration", type=int, default=20)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--reuse", action="store_true", help="keep the database seeded by a previous run")
    args = parser.parse_args()
    subprocess.run([str(ROOT / "scripts" / "ensure-debian-packages"), "/usr/bin/wrk:wrk"], check=True)  # noqa: S603
    backend = "postgres" if args.postgres else "sqlite"
    if args.reuse:
        url = PG_URL if args.postgres else sqlite_url("pages")
    else:
        url = fresh_database(backend, sqlite_name="pages", postgres_url=PG_URL)
    print(f"{backend}: preparing the demo data")
    env, pages = prepare(url, args.reuse)
    print(f"  pages: {pages}")
    print(f"  load: {os.getloadavg()[0]:.1f} (1-minute average before the runs), {os.cpu_count()} CPUs")
    for server in args.servers.split(","):
        for workers in [int(w) for w in args.workers.split(",")]:
            if server == "daphne" and workers > 1:
                continue
            measure(env, pages, server, workers, args.duration, args.connections)


if __name__ == "__main__":
    main()
