from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms import pagecache
from cms.models import FooterLink, MenuItem

hooks.register("is_request_cacheable", pagecache.request_cacheable)


class MenuItemViewSet(SnippetViewSet):
    model = MenuItem
    icon = "list-ul"
    menu_label = _("Main menu")
    list_display = ["label", "link_page", "link_url", "locale"]
    list_filter = ["locale"]


class FooterLinkViewSet(SnippetViewSet):
    model = FooterLink
    icon = "link"
    menu_label = _("Footer links")
    list_display = ["label", "link_page", "link_url", "locale"]
    list_filter = ["locale"]


class NavigationViewSetGroup(SnippetViewSetGroup):
    items = (MenuItemViewSet, FooterLinkViewSet)
    menu_icon = "site"
    menu_label = _("Navigation")
    menu_name = "navigation"


register_snippet(NavigationViewSetGroup)
