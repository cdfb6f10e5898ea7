"""The mixed population of the load scenario (bench/load/run.py starts locust on this file).

- Visitor: reads the home page, a programme, a news article and the events list in fr, ar or en.
- Member: signs in (no second factor: members need none), then searches the directory, opens the
  suggestions of their profile, answers the popular event (small capacity, every member on the same
  session, some change their mind), reads their notifications and pages.
- Chatter: signs in, opens the websocket of their room (ten members each) on the websocket server,
  sends a message every few seconds until LOAD_SEND_UNTIL and reads every message of the room; each
  receipt at another member's socket gives a delivery latency (send to receipt, one clock: one process).

Environment (set by run.py): LOAD_SCENARIO (prepare.py's JSON), LOAD_WS (host:port of the websocket
server), LOAD_SEND_UNTIL (unix time), LOAD_OUT (where every request's timing and the chat figures go
at the end; bench/load/figures.py reads them).
"""

import http.cookiejar
import itertools
import json
import os
import random
import re
import sys
import time
from pathlib import Path

import gevent
import websocket
from locust import FastHttpUser, between, events, task

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from directory import CITIES, SKILLS  # noqa: E402

# Production marks its cookies Secure: a browser reaches it through the TLS proxy. Here the clients
# talk plain HTTP to the servers on loopback, as the proxy does, so they send Secure cookies anyway.
http.cookiejar.DefaultCookiePolicy.return_ok_secure = lambda policy, cookie, request: True

PLAN = json.loads(Path(os.environ["LOAD_SCENARIO"]).read_text())
WS_HOST = os.environ["LOAD_WS"]
SEND_UNTIL = float(os.environ["LOAD_SEND_UNTIL"])
LANGUAGES = ("fr", "ar", "en")
EVENT = PLAN["event"]
WORDS = ["engineer", "data", "consultant", "santé", "عمر", "finance", "énergie", "Alaoui"]

# Accounts: chatters take them from the first (rooms are ten consecutive accounts), members from the last.
_chatters = itertools.count(0)
_members = itertools.count(PLAN["members"] - 1, -1)

# Chat bookkeeping, shared by every greenlet of this one process.
SENT = []  # (room, sender, number, sent at)
CLIENTS = []  # each Chatter's record: room, index, opened, closed, received {"sender:number": count}
LATENCIES = []  # (sent at, seconds to the receipt at another member's socket)
CHAT = {"acked": 0, "errors": 0, "connect_failures": 0}
REQUESTS = []  # (at, type, name, milliseconds, HTTP status, error)


@events.request.add_listener
def _record(request_type, name, response_time, response=None, exception=None, **kwargs):
    status = getattr(response, "status_code", None) if response is not None else None
    error = None if exception is None else repr(exception)[:200]
    REQUESTS.append((time.time(), request_type, name, round(response_time, 1), status, error))


_addresses = itertools.count(1)


class _Person(FastHttpUser):
    """Each simulated person comes from an address of their own, which the proxy in front of the
    servers passes on in X-Forwarded-For: per-address limits such as allauth's 30 sign-ins a minute
    then apply per person (production's TRUSTED_PROXY_COUNT, 1 by default, reads that hop)."""

    abstract = True

    def __init__(self, *args, **kwargs):
        number = next(_addresses)
        self.default_headers = {"X-Forwarded-For": f"10.20.{number // 250}.{number % 250 + 1}"}
        super().__init__(*args, **kwargs)


class _Signed(_Person):
    abstract = True
    index = None

    def sign_in(self):
        self.language = random.choice(LANGUAGES)  # noqa: S311
        path = f"/{self.language}/accounts/login/"
        self.client.get(path, name="sign-in form")
        token = next((c.value for c in self.client.cookiejar if c.name == "csrftoken"), "")
        with self.client.post(
            path,
            data={
                "login": PLAN["email"].format(self.index),
                "password": PLAN["password"],
                "csrfmiddlewaretoken": token,
            },
            headers={"Referer": f"{self.host}{path}"},
            name="sign-in",
            catch_response=True,
        ) as response:
            if "/accounts/login/" in (response.url or ""):
                response.failure("still on the sign-in page")

    def cookie_header(self):
        return "; ".join(f"{c.name}={c.value}" for c in self.client.cookiejar)

    def csrf(self):
        return next((c.value for c in self.client.cookiejar if c.name == "csrftoken"), "")


class Visitor(_Person):
    weight = 6
    wait_time = between(3, 10)

    def on_start(self):
        self.language = random.choice(LANGUAGES)  # noqa: S311

    def _page(self, kind):
        path = PLAN["pages"][self.language].get(kind)
        if path:
            self.client.get(path, name=kind)

    @task(3)
    def home(self):
        self._page("home")

    @task(2)
    def programmes(self):
        self._page("programmes")

    @task(2)
    def news(self):
        self._page("news")

    @task(2)
    def events_list(self):
        self._page("events")

    @task(1)
    def popular_event(self):
        self.client.get(f"/{self.language}/events/{EVENT['id']}/", name="event")


