"""One error body for every failure: ``{"status", "code", "detail", "errors"}``, worded in the caller's
language (Accept-Language, activated by LocaleMiddleware before the view runs)."""

from rest_framework import exceptions
from rest_framework.views import exception_handler

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def _first_code(codes):
    if isinstance(codes, dict):
        return "invalid"
    if isinstance(codes, list):
        return codes[0] if codes and isinstance(codes[0], str) else "invalid"
    return codes


def _throttled(wait) -> str:
    if wait is None:
        return _("Too many requests: try again later.")
    seconds = max(int(wait + 0.999), 1)
    return ngettext(
        "Too many requests: try again in %(seconds)d second.",
        "Too many requests: try again in %(seconds)d seconds.",
        seconds,
    ) % {"seconds": seconds}


def api_exception_handler(exc, context):
    response = exception_handler(exc, context)
    if response is None:
        return None
    body = {"status": response.status_code, "code": "error", "detail": "", "errors": {}}
    if isinstance(exc, exceptions.APIException):
        body["code"] = _first_code(exc.get_codes())
        if isinstance(exc.detail, dict | list):
            body["detail"] = str(exceptions.ValidationError.default_detail)
            body["errors"] = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        elif isinstance(exc, exceptions.Throttled):
            body["detail"] = _throttled(exc.wait)
        else:
            body["detail"] = str(exc.detail)
    response.data = body
    return response
