from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from community.profiles.avatars import avatar_for
from community.profiles.permissions import viewer_for
from core.countries import country_name as _country_name
from core.names import display_name

register = template.Library()


@register.filter
def member_name(user):
    """How a member is named next to what they wrote (core.names.display_name), isolated with <bdi>
    so that a right-to-left name cannot reorder the text around it (finding 6 of issue 12). For text
    content only; in an attribute use ``display_name`` through a view."""
    return format_html("<bdi>{}</bdi>", display_name(user))


@register.filter
def country_name(code):
    """The country's name in the active language, from its ISO code."""
    return _country_name(code) if code else ""


def _request_viewer(context):
    """The permissions.Viewer of this request, computed once per request (it reads roles and blocks)."""
    request = context.get("request")
    if request is None:
        return viewer_for(context.get("user"))
    viewer = getattr(request, "_members_viewer", None)
    if viewer is None:
        viewer = viewer_for(getattr(request, "user", None))
        request._members_viewer = viewer
    return viewer


@register.simple_tag(takes_context=True)
def avatar(context, person, size=40, decorative=True):
    """A member's (a user's or a Profile's) photo when this viewer may see it, else their initial on their
    colour.

    ``decorative`` (the default) when the member's name is written next to it: the image is then hidden
    from assistive technologies (empty alt, aria-hidden); otherwise it is named after the member."""
    face = avatar_for(_request_viewer(context), person)
    size = int(size)
    if face.photo_profile_id is not None:
        alt = "" if decorative else _("Photo of %(name)s") % {"name": face.name}
        return format_html(
            '<img class="avatar avatar--{}" src="{}" alt="{}" width="{}" height="{}" loading="lazy">',
            size,
            reverse("profiles:photo", args=[face.photo_profile_id]),
            alt,
            size,
            size,
        )
    if decorative:
        return format_html(
            '<span class="avatar avatar--{} avatar--c{}" aria-hidden="true">{}</span>',
            size,
            face.colour,
            face.initial,
        )
    return format_html(
        '<span class="avatar avatar--{} avatar--c{}" role="img" aria-label="{}">{}</span>',
        size,
        face.colour,
        face.name,
        face.initial,
    )
