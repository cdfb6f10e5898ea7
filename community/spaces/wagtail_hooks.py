"""Charters and spaces are managed by moderators in the Wagtail admin."""

from django.utils.translation import gettext_lazy as _

from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Charter, CharterAcceptance, CharterVersion, Space
from .permissions import is_community_moderator


class ModeratorPermissionPolicy(ModelPermissionPolicy):
    """Moderators (a role, see accounts.roles) manage these records; others need the Django permission."""

    def user_has_permission(self, user, action):
        return is_community_moderator(user) or super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return is_community_moderator(user) or super().user_has_any_permission(user, actions)


class ReadOnlyModeratorPolicy(ModeratorPermissionPolicy):
    """Acceptances are a record: moderators read them, nobody edits or deletes them."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class CharterViewSet(SnippetViewSet):
    model = Charter
    icon = "doc-full"
    menu_label = _("Charters")
    list_display = ["slug", "title_fr", "title_ar", "title_en"]

    @property
    def permission_policy(self):
        return ModeratorPermissionPolicy(self.model)


class CharterVersionViewSet(SnippetViewSet):
    model = CharterVersion
    icon = "doc-full-inverse"
    menu_label = _("Charter versions")
    list_display = ["charter", "version", "published_at"]
    list_filter = ["charter"]

    @property
    def permission_policy(self):
        return ModeratorPermissionPolicy(self.model)


class CharterAcceptanceViewSet(SnippetViewSet):
    model = CharterAcceptance
    icon = "tick"
    menu_label = _("Charter acceptances")
    list_display = ["user", "version", "accepted_at"]
    list_filter = ["version"]

    @property
    def permission_policy(self):
        return ReadOnlyModeratorPolicy(self.model)


class SpaceViewSet(SnippetViewSet):
    model = Space
    icon = "lock"
    menu_label = _("Gated spaces")
    list_display = ["slug", "name_fr", "label_mode", "charter"]

    @property
    def permission_policy(self):
        return ModeratorPermissionPolicy(self.model)


class SpacesViewSetGroup(SnippetViewSetGroup):
    items = (SpaceViewSet, CharterViewSet, CharterVersionViewSet, CharterAcceptanceViewSet)
    menu_icon = "lock"
    menu_label = _("Spaces and charters")
    menu_name = "spaces"


register_snippet(SpacesViewSetGroup)
