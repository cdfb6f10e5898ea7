"""Mixed load on the production servers: visitors, members, chat and an analyst's import at once.

    make bench-load [ARGS="--users 300 --duration 600 --workers 1,2"]
    .venv/bin/python bench/load/run.py [--users 300] [--duration 600] [--workers 1] [--reuse] ...

Set-up (bounded: seed_demo once, then a copy per run):
- the base PostgreSQL database (BENCH_LOAD_POSTGRES_URL, default kafaat_load_bench) gets the demo
  content (bench/pages.py's prepare: migrate, seed_demo, collectstatic) and --members signed-up
  members with a known password and chat rooms (prepare.py members); --reuse keeps it;
- each run works on a copy of it (CREATE DATABASE ... TEMPLATE), so every run starts from the same
  rows: a fresh popular event of --capacity places, an analyst's source (prepare.py scenario).
Servers, as the Docker image runs them (docker/gunicorn.conf.py) with Redis (--redis-url: cache,
channel layer, Celery broker; its database is emptied at the start of each run): gunicorn "http"
(threaded workers, kafaat.wsgi) for pages and gunicorn "websocket" (uvicorn workers, kafaat.asgi)
for /ws/, each with --workers processes, and a Celery worker (--celery-concurrency, compose.yaml's 2).
Load: locust headless on loopback (locustfile.py) for --duration seconds with --users users, and
analyst.py importing --rows rows then running linkage on the Celery worker meanwhile.
Prints requests/s, errors (5xx apart), page p50/p95/p99 per kind (whole run and while the import
ran), chat delivery p50/p99, messages sent/stored/delivered, the popular event's answers against its
capacity (sampled every 2 s and at the end), import rows/s, CPU per process and the first resource
to saturate. Figures also go to var/bench/load/result-w<N>.json.
"""

import argparse
import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import psutil
import psycopg

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT / "bench"), str(HERE)]

import pages  # noqa: E402  (bench/pages.py: database preparation and server commands)
from benchdb import fresh_database  # noqa: E402
from figures import report  # noqa: E402

BIN = Path(sys.executable).parent
PG_URL = os.environ.get("BENCH_LOAD_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/kafaat_load_bench")
OUT = ROOT / "var" / "bench" / "load"


def _psql(url):
    return psycopg.connect(url.replace("postgres://", "postgresql://"), autocommit=True)


def _exists(url):
    base, name = url.rsplit("/", 1)
    with _psql(f"{base}/postgres") as connection:
        return connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()


def _copy(base_url, run_url):
    """The run's database: a file-level copy of the prepared one (seconds, not a new seed)."""
    base, name = base_url.rsplit("/", 1)
    copy = run_url.rsplit("/", 1)[1]
    with _psql(f"{base}/postgres") as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{copy}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{copy}" TEMPLATE "{name}"')


def _python(env, *args):
    subprocess.run([sys.executable, *args], env=env, check=True, cwd=ROOT)  # noqa: S603


def prepare_base(args):
    if args.reuse and _exists(PG_URL):  # new migrations only; the static files of the last run
        env = pages._env(PG_URL)
        pages._manage(env, "migrate", "--no-input", "-v0")
        if not (pages.STATIC / "staticfiles.json").exists():
            pages._manage(env, "collectstatic", "--no-input", "-v0")
        return
    url = fresh_database("postgres", sqlite_name="unused", postgres_url=PG_URL)
    print("base database: demo content")
    env, _pages = pages.prepare(url, reuse=False)
    _python(env, str(HERE / "prepare.py"), "members", str(args.members))


