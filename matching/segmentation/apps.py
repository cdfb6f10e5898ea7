from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SegmentationConfig(AppConfig):
    name = "matching.segmentation"
    label = "segmentation"
    verbose_name = _("Segmentation")
    demo_seeders = [(90, "matching.segmentation.demo.seed_segments")]
