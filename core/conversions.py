"""Conversions: something a person did that a campaign may have led to (signing up, answering an event,
applying for a label, asking for accompaniment).

The app where it happens says so with one line, after its own write::

    conversion_send("rsvp", user=user, request=request)

and whoever measures campaigns (outreach) listens to ``conversion`` without the sender knowing it. The
request, when there is one, lets the listener read what the visitor's session carries (the campaign of the
link they followed before signing up). Sent after the commit, so a rolled-back action converts nothing.
"""

from django.db import transaction
from django.dispatch import Signal

# Receivers get: kind (str), user (the person, may be None), request (may be None).
conversion = Signal()


def conversion_send(kind: str, *, user=None, request=None) -> None:
    transaction.on_commit(lambda: conversion.send(sender=kind, kind=kind, user=user, request=request))
