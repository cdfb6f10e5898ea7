"""Settings of the server bench/messaging.py starts: the site's, a throwaway database, no rate limit.

BENCH_LAYER chooses the channel layer: "memory" (InMemoryChannelLayer, the embedded default),
"redis" (channels_redis RedisChannelLayer, the scaled default) or "redis-pubsub".
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
if _layer == "memory":
    CHANNEL_LAYERS = {
        "default": {"BACKEND": "channels.layers.InMemoryChannelLayer", "CONFIG": {"capacity": 1500}}
    }
elif _layer == "redis-pubsub":
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {"hosts": [{"address": _redis}], "prefix": "bench-messaging"},
        }
    }
else:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                # As in kafaat.settings.base: a larger pool and no socket timeout (see DESIGN pitfalls).
                "hosts": [{"address": _redis, "max_connections": 1000, "socket_timeout": None}],
                "capacity": 1500,
                "expiry": 60,
                "prefix": "bench-messaging",
            },
        }
    }
