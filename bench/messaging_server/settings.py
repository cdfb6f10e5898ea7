"""Settings of the server bench/messaging.py starts: the site's, a throwaway database, no rate limit.

BENCH_LAYER chooses the channel layer: "memory" (the embedded default), "redis" (channels-redis's
pub/sub layer, the scaled default) or "redis-core" (channels-redis's RedisChannelLayer).
"""

import os

from kafaat.settings.base import *  # noqa: F403

DEBUG = False
MESSAGING_RATE_LIMIT = (10**9, 60)
LOGGING["root"]["level"] = "ERROR"  # noqa: F405
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "bench"}}
CELERY_TASK_ALWAYS_EAGER = True
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"

_layer = os.environ.get("BENCH_LAYER", "memory")
_redis = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/2")
if _layer == "memory":  # the embedded set-up's layer (kafaat.settings.base without REDIS_URL)
    CHANNEL_LAYERS = {
        "default": {"BACKEND": "kafaat.layers.InMemoryChannelLayer", "CONFIG": {"capacity": 1500}}
    }
elif _layer == "redis":  # the scaled set-up's layer (kafaat.settings.base with REDIS_URL)
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {
                "hosts": [{"address": _redis, "max_connections": 1000, "socket_timeout": None}],
                "prefix": "bench-messaging",
            },
        }
    }
else:  # "redis-core": channels-redis's other layer, the scaled set-up's before the benchmark
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                "hosts": [{"address": _redis, "max_connections": 1000, "socket_timeout": None}],
                "capacity": 1500,
                "expiry": 60,
                "prefix": "bench-messaging",
            },
        }
    }
