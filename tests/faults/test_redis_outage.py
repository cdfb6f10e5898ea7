"""Redis stopped while members use the site, then started again: pages are still served from the
database (cache misses fall back), a chat message is stored (clients fetch it by sequence when they
reconnect), tasks queued meanwhile wait in the database and reach the broker once Redis is back, and
readiness says what is down and then that all is well. A real redis-server, started and stopped here."""

import shutil

import kombu.pools
import pytest
import redis

from django.test import Client

from community.messaging import services as messaging
from community.notifications.tasks import notification_email_send
from community.profiles.factories import ProfileFactory
from core.models import DeferredTask
from core.tasks import deferred_tasks_send
from events.factories import EventFactory
from kafaat.celery import app as celery_app
from kafaat.redis_settings import redis_caches, redis_channel_layer

from .servers import RedisServer, free_port

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs Debian's redis-server"),
]


def _fresh_broker_connections():
    """Celery keeps its connection and producer pools per app, and kombu registers them globally per
    broker address: forget them all (kombu.pools.reset closes and unregisters), so the next send, of
    this test or of a later one in the same process, opens new ones. Later tests acquire a producer
    even when tasks run eagerly, so a closed pool left registered would fail them."""
    kombu.pools.reset()
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def private_redis(tmp_path, settings):
    # Read before any override: Celery's configuration reads Django's settings lazily, so reading it
    # after the override would save (and later "restore") the overridden values for the next tests.
    conf = celery_app.conf
    saved = (conf.broker_url, conf.task_always_eager, conf.broker_transport_options)
    server = RedisServer(free_port(), tmp_path)
    server.start()
    url = f"redis://127.0.0.1:{server.port}/0"
    # The production configuration, pointed at this private server.
    settings.CACHES = redis_caches(url, settings.PAGE_CACHE_SECONDS)
    settings.CHANNEL_LAYERS = {"default": redis_channel_layer(url)}
    settings.CELERY_TASK_ALWAYS_EAGER = False
    conf.broker_url, conf.task_always_eager = url, False
    conf.broker_transport_options = {"socket_connect_timeout": 1}
    _fresh_broker_connections()
    yield server
    conf.broker_url, conf.task_always_eager, conf.broker_transport_options = saved
    _fresh_broker_connections()
    if server.process.poll() is None:
        server.stop()


def test_a_redis_outage_loses_nothing_and_fails_no_page(private_redis):
    member, friend = ProfileFactory(directory=True).user, ProfileFactory(directory=True).user
    event = EventFactory()
    conversation = messaging.direct_conversation_open(initiator=member, other=friend)
    client = Client()
    client.force_login(member)
    pages = ["/fr/", "/fr/community/members/", "/fr/events/", f"/fr/events/{event.pk}/"]
    assert [client.get(page).status_code for page in pages] == [200] * 4

    private_redis.stop()
    statuses = [client.get(page).status_code for page in pages for _ in range(3)]
    assert statuses == [200] * 12, statuses
    sent = client.post(f"/fr/community/messages/{conversation.pk}/", {"body": "Toujours là ?"})
    assert sent.status_code in (200, 302)
    assert conversation.messages.filter(body="Toujours là ?").exists()
    ready = client.get("/readyz").json()
    assert ready["ready"] is False and ready["checks"]["database"]["ok"] is True
    assert ready["checks"]["broker"]["ok"] is False

    notification_email_send.delay(123)  # queued while the broker is away: kept, not lost, no error
    (deferred,) = DeferredTask.objects.filter(name__endswith="notification_email_send")
    assert deferred.args == [123] and deferred.error == "OperationalError"
    assert deferred_tasks_send() == 0  # still away: everything waits

    private_redis.start()
    waiting = DeferredTask.objects.count()
    assert deferred_tasks_send() == waiting >= 1
    assert not DeferredTask.objects.exists()
    assert redis.Redis(port=private_redis.port).llen("celery") >= 1
    assert client.get("/readyz").json()["ready"] is True
    assert client.get("/fr/community/members/").status_code == 200