class Member(_Signed):
    weight = 3
    wait_time = between(3, 10)

    def on_start(self):
        self.index = next(_members)
        self.going = False
        self.sign_in()

    @task(3)
    def directory(self):
        params = {"q": random.choice(WORDS)}  # noqa: S311
        if random.random() < 0.5:  # noqa: S311
            params["skill"] = random.choice(SKILLS)  # noqa: S311
        else:
            params["city"] = random.choice(CITIES)  # noqa: S311
        self.client.get(f"/{self.language}/community/members/", params=params, name="directory search")

    @task(2)
    def suggestions(self):
        self.client.get(f"/{self.language}/matching/me/", name="suggestions")

    @task(2)
    def notifications(self):
        self.client.get(f"/{self.language}/community/notifications/", name="notifications")

    @task(2)
    def rsvp(self):
        session = f"/{self.language}/events/{EVENT['id']}/s/{EVENT['session']}/"
        self.client.get(session, name="event session")
        if self.going and random.random() > 0.2:  # noqa: S311 (most keep their place)
            return
        status = "not_going" if self.going else "going"
        self.client.post(
            f"{session}rsvp/",
            data={"status": status, "csrfmiddlewaretoken": self.csrf()},
            headers={"Referer": f"{self.host}{session}"},
            name="rsvp",
        )
        self.going = not self.going

    @task(1)
    def home(self):
        self.client.get(f"/{self.language}/", name="home")


class Chatter(_Signed):
    weight = 1
    wait_time = between(4, 8)

    def on_start(self):
        self.index = next(_chatters)
        self.room = PLAN["rooms"][self.index // PLAN["room_size"]]
        self.number = 0
        self.record = {"room": self.room, "index": self.index, "opened": None, "closed": None, "received": {}}
        CLIENTS.append(self.record)
        self.sign_in()
        started = time.time()
        try:
            self.socket = websocket.create_connection(
                f"ws://{WS_HOST}/ws/messages/{self.room}/?lang={self.language}",
                origin=self.host,
                cookie=self.cookie_header(),
                timeout=30,
            )
        except Exception as error:  # noqa: BLE001 — counted as a failure of the connection
            self.socket = None
            CHAT["connect_failures"] += 1
            events.request.fire(
                request_type="WS",
                name="chat connect",
                response_time=(time.time() - started) * 1000,
                response_length=0,
                exception=error,
            )
            return
        self.socket.settimeout(None)
        self.record["opened"] = time.time()
        events.request.fire(
            request_type="WS",
            name="chat connect",
            response_time=(time.time() - started) * 1000,
            response_length=0,
            exception=None,
        )
        self.reader = gevent.spawn(self._read)

    def _read(self):
        received = self.record["received"]
        try:
            while True:
                raw = self.socket.recv()
                now = time.time()
                if not raw:
                    break
                data = json.loads(raw)
                kind = data.get("type")
                if kind == "message":
                    match = re.fullmatch(r"L:(\d+):(\d+):([\d.]+)", data["message"].get("body", ""))
                    if not match:
                        continue
                    key = f"{match[1]}:{match[2]}"
                    received[key] = received.get(key, 0) + 1
                    if int(match[1]) != self.index and received[key] == 1:
                        LATENCIES.append((float(match[3]), now - float(match[3])))
                elif kind == "sent":
                    CHAT["acked"] += 1
                elif kind == "error":
                    CHAT["errors"] += 1
        except Exception:  # noqa: BLE001, S110 — the socket closed (at the end, or the server closed it)
            pass
        if self.record["closed"] is None:
            self.record["closed"] = time.time()

    @task
    def send(self):
        if self.socket is None or time.time() > SEND_UNTIL:
            return
        self.number += 1
        sent = time.time()
        body = f"L:{self.index}:{self.number}:{sent:.6f}"
        try:
            self.socket.send(json.dumps({"type": "send", "body": body, "client_id": str(self.number)}))
        except Exception:  # noqa: BLE001
            CHAT["errors"] += 1
            return
        SENT.append((self.room, self.index, self.number, sent))

    def on_stop(self):
        if getattr(self, "socket", None) is not None:
            self.record["closed"] = self.record["closed"] or time.time()
            self.socket.close()


@events.test_stopping.add_listener
def _stopping(environment, **kwargs):
    """Locust stops users right after this: note when the sockets stop counting."""
    now = time.time()
    for record in CLIENTS:
        if record["opened"] and record["closed"] is None:
            record["closed"] = now


@events.quitting.add_listener
def _write(environment, **kwargs):
    Path(os.environ["LOAD_OUT"]).write_text(
        json.dumps({"requests": REQUESTS, "sent": SENT, "clients": CLIENTS, "latencies": LATENCIES, **CHAT})
    )
