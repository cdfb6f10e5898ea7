from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LinkageConfig(AppConfig):
    name = "referential.linkage"
    label = "linkage"
    verbose_name = _("Record linkage")
    # After the imports seeder (100): links the demo sources' records into golden records.
    demo_seeders = [(110, "referential.linkage.demo.seed")]
