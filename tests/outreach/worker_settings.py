"""Settings of the real Celery worker that tests/outreach/test_worker_kill.py starts and kills.

The scaled deployment's settings (base) against the test's database, its SMTP server and a queue and
cache prefix of its own on the Redis of REDIS_URL.
"""

import os

from kafaat.settings.base import *  # noqa: F403

DATABASES["default"]["NAME"] = os.environ["OUTREACH_TEST_DATABASE"]  # noqa: F405
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
CACHES["default"]["KEY_PREFIX"] = os.environ["OUTREACH_TEST_QUEUE"]  # noqa: F405 — fresh rate counters
CELERY_TASK_ALWAYS_EAGER = False
CELERY_TASK_DEFAULT_QUEUE = os.environ["OUTREACH_TEST_QUEUE"]
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ["OUTREACH_TEST_SMTP_PORT"])
EMAIL_USE_TLS = False
SITE_URL = "https://kafaat.example"
OUTREACH_CLAIM_LEASE_SECONDS = 3
OUTREACH_BATCH_SIZE = 25
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
