"""Faults under load: Redis stopped, PostgreSQL refusing connections, while readers and a chatting
member keep using the production server. Prints errors, lost and duplicated writes, recovery times.

    .venv/bin/python bench/faults.py [--redis-outage 30] [--database-outage 10] [--readers 6]
                                     [--workers 2] [--reuse]

Seeds the demo (``seed_demo``) into the throwaway PostgreSQL database kafaat_faults_bench
(``BENCH_FAULTS_POSTGRES_URL``), starts a private redis-server on a free port (the site's cache,
channel layer and broker) and the production page server (gunicorn, ``docker/gunicorn.conf.py``) on
loopback. Readers request the home page, a programme page, the directory and an event page in turn;
four signed-in members post chat messages with unique bodies, each as often as the rate limit allows.
Each scenario runs 10 s of normal use, the fault, then 20 s after it:

- **redis**: the redis-server process is stopped for ``--redis-outage`` seconds, then started again
  (empty: it keeps nothing on disk, as after a restart);
- **database**: the bench database refuses new connections and its open ones are cut (as during a
  restart or fail-over) for ``--database-outage`` seconds. The machine's PostgreSQL server itself is
  shared, so it is not restarted.

Per scenario and phase (before / during / after): requests, 2xx-3xx, 503 (the translated retry page),
other 5xx, p50/p95 latency; then the chat messages the server accepted, refused, and how many of each
are stored (accepted must be stored once, refused never: nothing lost, nothing half-written); recovery:
seconds from the end of the fault to the first good page and until /readyz says ready.
"""

import argparse
import http.client
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "bench"), str(ROOT)]

from benchdb import fresh_database  # noqa: E402
from pages import _command, _free_port, _manage, _wait, prepare  # noqa: E402

from tests.faults.servers import RedisServer  # noqa: E402  (the fault tests' own redis-server starter)

PG_URL = os.environ.get("BENCH_FAULTS_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/kafaat_faults_bench")
PASSWORD = "bench-faults-" + "z" * 12
BEFORE, AFTER = 10, 20
WRITERS = 4
POST_EVERY = 3.2  # a member may send 20 messages a minute (MESSAGING_RATE_LIMIT)


@dataclass
class Sample:
    at: float
    status: int
    ms: float


@dataclass
class Log:
    pages: list = field(default_factory=list)
    posts: dict = field(default_factory=dict)  # body → status
    lock: threading.Lock = field(default_factory=threading.Lock)


def _request(port, method, path, *, body=None, headers=None, timeout=15):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read()
    except OSError:
        return 0, [], b""
    finally:
        connection.close()


class Member:
    """A member signed in through the real login form, posting to one conversation."""

    def __init__(self, port, email, conversation):
        self.port, self.conversation, self.cookies = port, conversation, {}
        self._get("/fr/accounts/login/")
        status, location = self._post("/fr/accounts/login/", {"login": email, "password": PASSWORD})
        if status != 302 or "/accounts/" in location:
            raise RuntimeError(f"the bench member could not sign in ({status} → {location})")

    def _headers(self, extra=None):
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        return {"Cookie": cookie, "Accept-Language": "fr", **(extra or {})}

    def _keep(self, headers):
        for name, value in headers:
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]

    def _get(self, path):
        status, headers, _body = _request(self.port, "GET", path, headers=self._headers())
        self._keep(headers)
        return status

    def _post(self, path, data):
        token = self.cookies.get("csrftoken", "")
        body = urlencode({**data, "csrfmiddlewaretoken": token})
        extra = {"Content-Type": "application/x-www-form-urlencoded", "X-CSRFToken": token}
        status, headers, _body = _request(self.port, "POST", path, body=body, headers=self._headers(extra))
        self._keep(headers)
        return status, dict((k.lower(), v) for k, v in headers).get("location", "")

    def say(self, body):
        """The status, 0 for no answer; a redirect to the sign-in page counts as refused (-1)."""
        status, location = self._post(f"/fr/community/messages/{self.conversation}/", {"body": body})
        return -1 if "/accounts/login/" in location else status


