"""The server `make demo` starts: the embedded defaults as a visitor meets the site in production.

DEBUG is off, so a wrong address gets the site's translated 404 page, never Django's list of URL
patterns; uploaded images are served by Django itself, since no web server stands in front of it.
"""

from .dev import *  # noqa: F403

DEBUG = env.bool("DJANGO_DEBUG", default=False)  # noqa: F405
SERVE_MEDIA = True
WATCH_DEMO_FEEDS = env.bool("WATCH_DEMO_FEEDS", default=True)  # noqa: F405
