"""A member's face: their photo when the viewer may see it (permissions.visible_fields, group "photo"),
else their initial on a colour of their own. One rule for every surface that shows a member."""

from dataclasses import dataclass

from core.names import display_name, strip_bidi_controls

from .models import Profile
from .permissions import viewer_for, visible_fields

# Background colours of the initials, each with a contrast ratio of at least 4.5:1 against the white
# letter (WCAG AA for normal text); themes/static/themes/css/kafaat.css defines .avatar--c0 … --c7.
AVATAR_COLOURS = ("#1d4ed8", "#047857", "#b91c1c", "#6d28d9", "#0f766e", "#be185d", "#4338ca", "#9a3412")


@dataclass(frozen=True)
class Avatar:
    name: str
    photo_profile_id: int | None  # the profile whose photo to show, None for initials
    initial: str
    colour: int


def initial_of(name: str) -> str:
    """The first letter of the displayed name (Latin, Arabic or any script), upper-cased where it has case."""
    for character in name:
        if character.isalpha():
            return character.upper()
    return (name.strip()[:1] or "?").upper()


def avatar_for(viewer, person) -> Avatar:
    """How ``person`` (a user, or a Profile) appears to ``viewer`` (a user or permissions.Viewer)."""
    if isinstance(person, Profile):
        profile, key = person, person.user_id
        name = strip_bidi_controls(person.display_name) or display_name(person.user)
    else:
        profile = getattr(person, "profile", None) if person is not None else None
        key, name = getattr(person, "pk", None) or 0, display_name(person)
    photo_id = None
    if profile is not None and profile.photo and "photo" in visible_fields(viewer_for(viewer), profile):
        photo_id = profile.pk
    return Avatar(
        name=name, photo_profile_id=photo_id, initial=initial_of(name), colour=key % len(AVATAR_COLOURS)
    )