def _reader(port, paths, log, stop):
    index = 0
    while not stop.is_set():
        path = paths[index % len(paths)]
        index += 1
        started = time.monotonic()
        status, _headers, _body = _request(port, "GET", path)
        with log.lock:
            log.pages.append(Sample(started, status, (time.monotonic() - started) * 1000))


def _writer(member, log, stop, prefix):
    number = 0
    while not stop.is_set():
        number += 1
        body = f"{prefix} {number}"
        status = member.say(body)
        with log.lock:
            log.posts[body] = status
        time.sleep(POST_EVERY)


def _database_cut(url, allow):
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS {"true" if allow else "false"}')
        if not allow:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = %s AND pid <> pg_backend_pid()",
                [name],
            )


def _stored(url, prefix):
    with psycopg.connect(url) as db:
        rows = db.execute(
            "SELECT body, COUNT(*) FROM messaging_message WHERE body LIKE %s GROUP BY body", [prefix + "-%"]
        ).fetchall()
    return dict(rows)


def _percentile(values, share):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _recovery(port, since, deadline=120):
    """Seconds from ``since`` until a page answers 200, and until /readyz says ready."""
    page = ready = None
    while time.monotonic() - since < deadline and (page is None or ready is None):
        if page is None and _request(port, "GET", "/fr/", timeout=5)[0] == 200:
            page = time.monotonic() - since
        if ready is None and _request(port, "GET", "/readyz", timeout=5)[0] == 200:
            ready = time.monotonic() - since
        time.sleep(0.1)
    return page, ready


def scenario(name, port, paths, members, fault_on, fault_off, outage):
    log, stop = Log(), threading.Event()
    prefix = f"faults-{name}-{uuid.uuid4().hex[:8]}"
    threads = [threading.Thread(target=_reader, args=(port, paths, log, stop)) for paths in _split(paths)]
    threads += [
        threading.Thread(target=_writer, args=(m, log, stop, f"{prefix}-{i}")) for i, m in enumerate(members)
    ]
    start = time.monotonic()
    for thread in threads:
        thread.start()
    time.sleep(BEFORE)
    fault_at = time.monotonic()
    fault_on()
    time.sleep(outage)
    fault_off()
    back_at = time.monotonic()
    recovery = {}
    recover = threading.Thread(
        target=lambda: recovery.update(zip(("page", "ready"), _recovery(port, back_at), strict=True))
    )
    recover.start()
    time.sleep(AFTER)
    stop.set()
    for thread in [*threads, recover]:
        thread.join(timeout=60)
    return log, prefix, start, fault_at, back_at, recovery


def _split(paths):
    return [paths[i:] + paths[:i] for i in range(len(paths))]


