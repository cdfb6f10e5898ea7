"""Emptying the public page cache (every publish, every menu edit) deletes the pages and nothing else
that lives in the same Redis database: the other cache's keys (sign-in rate limits, the funnel's
generation) and Celery's queued tasks. A real redis-server, started here, with production's settings."""

import shutil

import pytest
import redis

from django.core.cache import caches

from cms.pagecache import pages_changed
from kafaat.redis_settings import redis_caches
from tests.faults.servers import RedisServer, free_port

pytestmark = pytest.mark.skipif(
    shutil.which("redis-server") is None,
    reason="needs redis-server on PATH (Debian package redis-server): the test starts its own",
)


@pytest.fixture
def production_caches(tmp_path, settings):
    server = RedisServer(free_port(), tmp_path)
    server.start()
    url = f"redis://127.0.0.1:{server.port}/0"
    settings.CACHES = redis_caches(url, settings.PAGE_CACHE_SECONDS)
    yield redis.Redis.from_url(url)
    server.stop()


def test_a_publish_empties_the_pages_and_keeps_queued_tasks_and_the_other_cache(production_caches):
    raw = production_caches
    raw.lpush("celery", b'{"task": "outreach_campaigns_tick"}')  # a task waiting in Celery's queue
    caches["default"].set("rl:login:203.0.113.7", 4, timeout=None)
    for number in range(1200):  # more than one SCAN batch
        caches["pages"].set(f"page-{number}", "<html>…</html>")

    pages_changed()

    assert raw.lrange("celery", 0, -1) == [b'{"task": "outreach_campaigns_tick"}']
    assert caches["default"].get("rl:login:203.0.113.7") == 4
    assert caches["pages"].get("page-0") is None and caches["pages"].get("page-1199") is None
    assert not [key for key in raw.scan_iter("kafaat-pages:*")]
