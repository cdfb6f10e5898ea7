"""Roles are Django groups with permissions; this module names them and what they may do."""

from django.utils.translation import gettext_lazy as _

from core.registry import registry
from core.requestmemo import remembered

MEMBER = "member"
RELAY = "relay"
EDITOR = "editor"
MODERATOR = "moderator"
ANALYST = "analyst"
ADMIN = "admin"
# Ministry staff who take project holders' cases in hand (accompaniment).
ADVISOR = "advisor"

ROLE_LABELS = {
    MEMBER: _("Member"),
    RELAY: _("Relay"),
    EDITOR: _("Editor"),
    MODERATOR: _("Moderator"),
    ANALYST: _("Analyst"),
    ADVISOR: _("Advisor"),
    ADMIN: _("Administrator"),
}

# Staff roles must set up two-factor authentication before they reach any staff tool.
STAFF_ROLES = frozenset({RELAY, ADVISOR, EDITOR, MODERATOR, ANALYST, ADMIN})

# Roles that work in the Wagtail admin.
ADMIN_ACCESS_ROLES = frozenset({EDITOR, MODERATOR, ANALYST, ADMIN})

# Wagtail's own permissions per role, as "app_label.codename"; the project's apps add theirs through
# core.registry from their AppConfig (this floor names none of them). The admin role is a superuser.
_PAGE_EDITING = [
    "wagtailadmin.access_admin",
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
    "wagtail_localize.submit_translation",
]
ROLE_PERMISSIONS = {
    MEMBER: [],
    RELAY: [],
    EDITOR: _PAGE_EDITING,
    MODERATOR: ["wagtailadmin.access_admin"],
    ANALYST: ["wagtailadmin.access_admin"],
    ADVISOR: [],
    ADMIN: [],
}

# Wagtail page permissions each role holds on the root of the page tree (so in every locale).
ROLE_PAGE_PERMISSIONS = {
    EDITOR: ["add_page", "change_page", "publish_page"],
}


def role_permissions(role: str) -> set[str]:
    """What the role holds: Wagtail's permissions above and what the apps registered."""
    return set(ROLE_PERMISSIONS.get(role, ())) | registry.permissions_of(role)


def held_roles(user):
    """Names of the roles an account holds, the superuser counting as admin, second factor or not."""
    if not user.is_authenticated:
        return set()
    group_names = remembered(
        roles_memo_key(user.pk), lambda: frozenset(user.groups.values_list("name", flat=True))
    )
    names = set(group_names) & set(ROLE_LABELS)
    if user.is_superuser:
        names.add(ADMIN)
    return names


ROLES_MEMO = "held_roles"


def roles_memo_key(user_id):
    """Roles are read once per request (core.requestmemo); any change of groups forgets them
    (accounts.apps)."""
    return (ROLES_MEMO, user_id)


def user_roles(user):
    """Names of the roles that count for this user now.

    Staff roles count only once the session passed the second factor (accounts/second_factor.py):
    before that a moderator, relay or editor is treated as a plain member on every surface that asks
    here (staff-only fields, exports, evidence, relay lists, gated content, back-office pages).
    """
    from .second_factor import second_factor_passed  # allauth's models load after the app registry

    names = held_roles(user)
    if names & STAFF_ROLES and not second_factor_passed(user):
        names -= STAFF_ROLES
    return names