def report(name, log, prefix, fault_at, back_at, recovery, database_url):
    phases = {"before": [], "during": [], "after": []}
    for sample in log.pages:
        phase = "before" if sample.at < fault_at else "during" if sample.at < back_at else "after"
        phases[phase].append(sample)
    print(f"\n{name}: outage {back_at - fault_at:.0f} s (a request counts in the phase it started in)")
    print("  phase    requests   2xx-3xx   503   other 5xx   no answer   p50 ms   p95 ms")
    for phase, samples in phases.items():
        good = sum(1 for s in samples if 200 <= s.status < 400)
        retry = sum(1 for s in samples if s.status == 503)
        server = sum(1 for s in samples if s.status >= 500 and s.status != 503)
        dropped = sum(1 for s in samples if s.status == 0)
        times = [s.ms for s in samples if 200 <= s.status < 400]
        print(
            f"  {phase:8} {len(samples):8} {good:9} {retry:5} {server:11} {dropped:11}"
            f" {_percentile(times, 0.5):8.0f} {_percentile(times, 0.95):8.0f}"
        )
    stored = _stored(database_url, prefix)
    accepted = [body for body, status in log.posts.items() if status in (200, 302)]
    refused = [body for body, status in log.posts.items() if status not in (200, 302)]
    lost = sum(1 for body in accepted if stored.get(body, 0) == 0)
    duplicated = sum(1 for count in stored.values() if count > 1)
    half = sum(1 for body in refused if stored.get(body, 0) > 0)
    statuses = sorted({status for status in log.posts.values()})
    print(
        f"  chat: {len(log.posts)} sent, {len(accepted)} accepted, {len(refused)} refused"
        f" (statuses {statuses}); lost {lost}, duplicated {duplicated},"
        f" refused but stored {half}"
    )
    page, ready = recovery.get("page"), recovery.get("ready")
    print(
        "  recovery after the fault ended: first good page "
        + (f"{page:.1f} s" if page is not None else "never")
        + ", /readyz ready "
        + (f"{ready:.1f} s" if ready is not None else "never")
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--redis-outage", type=int, default=30)
    parser.add_argument("--database-outage", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--reuse", action="store_true", help="keep the last bench database")
    args = parser.parse_args()

    url = PG_URL if args.reuse else fresh_database("postgres", sqlite_name="", postgres_url=PG_URL)
    env, pages = prepare(url, args.reuse)
    probe = (
        (
            "from community.messaging.models import Participant; "
            "from allauth.account.models import EmailAddress; "
            "seen = set(); "
            "rows = Participant.objects.filter(user__is_staff=False, conversation__kind='direct')"
            ".select_related('user').order_by('id'); "
            "chosen = [p for p in rows if not (p.user_id in seen or seen.add(p.user_id))][:WRITERS]; "
            "[(p.user.set_password(PASSWORD), p.user.save(), "
            # demo members may not have confirmed their address; the bench's writers have
            "EmailAddress.objects.update_or_create(user=p.user, email=p.user.email,"
            " defaults={'verified': True, 'primary': True}), "
            "print('MEMBER', p.user.email, p.conversation_id)) for p in chosen]"
        )
        .replace("WRITERS", str(WRITERS))
        .replace("PASSWORD", repr(PASSWORD))
    )
    lines = _manage(env, "shell", "-c", probe, capture=True).stdout.splitlines()
    writers = [line.split()[1:] for line in lines if line.startswith("MEMBER")]
    redis = RedisServer(_free_port(), ROOT / "var" / "bench")
    redis.start()
    port = _free_port()
    command, role = _command("wsgi", args.workers, port)
    run_env = {
        **env,
        "KAFAAT_WEB_ROLE": role,
        "REDIS_URL": f"redis://127.0.0.1:{redis.port}/0",
        "LOG_LEVEL": "WARNING",
    }
    server_log = ROOT / "var" / "bench" / "faults-server.log"
    server = subprocess.Popen(  # noqa: S603 — our own server command
        command, env=run_env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=server_log.open("wb")
    )
    load = open("/proc/loadavg").read().split()[:3]  # noqa: SIM115, PTH123
    print(
        f"load average at start: {' / '.join(load)}; {args.workers} page worker(s); server log: {server_log}"
    )
    try:
        _wait(port)
        paths = list(pages.values())
        for path in paths * 2:
            _request(port, "GET", path, timeout=30)
        members = [Member(port, email, conversation) for email, conversation in writers]
        results = scenario("redis", port, paths, members, redis.stop, redis.start, args.redis_outage)
        report("Redis stopped", *results[:2], *results[3:], url)
        results = scenario(
            "database",
            port,
            paths,
            members,
            lambda: _database_cut(url, allow=False),
            lambda: _database_cut(url, allow=True),
            args.database_outage,
        )
        report("PostgreSQL refusing connections", *results[:2], *results[3:], url)
    finally:
        _database_cut(url, allow=True)
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=40)
        except subprocess.TimeoutExpired:
            server.kill()
        if redis.process.poll() is None:
            redis.stop()
    print("load average at end: " + " / ".join(open("/proc/loadavg").read().split()[:3]))  # noqa: SIM115, PTH123


if __name__ == "__main__":
    main()
