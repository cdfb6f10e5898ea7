"""Signals of privacy that higher floors listen to (this floor cannot name them)."""

from django.dispatch import Signal

# Sent once a member's data archive is ready (kwargs: export, a privacy.DataExport). The community
# core listens and notifies the member.
export_ready = Signal()
