"""Template tags other apps' templates may load to point at matching (community knows no matching code)."""

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from community.profiles.selectors import profile_for_user
from matching.permissions import may_see_project_suggestions, takes_part
from matching.selectors import home_suggestions as suggestions_for
from matching.taxonomy import taxonomy_index

register = template.Library()


@register.simple_tag(takes_context=True)
def matching_link(context):
    """A link to the member's matching page, for their own profile page; empty for anyone else."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not takes_part(user):
        return ""
    return format_html('<a href="{}">{}</a>', reverse("matching:hub"), _("My matching suggestions"))


@register.simple_tag
def skill_concept_options():
    """<option>s naming every taxonomy concept in the reader's language, for the skills datalist."""
    names = sorted({name.current() for name in taxonomy_index().names.values()}, key=str.casefold)
    return format_html_join("", '<option value="{}"></option>', ((name,) for name in names))


@register.simple_tag(takes_context=True)
def project_suggestions_link(context):
    """On a project's page, a link to its suggestions, for its holder only (matching.permissions)."""
    request = context.get("request")
    project = context.get("project")
    user = getattr(request, "user", None)
    if user is None or project is None or not may_see_project_suggestions(user, project):
        return ""
    return format_html(
        '<a href="{}">{}</a>',
        reverse("matching:project", args=[project.pk]),
        _("Suggestions for this project"),
    )


@register.inclusion_tag("matching/_home_section.html", takes_context=True)
def home_suggestions(context):
    """The personal home's section: the first projects suggested to the member, and their projects."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if not getattr(user, "is_authenticated", False):
        return {"show": False}
    profile = context.get("profile") or profile_for_user(user)
    return {"show": True, **suggestions_for(user, profile)}
