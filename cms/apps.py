from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from accounts.roles import EDITOR
from core.registry import registry


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site content")
    demo_seeders = [(10, "cms.demo.seed_cms_content")]

    def ready(self):
        verbs = ("add", "change", "delete")
        editing = [f"cms.{verb}_{model}" for model in ("menuitem", "footerlink") for verb in verbs]
        registry.add_role_permissions(EDITOR, editing)
