"""WSGI application for ordinary HTTP pages in production (gunicorn threads); websockets go to the ASGI
application in kafaat.asgi. Under ASGI, Django runs every synchronous view of a process in one shared
thread, so pages queue behind each other; plain WSGI workers do not (bench/pages.py)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kafaat.settings.production")
application = get_wsgi_application()
