from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.registry import MenuEntry, registry

from .permissions import may_segment


class SegmentationConfig(AppConfig):
    name = "matching.segmentation"
    label = "segmentation"
    verbose_name = _("Segmentation")
    demo_seeders = [(90, "matching.segmentation.demo.seed_segments")]

    def ready(self):
        from .audience import SegmentAudience  # the audience reads models, loaded once apps are ready

        registry.add_audience_source(SegmentAudience.key, SegmentAudience())
        registry.add_menu_entry(
            MenuEntry(
                key="segmentation",
                icon="filter",
                menu="staff",
                label=_("Segments"),
                url_name="segmentation:list",
                order=40,
                visible=lambda request: may_segment(request.user),
            )
        )
