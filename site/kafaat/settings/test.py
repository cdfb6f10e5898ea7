"""Test settings: fast hashing, eager tasks, mail kept in memory unless a test brings its own server."""

import os
from urllib.parse import urlparse

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CELERY_TASK_ALWAYS_EAGER = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
ACCOUNT_RATE_LIMITS = False

# Parallel workers (pytest-xdist) each get their own Redis database for the cache and their own
# channel-layer prefix, so that clearing the cache between tests never touches another worker's.
_WORKER_INDEX = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
if REDIS_URL:  # noqa: F405
    CACHES["default"]["LOCATION"] = str(urlparse(REDIS_URL)._replace(path=f"/{1 + _WORKER_INDEX}").geturl())  # noqa: F405
    CHANNEL_LAYERS["default"]["CONFIG"]["prefix"] = f"asgi-test-{_WORKER_INDEX}"  # noqa: F405
