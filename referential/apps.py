from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferentialConfig(AppConfig):
    name = "referential"
    verbose_name = _("Referential")
    demo_seeders = [(100, "referential.demo.seed_referential")]
