"""The Redis parts of the settings (caches, channel layer), as functions so that the fault tests build
them for their own private redis-server exactly as production does."""

from redis.asyncio.retry import Retry as AsyncRetry
from redis.backoff import NoBackoff
from redis.retry import Retry


def redis_caches(url: str, page_seconds: int) -> dict:
    default = {
        "BACKEND": "kafaat.rediscache.PrefixedRedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "kafaat",
        # Redis away (restart, fail-over): reads miss and writes are dropped, pages are still served.
        # One immediate retry, not redis-py's default three with backoff: with Redis down each cache
        # read waited 4.3 s, and pages took seconds instead of missing the cache at once.
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 1,
            "SOCKET_TIMEOUT": 2,
            "CONNECTION_POOL_KWARGS": {"retry": Retry(NoBackoff(), 1)},
        },
    }
    return {
        "default": default,
        "pages": {**default, "KEY_PREFIX": "kafaat-pages", "TIMEOUT": page_seconds},
    }


def redis_channel_layer(url: str) -> dict:
    # Pub/sub: a group message is published once and each server process hands it to its own sockets,
    # where the core layer writes and pops it once per socket through Redis (bench/messaging.py: 1.7x
    # the throughput). It keeps nothing for a process that was disconnected from Redis; clients recover
    # that by sequence number (sync on reconnect, and on a gap in the numbers).
    host = {
        "address": url,
        "max_connections": 1000,
        # redis-py's default 5 s socket timeout would cut the long-lived subscription.
        "socket_timeout": None,
        # A publish while Redis is away fails at once (clients recover by sequence number), not after
        # redis-py's retries with backoff, which held a chat post 4 s.
        "retry": AsyncRetry(NoBackoff(), 1),
    }
    return {"BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer", "CONFIG": {"hosts": [host]}}
