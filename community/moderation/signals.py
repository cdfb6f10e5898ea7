"""Signals other apps may follow without moderation knowing them."""

from django.dispatch import Signal

# Sent with ``target`` when a moderator hides something; the sender is the target's model.
target_hidden = Signal()
