from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import MenuEntry, registry


class HomeConfig(AppConfig):
    """The member's personal home after sign-in and the guided onboarding of new members.

    The home draws the slot "home.sections", where each app registers its own section (matching's
    suggestions, events, messages, posts, accompaniment…): this app imports none of them."""

    name = "community.home"
    label = "personal_home"
    verbose_name = _("Personal home")

    def ready(self):
        registry.add_menu_entry(
            MenuEntry(
                key="home",
                icon="house",
                menu="community",
                label=_("My home"),
                url_name="home:index",
                order=5,
                visible=lambda request: request.user.is_authenticated,
            )
        )
