"""A service the request needs went away: answer in the visitor's language instead of a 500.

- The database (PostgreSQL restarting, a fail-over): 503 with a page that says to try again. Django's
  connection health checks (CONN_HEALTH_CHECKS) open a fresh connection on the next request, so the app
  recovers by itself.
- The disk that holds uploads is full (or over quota): 507 with a page that says nothing from the form
  was kept. Services save a file inside the transaction that writes its row, so the row is rolled back
  with it; the storages remove the part of the file already written (core.storage).

The site's 500 handler asks ``unavailable_response()`` first: the failure can come from a middleware
(the session, the signed-in user) as well as from a view, and every such exception reaches that handler.
"""

import errno
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

RETRY_AFTER_SECONDS = 5
STORAGE_FULL_ERRNOS = (errno.ENOSPC, errno.EDQUOT)


def is_storage_full(error: BaseException | None) -> bool:
    return isinstance(error, OSError) and error.errno in STORAGE_FULL_ERRNOS


def unavailable_response() -> HttpResponse | None:
    """A 503 (database lost) or 507 (storage full) response for the exception being handled, else None."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        # No request context: the context processors would query the database that just failed.
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    elif is_storage_full(error):
        response = HttpResponse(loader.get_template("507.html").render(), status=507)
    else:
        return None
    response["Cache-Control"] = "no-store"
    return response
