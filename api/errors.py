"""One error body for every failure: ``{"status", "code", "detail", "errors"}``, worded in the caller's
language (Accept-Language, activated by LocaleMiddleware before the view runs)."""

from rest_framework import exceptions
from rest_framework.views import exception_handler


def _first_code(codes):
    if isinstance(codes, dict):
        return "invalid"
    if isinstance(codes, list):
        return codes[0] if codes and isinstance(codes[0], str) else "invalid"
    return codes


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
        else:
            body["detail"] = str(exc.detail)
    response.data = body
    return response
