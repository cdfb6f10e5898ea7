"""The database went away mid-request (PostgreSQL restarting, a fail-over): answer 503 with a page in
the visitor's language that says to try again, instead of a 500. Django's connection health checks
(CONN_HEALTH_CHECKS) open a fresh connection on the next request, so the app recovers by itself.

The site's 500 handler asks ``database_unavailable_response()`` first: the failure can come from a
middleware (the session, the signed-in user) as well as from a view, and every such exception reaches
that handler.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

RETRY_AFTER_SECONDS = 5


def database_unavailable_response() -> HttpResponse | None:
    """A 503 response when the exception being handled is a lost database, else None."""
    error = sys.exc_info()[1]
    if not isinstance(error, OperationalError | InterfaceError):
        return None
    # No request context: the context processors would query the database that just failed.
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
