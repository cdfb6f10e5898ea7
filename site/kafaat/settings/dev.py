"""The embedded default on a laptop: debug on, everything local."""

from .base import *  # noqa: F403

DEBUG = env.bool("DJANGO_DEBUG", default=True)  # noqa: F405
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
WHITENOISE_USE_FINDERS = True
WATCH_DEMO_FEEDS = env.bool("WATCH_DEMO_FEEDS", default=DEBUG)  # noqa: F405
