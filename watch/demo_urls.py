"""The demo's news feeds and articles, served by the site itself (settings.WATCH_DEMO_FEEDS)."""

from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404
from django.urls import path
from django.utils._os import safe_join

FOLDER = Path(__file__).resolve().parent / "demo_feeds"
TYPES = {
    ".xml": "application/xml; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}


def demo_file(request, name):
    if not getattr(settings, "WATCH_DEMO_FEEDS", False):
        raise Http404
    try:
        target = Path(safe_join(FOLDER, name))
    except Exception as error:  # SuspiciousFileOperation: a path outside the folder
        raise Http404 from error
    if not target.is_file() or target.suffix not in TYPES:
        raise Http404
    return FileResponse(target.open("rb"), content_type=TYPES[target.suffix])


urlpatterns = [path("<path:name>", demo_file, name="watch_demo_file")]
