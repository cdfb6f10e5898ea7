"""Logs and error reports carry no personal data: addresses and phone numbers in a message are masked
before any handler sees them, and the request object (with its POST data and cookies) is dropped."""

import logging
import re

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# International (+ or 00) or a national number of ten digits in pairs; dates and times do not match.
_PHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)\d[\d ().-]{6,}\d|0\d(?:[ .-]?\d{2}){4})(?![\w])")


def redact(text: str) -> str:
    return _PHONE.sub("[phone]", _EMAIL.sub("[email]", text))


class RedactPersonalData(logging.Filter):
    def filter(self, record):
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 — a badly formatted record is logged as it is
            return True
        record.msg, record.args = redact(message), None
        if hasattr(record, "request"):
            record.request = None
        return True
