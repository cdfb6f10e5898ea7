from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from wagtail.signals import page_published, page_unpublished, post_page_move

from accounts.roles import ADMIN_ACCESS_ROLES, EDITOR, user_roles
from core.registry import MenuEntry, registry

from . import pagecache


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site content")
    demo_seeders = [(10, "cms.demo.seed_cms_content")]

    def ready(self):
        verbs = ("add", "change", "delete")
        editing = [f"cms.{verb}_{model}" for model in ("menuitem", "footerlink") for verb in verbs]
        registry.add_role_permissions(EDITOR, editing)
        registry.add_menu_entry(
            MenuEntry(
                key="cms.admin",
                icon="file-pen",
                menu="staff",
                label=_("Site administration"),
                url_name="wagtailadmin_home",
                order=90,
                visible=lambda request: bool(user_roles(request.user) & ADMIN_ACCESS_ROLES),
            )
        )
        _empty_page_cache_on_changes()
        from .search import PROVIDER  # imports models, loaded after the app registry

        registry.add_search_provider(PROVIDER)


def _empty_page_cache_on_changes():
    # models exist only once the app registry is ready
    from wagtail.models import Page, Site

    # (same reason)
    from .models import FooterLink, MenuItem

    changed = pagecache.pages_changed
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(changed, dispatch_uid=f"pagecache-{id(signal)}")
    for model in (FooterLink, MenuItem, Page, Site):
        post_delete.connect(changed, sender=model, dispatch_uid=f"pagecache-delete-{model.__name__}")
    for model in (FooterLink, MenuItem, Site):  # a site's root page or host changes every address
        post_save.connect(changed, sender=model, dispatch_uid=f"pagecache-save-{model.__name__}")
