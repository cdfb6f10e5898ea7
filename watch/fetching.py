"""Polite fetching: robots.txt, one request per host per interval, timeouts, size caps, few redirects.

Every rule fails closed for that one URL (an exception the caller records against the source), never
for the others: a slow or hostile host costs its own source a failure and a back-off, nothing more.
"""

import math
import threading
import time
import urllib.robotparser
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import requests

from django.conf import settings
from django.core.cache import cache


class FetchError(Exception):
    pass


@dataclass
class Response:
    url: str
    status: int
    content: bytes = b""
    headers: dict = field(default_factory=dict)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    def text(self) -> str:
        content_type = self.headers.get("content-type", "")
        charset = "utf-8"
        if "charset=" in content_type:
            charset = content_type.split("charset=")[-1].split(";")[0].strip() or "utf-8"
        return self.content.decode(charset, errors="replace")


def _setting(name, default):
    return getattr(settings, name, default)


class Fetcher:
    """One per worker process; thread-safe; hosts are spaced ``WATCH_HOST_INTERVAL_SECONDS`` apart."""

    def __init__(self):
        self.session = requests.Session()
        self.session.headers["User-Agent"] = _setting("WATCH_USER_AGENT", "KafaatWatch/1.0 (+public news)")
        self.timeout = _setting("WATCH_FETCH_TIMEOUT_SECONDS", 10)
        self.max_bytes = _setting("WATCH_MAX_BYTES", 3_000_000)
        self.max_redirects = _setting("WATCH_MAX_REDIRECTS", 3)
        self._lock = threading.Lock()
        self._next_at: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def _wait_turn(self, host: str) -> None:
        interval = float(_setting("WATCH_HOST_INTERVAL_SECONDS", 1.0))
        with self._lock:
            now = time.monotonic()
            at = max(now, self._next_at.get(host, 0.0))
            self._next_at[host] = at + interval
        if at > now:
            time.sleep(at - now)
        if interval > 0:
            self._shared_turn(host, interval)

    def _shared_turn(self, host: str, interval: float) -> None:
        """Across worker processes: one request per host per interval, through the shared cache (Redis
        in the scaled deployment). A cache that is away leaves the in-process spacing alone."""
        key = f"watch:host:{host}"
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if cache.add(key, 1, timeout=max(1, math.ceil(interval))):
                return
            if cache.get(key) is None:
                return
            time.sleep(min(interval, 0.25))

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            parser = urllib.robotparser.RobotFileParser()
            try:
                response = self._get(origin + "/robots.txt", {})
            except (FetchError, requests.RequestException):
                response = None
            if response is None or response.status >= 500:
                parser = None  # unreachable robots.txt: RFC 9309 says assume disallowed for 5xx
                self._robots[origin] = False
            elif response.status >= 400:
                self._robots[origin] = None  # no robots.txt: everything allowed
            else:
                parser.parse(response.text().splitlines())
                self._robots[origin] = parser
        parser = self._robots[origin]
        if parser is False:
            return False
        return parser is None or parser.can_fetch(self.session.headers["User-Agent"], url)

    def _get(self, url: str, headers: dict) -> Response:
        host = urlsplit(url).netloc
        self._wait_turn(host)
        with self.session.get(
            url, headers=headers, timeout=self.timeout, stream=True, allow_redirects=False
        ) as raw:
            declared = int(raw.headers.get("content-length") or 0)
            if declared > self.max_bytes:
                raise FetchError(f"too large: {declared} bytes")
            chunks, size = [], 0
            for chunk in raw.iter_content(65536):
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchError(f"too large: over {self.max_bytes} bytes")
                chunks.append(chunk)
            return Response(
                url=url,
                status=raw.status_code,
                content=b"".join(chunks),
                headers={k.lower(): v for k, v in raw.headers.items()},
            )

    def get(self, url: str, *, etag: str = "", last_modified: str = "") -> Response:
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for _hop in range(self.max_redirects + 1):
            if urlsplit(url).scheme not in ("http", "https"):
                raise FetchError(f"not http: {url}")
            if not self._allowed(url):
                raise FetchError(f"disallowed by robots.txt: {url}")
            try:
                response = self._get(url, headers)
            except requests.RequestException as error:
                raise FetchError(f"{type(error).__name__}: {url}") from error
            if response.status in (301, 302, 303, 307, 308) and response.headers.get("location"):
                url = urljoin(url, response.headers["location"])
                continue
            if response.status >= 400:
                raise FetchError(f"HTTP {response.status}: {url}")
            return response
        raise FetchError(f"too many redirects: {url}")


_fetcher: Fetcher | None = None


def fetcher() -> Fetcher:
    global _fetcher
    if _fetcher is None:
        _fetcher = Fetcher()
    return _fetcher


def fetcher_reset() -> None:
    """Forget robots.txt answers and host turns (tests, or settings changed)."""
    global _fetcher
    _fetcher = None
