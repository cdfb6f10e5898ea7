"""A "Referential" entry in the Wagtail admin menu, for the analysts and administrators who may use it."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .permissions import can_use_referential


class ReferentialMenuItem(MenuItem):
    def is_shown(self, request):
        return can_use_referential(request.user)

    def render_component(self, request):
        # The referential lives under the language prefix; the admin's active language picks it.
        self.url = reverse("referential:home")
        return super().render_component(request)


@hooks.register("register_admin_menu_item")
def register_referential_menu_item():
    return ReferentialMenuItem(_("Referential"), "", name="referential", icon_name="table", order=900)
