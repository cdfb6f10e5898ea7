from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LabelsConfig(AppConfig):
    name = "community.labels"
    label = "labels"
    verbose_name = _("Labels")
    demo_seeders = [(40, "community.labels.demo.seed_label_activity")]
