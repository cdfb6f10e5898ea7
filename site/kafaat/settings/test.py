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
MATCHING_INDEX_REFRESH_SECONDS = 0  # each test sees its own candidates at once
MATCHING_EMBED_AT_MIGRATE = False  # a test embeds the concepts it needs
MATCHING_EAGER_THREAD = (
    False  # embeddings inline, so that tests read them at once (one test checks the thread)
)
# The model's vectors of texts the suite embeds again and again (the demo, the evaluation sets), kept
# between tests and runs: see matching.embeddings._remembered.
MATCHING_EMBEDDING_CACHE = str(VAR_DIR / "test-templates" / "embeddings.sqlite3")  # noqa: F405
(VAR_DIR / "test-templates").mkdir(parents=True, exist_ok=True)  # noqa: F405
PRIVACY_EXPORT_EAGER_THREAD = False  # archives built after the commit, inline (one test checks the thread)

# Parallel workers (pytest-xdist) each get their own Redis database for the cache and their own
# channel-layer prefix, so that clearing the cache between tests never touches another worker's.
# The databases start after the one REDIS_URL names, so two runs given /0 and /4 stay apart.
_WORKER_INDEX = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
if REDIS_URL:  # noqa: F405
    _redis = urlparse(REDIS_URL)  # noqa: F405
    _test_db = int(_redis.path.strip("/") or 0) + 1 + _WORKER_INDEX
    # Every Redis cache: the page cache too (it copied REDIS_URL's database in base.py, so one worker
    # clearing it between tests emptied the other's pages mid-test).
    for _cache in CACHES.values():  # noqa: F405
        if _cache["BACKEND"] == "kafaat.rediscache.PrefixedRedisCache":
            _cache["LOCATION"] = str(_redis._replace(path=f"/{_test_db}").geturl())
    CHANNEL_LAYERS["default"]["CONFIG"]["prefix"] = f"asgi-test-{_test_db}"  # noqa: F405

# The API's rate limits stay out of the way of the suites (schemathesis sends hundreds of requests as
# one visitor); tests/api/test_tokens.py lowers them on purpose.
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] = {  # noqa: F405
    "api_token": "100000/hour",
    "api_user": "100000/hour",
    "api_anon": "100000/hour",
}