def _start(command, env, name):
    log = open(OUT / f"{name}.log", "w")  # noqa: SIM115 (closed with the process)
    process = subprocess.Popen(  # noqa: S603
        command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    process.log = log
    return process


def _stop(process, timeout=40):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    process.log.close()


class Sampler(threading.Thread):
    """Every 2 s: CPU of each process group (% of one core), the machine's CPU and memory, and the
    popular event's answers "going" (to see whether it ever went over its capacity)."""

    def __init__(self, groups, database_url, event_id):
        super().__init__(daemon=True)
        self.groups, self.database_url, self.event_id = groups, database_url, event_id
        self.samples, self.stopping = [], threading.Event()
        self.database = database_url.rsplit("/", 1)[1]

    def _processes(self):
        found = {}
        for name, root in self.groups.items():
            try:
                parent = psutil.Process(root.pid)
                found[name] = [parent, *parent.children(recursive=True)]
            except psutil.NoSuchProcess:
                found[name] = []
        found["postgres (this database)"] = [
            p
            for p in psutil.process_iter(["name", "cmdline"])
            if p.info["name"] == "postgres" and any(self.database in part for part in p.info["cmdline"] or [])
        ]
        found["redis-server (shared)"] = [
            p for p in psutil.process_iter(["name"]) if p.info["name"] == "redis-server"
        ]
        return found

    def run(self):
        going = (
            "SELECT count(*) FROM events_rsvp r JOIN events_occurrence o ON o.id = r.occurrence_id "
            "WHERE o.event_id = %s AND r.status = 'going'"
        )
        psutil.cpu_percent()
        known = {}  # pid -> Process: cpu_percent() measures since the previous call on the same object
        with _psql(self.database_url) as connection:
            while not self.stopping.wait(2):
                sample = {"t": time.time(), "cpu": psutil.cpu_percent(), "load": os.getloadavg()[0]}
                sample["memory_used"] = psutil.virtual_memory().percent
                for name, processes in self._processes().items():
                    per_process = []
                    for p in processes:
                        fresh = p.pid not in known
                        p = known.setdefault(p.pid, p)
                        with contextlib.suppress(psutil.Error):
                            share = p.cpu_percent()
                            if not fresh:  # a process's first reading has nothing to compare with
                                per_process.append(share)
                    sample[name] = {"total": sum(per_process), "max": max(per_process, default=0)}
                sample["going"] = connection.execute(going, [self.event_id]).fetchone()[0]
                self.samples.append(sample)


def _wait_ready(port):
    pages._wait(port, timeout=120)


def run_once(args, workers, base_env):
    run_url = f"{PG_URL}_run"
    _copy(PG_URL, run_url)
    env = {
        **base_env,
        **pages._env(run_url),
        "DJANGO_SETTINGS_MODULE": "kafaat.settings.production",  # behind one proxy: TRUSTED_PROXY_COUNT 1
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "site"), str(HERE)]),
        "REDIS_URL": args.redis_url,
        "MEDIA_ROOT": str(OUT / "media"),
        "PRIVATE_MEDIA_ROOT": str(OUT / "private"),
    }
    import redis

    redis.Redis.from_url(args.redis_url).flushdb()
    scenario = OUT / f"scenario-w{workers}.json"
    _python(env, str(HERE / "prepare.py"), "scenario", str(scenario), str(args.capacity), str(args.rows))
    plan = json.loads(scenario.read_text())

    http_port, ws_port = pages._free_port(), pages._free_port()
    http_cmd, _role = pages._command("wsgi", workers, http_port)
    ws_cmd, _role = pages._command("uvicorn", workers, ws_port)
    processes = {
        "web http (gunicorn gthread)": _start(http_cmd, {**env, "KAFAAT_WEB_ROLE": "http"}, "http"),
        "web websocket (gunicorn uvicorn)": _start(ws_cmd, {**env, "KAFAAT_WEB_ROLE": "websocket"}, "ws"),
        "celery worker": _start(
            [
                "nice",  # as docker/compose.yaml starts it: below the web servers in CPU priority
                "-n",
                "10",
                str(BIN / "celery"),
                "-A",
                "kafaat",
                "worker",
                "--loglevel=WARNING",
                f"--concurrency={args.celery_concurrency}",
                "--without-gossip",
                "--without-mingle",
            ],
            env,
            "celery",
        ),
    }
    try:
        _wait_ready(http_port)
        _wait_ready(ws_port)
        for language in ("fr", "ar", "en"):  # warm each worker's imports and the page cache
            for path in plan["pages"][language].values():
                if path:
                    for _ in range(2 * workers):
                        urllib.request.urlopen(f"http://127.0.0.1:{http_port}{path}", timeout=60).read()  # noqa: S310
        load_before = os.getloadavg()
        started = time.time()
        deadline = started + args.duration
        locust_out = OUT / f"locust-w{workers}.json"
        locust_env = {
            **os.environ,
            "LOAD_SCENARIO": str(scenario),
            "LOAD_WS": f"127.0.0.1:{ws_port}",
            "LOAD_SEND_UNTIL": str(deadline - 10),
            "LOAD_OUT": str(locust_out),
        }
        analyst_out = OUT / f"analyst-w{workers}.json"
        analyst_out.unlink(missing_ok=True)
        processes["analyst"] = _start(
            [
                sys.executable,
                str(HERE / "analyst.py"),
                str(scenario),
                str(analyst_out),
                str(min(30, args.duration / 6)),
                str(deadline),
            ],
            env,
            "analyst",
        )
        processes["locust"] = _start(
            [
                str(BIN / "locust"),
                "-f",
                str(HERE / "locustfile.py"),
                "--headless",
                "--only-summary",
                "-u",
                str(args.users),
                "-r",
                str(args.spawn_rate),
                "-t",
                f"{args.duration}s",
                "--stop-timeout",
                "5",
                "--host",
                f"http://127.0.0.1:{http_port}",
                "--loglevel",
                "WARNING",
            ],
            locust_env,
            "locust",
        )
        sampler = Sampler(processes, run_url, plan["event"]["id"])
        sampler.start()
        try:
            processes["locust"].wait(timeout=args.duration + 120)
            processes["analyst"].wait(timeout=60)
        except subprocess.TimeoutExpired:
            print("  locust or the analyst outlived the run: stopped", flush=True)
        sampler.stopping.set()
        sampler.join()
        with _psql(run_url) as connection:
            stored = connection.execute(
                "SELECT count(*), count(DISTINCT (conversation_id, body)) FROM messaging_message "
                "WHERE conversation_id = ANY(%s)",
                [plan["rooms"]],
            ).fetchone()
            going = connection.execute(
                "SELECT count(*) FROM events_rsvp r JOIN events_occurrence o ON o.id = r.occurrence_id "
                "WHERE o.event_id = %s AND r.status = 'going'",
                [plan["event"]["id"]],
            ).fetchone()[0]
            waitlisted = connection.execute(
                "SELECT count(*) FROM events_rsvp r JOIN events_occurrence o ON o.id = r.occurrence_id "
                "WHERE o.event_id = %s AND r.status = 'waitlisted'",
                [plan["event"]["id"]],
            ).fetchone()[0]
    finally:
        for name in list(processes)[::-1]:
            _stop(processes[name])
    figures = {
        "workers": workers,
        "users": args.users,
        "duration": args.duration,
        "cpus": os.cpu_count(),
        "load_before": load_before,
        "started": started,
        "deadline": deadline,
        "capacity": plan["event"]["capacity"],
        "going_end": going,
        "waitlisted_end": waitlisted,
        "stored": stored[0],
        "stored_distinct": stored[1],
        "locust": json.loads(locust_out.read_text()) if locust_out.exists() else {},
        "analyst": json.loads(analyst_out.read_text()) if analyst_out.exists() else {},
        "samples": sampler.samples,
    }
    (OUT / f"result-w{workers}.json").write_text(json.dumps(figures))
    return figures


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--users", type=int, default=300)
    parser.add_argument("--duration", type=int, default=600, help="seconds of load per run")
    parser.add_argument("--spawn-rate", type=float, default=10, help="users started per second")
    parser.add_argument("--workers", default="1", help="web worker processes per server, e.g. 1,2")
    parser.add_argument("--celery-concurrency", type=int, default=2)
    parser.add_argument("--members", type=int, default=400, help="signed-up members in the base database")
    parser.add_argument("--capacity", type=int, default=20, help="places of the popular event")
    parser.add_argument("--rows", type=int, default=50_000, help="rows of the analyst's file")
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7"))
    parser.add_argument("--reuse", action="store_true", help="keep the base database of a previous run")
    args = parser.parse_args()
    if args.users > args.members:
        parser.error("--members must be at least --users (each signed-in user takes an account)")
    OUT.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    prepare_base(args)
    print(f"set-up: {time.perf_counter() - started:.0f} s; load average {os.getloadavg()}")
    results = []
    for workers in [int(w) for w in args.workers.split(",")]:
        print(
            f"\n=== {workers} worker process(es) per server, {args.users} users, {args.duration} s",
            flush=True,
        )
        figures = run_once(args, workers, {})
        report(figures)
        results.append(figures)
    if len(results) > 1:
        print(
            "\nscaling (requests/s): "
            + ", ".join(f"{r['workers']} worker(s) {r['summary']['rps']:.1f}" for r in results)
        )


if __name__ == "__main__":
    main()
