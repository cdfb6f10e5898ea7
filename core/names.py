"""Who is called what: the name shown next to what a member wrote, in one place.

Plain functions over the user and its optional ``profile`` (duck-typed, so that this floor imports no app);
template filters are thin wrappers.
"""

import re

from django.utils.translation import gettext_lazy as _

# Bidirectional controls (embeddings, overrides, isolates, marks) let a name reorder the text around it.
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")


def strip_bidi_controls(text: str) -> str:
    return BIDI_CONTROLS.sub("", text or "")


def display_name(user) -> str:
    """The member's chosen display name, else their full name; "Deleted member" for a removed account."""
    if user is None:
        return str(_("Deleted member"))
    # A missing profile raises RelatedObjectDoesNotExist, an AttributeError: getattr's default applies.
    profile = getattr(user, "profile", None)
    chosen = getattr(profile, "display_name", "") if profile is not None else ""
    full = user.get_full_name() if hasattr(user, "get_full_name") else ""
    return strip_bidi_controls(chosen or full) or str(_("Member"))

